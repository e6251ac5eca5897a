/**
 * A form's draft, kept in sessionStorage as it is typed: a reload, a lost network or a trip
 * to another page never loses what was written. Never pass secrets (passwords) here.
 */

import { reactive, watch, type UnwrapNestedRefs } from 'vue'

const PREFIX = 'sqwb.draft.'

export function loadDraft<T extends object>(key: string, initial: T, storage: Pick<Storage, 'getItem'> = sessionStorage): T {
  try {
    const saved = storage.getItem(PREFIX + key)
    if (!saved) return { ...initial }
    const parsed: unknown = JSON.parse(saved)
    if (typeof parsed !== 'object' || parsed === null) return { ...initial }
    // Only the fields the form has, of the same type: an old draft cannot break the form.
    const out = { ...initial } as Record<string, unknown>
    for (const [field, value] of Object.entries(parsed)) {
      if (field in out && typeof value === typeof out[field]) out[field] = value
    }
    return out as T
  } catch {
    return { ...initial }
  }
}

export function saveDraft(key: string, value: object, storage: Pick<Storage, 'setItem'> = sessionStorage): void {
  try {
    storage.setItem(PREFIX + key, JSON.stringify(value))
  } catch {
    // Storage full or disabled: the draft lives in memory only.
  }
}

export function clearDraft(key: string, storage: Pick<Storage, 'removeItem'> = sessionStorage): void {
  try {
    storage.removeItem(PREFIX + key)
  } catch {
    // Nothing to clear.
  }
}

export interface Draft<T extends object> {
  form: UnwrapNestedRefs<T>
  /** Forget the draft (after a successful submit) and reset the form. */
  clear: () => void
}

/**
 * `storage` is sessionStorage by default (this tab); a form that must outlive the page being
 * closed (WeChat drops a backgrounded webview during a phone call) passes localStorage.
 */
export function useDraft<T extends object>(key: string, initial: T, storage: Storage = sessionStorage): Draft<T> {
  const form = reactive(loadDraft(key, initial, storage)) as UnwrapNestedRefs<T>
  watch(form, (value) => saveDraft(key, value, storage), { deep: true })
  return {
    form,
    clear() {
      Object.assign(form, initial)
      clearDraft(key, storage)
    },
  }
}
