/** A list the API pages with limit/offset: the items so far, the total, and "load more". */

import { computed, ref, shallowRef, type ComputedRef, type Ref, type ShallowRef } from 'vue'
import type { Page } from '../api/types'

export interface Paged<T> {
  items: ShallowRef<T[]>
  total: Ref<number>
  loading: Ref<boolean>
  loaded: Ref<boolean>
  error: ShallowRef<unknown>
  hasMore: ComputedRef<boolean>
  more: () => Promise<void>
  reload: () => Promise<void>
}

export function usePaged<T>(fetchPage: (offset: number) => Promise<Page<T>>): Paged<T> {
  const items = shallowRef<T[]>([])
  const total = ref(0)
  const loading = ref(false)
  const loaded = ref(false)
  const error = shallowRef<unknown>(null)

  // Each reload starts a new list: an answer to an older one (other filters, another sort,
  // slower on the network) arriving after it is dropped, never shown over the newer list.
  let generation = 0

  async function load(offset: number): Promise<void> {
    const mine = offset === 0 ? ++generation : generation
    loading.value = true
    error.value = null
    try {
      const page = await fetchPage(offset)
      if (mine !== generation) return
      items.value = offset === 0 ? page.items : [...items.value, ...page.items]
      total.value = page.total
      loaded.value = true
    } catch (caught) {
      if (mine === generation) error.value = caught
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  void load(0)
  return {
    items,
    total,
    loading,
    loaded,
    error,
    hasMore: computed(() => items.value.length < total.value),
    more: () => load(items.value.length),
    reload: () => load(0),
  }
}
