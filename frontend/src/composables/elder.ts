/**
 * Elder mode (适老化): bigger text (≥ 18 px), bigger tap targets (≥ 60 px), stronger
 * contrast. One class on <html> switches the CSS variables (styles/theme.css); the choice is
 * remembered in localStorage. index.html applies it before the first paint.
 */

import { readonly, ref, type Ref } from 'vue'

export const ELDER_KEY = 'sqwb.elder'
export const ELDER_CLASS = 'elder'

function read(storage: Pick<Storage, 'getItem'>): boolean {
  try {
    return storage.getItem(ELDER_KEY) === '1'
  } catch {
    return false
  }
}

const enabled = ref(false)

function apply(on: boolean, root: HTMLElement): void {
  root.classList.toggle(ELDER_CLASS, on)
}

/** Read the remembered choice and apply it (once, at start-up). */
export function initElderMode(
  storage: Pick<Storage, 'getItem'> = localStorage,
  root: HTMLElement = document.documentElement,
): boolean {
  enabled.value = read(storage)
  apply(enabled.value, root)
  return enabled.value
}

export function setElderMode(
  on: boolean,
  storage: Pick<Storage, 'setItem'> = localStorage,
  root: HTMLElement = document.documentElement,
): void {
  enabled.value = on
  apply(on, root)
  try {
    storage.setItem(ELDER_KEY, on ? '1' : '0')
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

export function useElderMode(): { enabled: Readonly<Ref<boolean>>; toggle: () => void } {
  return { enabled: readonly(enabled), toggle: () => setElderMode(!enabled.value) }
}
