/**
 * The console's three widths: a phone (< 768 px: the bottom tab bar, lists as cards), a
 * tablet at a venue or station desk (768–1023 px: the side navigation, collapsible) and a
 * desk (≥ 1024 px: the side navigation open, lists as tables). One pair of media queries
 * for the whole page; pages read `viewport.value`.
 */

import { computed, readonly, ref, type ComputedRef, type Ref } from 'vue'

export type Viewport = 'phone' | 'tablet' | 'desk'

export const TABLET_MIN_PX = 768
export const DESK_MIN_PX = 1024

/** The viewport a width falls in (the breakpoints above). */
export function viewportOf(width: number): Viewport {
  if (width >= DESK_MIN_PX) return 'desk'
  if (width >= TABLET_MIN_PX) return 'tablet'
  return 'phone'
}

const current = ref<Viewport>(typeof window === 'undefined' ? 'phone' : viewportOf(window.innerWidth))
let watching = false

function watchWidth(): void {
  if (watching || typeof window === 'undefined' || !window.matchMedia) return
  watching = true
  const update = () => (current.value = viewportOf(window.innerWidth))
  for (const min of [TABLET_MIN_PX, DESK_MIN_PX]) {
    window.matchMedia(`(min-width: ${min}px)`).addEventListener('change', update)
  }
  update()
}

export function useViewport(): { viewport: Readonly<Ref<Viewport>>; wide: ComputedRef<boolean> } {
  watchWidth()
  // `wide`: the desk layout (side navigation, tables), from a tablet up.
  return { viewport: readonly(current), wide: computed(() => current.value !== 'phone') }
}
