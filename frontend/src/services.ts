/**
 * The one list of services (services.toml at the repository's root), as the pages use it.
 * services.generated.ts is written from the list (`python -m services.kit.catalog generate`);
 * this file only derives what the pages read from it.
 */

import { HUB_TILES, QR_PAGES, type QrKind, type QrPage } from './services.generated'

export { HUB_TILES, QR_PAGES, SERVICES, SOON_TILES } from './services.generated'
export type { HubTile, QrKind, QrPage, SoonTile } from './services.generated'

/** The hub's messages in one language (hub.<key> and hub.<key>Hint), for the i18n files. */
export function hubMessages(locale: 'zh-CN' | 'en'): Record<string, string> {
  return Object.fromEntries(
    HUB_TILES.flatMap((tile) => [
      [tile.key, tile.label[locale]],
      [`${tile.key}Hint`, tile.hint[locale]],
    ]),
  )
}

/** The page a scanned code opens; a kind the list does not know shows the place. */
export function qrPage(kind: string): QrPage {
  return Object.hasOwn(QR_PAGES, kind) ? QR_PAGES[kind as QrKind] : 'place'
}
