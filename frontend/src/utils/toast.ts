/** Vant's toast with its styles, for pages that use it (kept out of the hub's first load). */
import { showToast } from 'vant'
import 'vant/es/toast/style'

export function toast(message: string): void {
  showToast({ message, wordBreak: 'break-word' })
}
