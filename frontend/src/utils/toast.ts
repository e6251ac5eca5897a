/** Vant's toast with its styles, for pages that use it (kept out of the hub's first load). */
import { showToast, type ToastOptions } from 'vant'
import 'vant/es/toast/style'

export function toast(message: string): void {
  // Vant draws a toast as a popup with role="dialog" and no name; it is a status message,
  // read out politely. Attributes the toast does not know fall through to that element.
  const status = { role: 'status', 'aria-live': 'polite' }
  showToast({ message, wordBreak: 'break-word', ...status } as ToastOptions)
}
