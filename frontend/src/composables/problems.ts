/** errorMessage / fieldErrors with the app's translations. */

import { useI18n } from 'vue-i18n'
import { errorMessage, fieldErrors, type Translator } from '../api/problem'

export function useProblems(): {
  message: (error: unknown) => string
  fields: (error: unknown) => Record<string, string>
} {
  const { t, te } = useI18n()
  const tr: Translator = { t: (key, params) => (params ? t(key, params) : t(key)), te: (key) => te(key) }
  return { message: (error) => errorMessage(error, tr), fields: (error) => fieldErrors(error, tr) }
}
