/** The current time as a ref that ticks (for countdowns), one timer for the whole page. */

import { onBeforeUnmount, readonly, ref, type Ref } from 'vue'

const now = ref(Date.now())
let users = 0
let timer: ReturnType<typeof setInterval> | null = null

export function useNow(intervalMs = 30_000): Readonly<Ref<number>> {
  users += 1
  now.value = Date.now()
  timer ??= setInterval(() => (now.value = Date.now()), intervalMs)
  onBeforeUnmount(() => {
    users -= 1
    if (users === 0 && timer !== null) {
      clearInterval(timer)
      timer = null
    }
  })
  return readonly(now)
}
