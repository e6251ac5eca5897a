/**
 * Run `tick` every `intervalMs` while the page is visible (document.visibilityState): a
 * phone in a pocket or a background tab polls nothing; coming back polls at once. Stops
 * when the component that started it is unmounted.
 */

import { getCurrentInstance, onBeforeUnmount } from 'vue'

export interface Poller {
  /** Poll now (and restart the interval from now). */
  now: () => Promise<void>
  stop: () => void
}

export function startPolling(tick: () => Promise<void>, intervalMs: number, doc: Document = document): Poller {
  let timer: ReturnType<typeof setInterval> | null = null
  let running: Promise<void> | null = null
  let stopped = false

  // One tick at a time: a slow answer is never overtaken by the next poll.
  function run(): Promise<void> {
    running ??= tick()
      .catch(() => undefined) // a failed poll is retried by the next one
      .finally(() => (running = null))
    return running
  }

  function schedule(): void {
    if (timer !== null) clearInterval(timer)
    timer = stopped || doc.visibilityState === 'hidden' ? null : setInterval(() => void run(), intervalMs)
  }

  function onVisibility(): void {
    schedule()
    if (doc.visibilityState === 'visible') void run()
  }

  doc.addEventListener('visibilitychange', onVisibility)
  schedule()
  return {
    now() {
      schedule()
      return run()
    },
    stop() {
      stopped = true
      schedule()
      doc.removeEventListener('visibilitychange', onVisibility)
    },
  }
}

/** startPolling, stopped with the component. */
export function usePolling(tick: () => Promise<void>, intervalMs: number): Poller {
  const poller = startPolling(tick, intervalMs)
  if (getCurrentInstance()) onBeforeUnmount(poller.stop)
  return poller
}
