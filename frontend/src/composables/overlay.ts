import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'

/**
 * A popup that closes on a tap outside makes its overlay a button (Vant): give that button a
 * name ("关闭"), or screen readers announce a nameless button. Pass as `:overlay-props`.
 */
export function useCloseOverlayProps(): ComputedRef<object> {
  const { t } = useI18n()
  return computed(() => ({ 'aria-label': t('common.close') }))
}
