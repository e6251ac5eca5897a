/** Vant's confirm dialog with its styles, answering true (confirmed) or false. */
import { showConfirmDialog } from 'vant'
import 'vant/es/dialog/style'

/**
 * Vant points a dialog's aria-labelledby at its title *text*, not at an element, so the
 * dialog has no accessible name: name each open dialog after its title (or its message).
 */
function nameDialogs(): void {
  document.querySelectorAll<HTMLElement>('.van-dialog[role=dialog]:not([aria-label])').forEach((dialog) => {
    const name = dialog.querySelector('.van-dialog__header')?.textContent ?? dialog.querySelector('.van-dialog__message')?.textContent
    if (name) dialog.setAttribute('aria-label', name.trim())
  })
}

export async function confirm(options: {
  title?: string
  message: string
  confirmButtonText?: string
  cancelButtonText?: string
}): Promise<boolean> {
  const answer = showConfirmDialog({ ...options, messageAlign: 'left' })
  setTimeout(nameDialogs, 0)
  try {
    await answer
    return true
  } catch {
    return false
  }
}
