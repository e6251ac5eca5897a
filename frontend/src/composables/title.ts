/**
 * The document title: the route's own (meta.titleKey), or what a page sets once it knows
 * more (the hub names the building), followed by the app's name. WeChat shows it as the
 * page's heading, and it is what a shared link is called.
 */

import { onBeforeUnmount, ref, watchEffect } from 'vue'

export const titleOverride = ref<string | null>(null)

export function usePageTitle(compute: () => string | null): void {
  const stop = watchEffect(() => {
    titleOverride.value = compute()
  })
  onBeforeUnmount(() => {
    stop()
    titleOverride.value = null
  })
}

export function composeTitle(page: string | null, app: string): string {
  return page ? `${page} · ${app}` : app
}
