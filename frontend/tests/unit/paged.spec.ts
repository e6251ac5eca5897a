import { describe, expect, it } from 'vitest'
import { usePaged } from '../../src/composables/paged'

interface Deferred {
  offset: number
  resolve: (items: string[]) => void
}

describe('a paged list', () => {
  it('shows the newest reload even when an older answer arrives after it', async () => {
    const asked: Deferred[] = []
    const paged = usePaged<string>(
      (offset) =>
        new Promise((resolve) => {
          asked.push({ offset, resolve: (items) => resolve({ items, total: items.length }) })
        }),
    )
    const first = paged.reload() // e.g. sorted by received, oldest first
    const second = paged.reload() // the header clicked again: newest first
    asked[2]!.resolve(['newest', 'oldest'])
    await second
    asked[1]!.resolve(['oldest', 'newest'])
    asked[0]!.resolve(['initial'])
    await first
    await Promise.resolve()
    expect(paged.items.value).toEqual(['newest', 'oldest'])
    expect(paged.loading.value).toBe(false)
  })
})
