/**
 * A component loaded the first time it is wanted (the desk's frame, table and dialog: never
 * on a phone). Vue's defineAsyncComponent or `<component :is>` would do, but either would
 * add to the Vue chunk every page loads, the resident's hub too; this is a few lines in the
 * console's own chunks. Call it in a component's setup; use the result as a component.
 */

import { defineComponent, h, shallowRef, watch, type Component } from 'vue'

export function useLazyComponent(wanted: () => boolean, load: () => Promise<{ default: Component }>): Component {
  const loaded = shallowRef<Component | null>(null)
  let loading = false
  watch(
    wanted,
    (want) => {
      if (!want || loading) return
      loading = true
      load().then(
        (module) => (loaded.value = module.default),
        () => (loading = false), // a failed chunk (a new deploy, a dropped line): try again next time
      )
    },
    { immediate: true },
  )
  return defineComponent({
    inheritAttrs: false,
    setup(_, { attrs, slots }) {
      return () => (loaded.value ? h(loaded.value, attrs, slots) : null)
    },
  })
}
