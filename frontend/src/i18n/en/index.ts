// Loaded only when someone switches to English (a chunk of its own). One file per area, each
// typed by its Chinese one (../zh-CN/).

import type { Messages } from '../zh-CN'
import common from './common'
import consoleShell from './console'
import directory from './directory'
import identity from './identity'
import intake from './intake'
import myPage from './myPage'
import scan from './scan'

export const areas = { common, scan, console: consoleShell, directory, identity, intake, myPage } as const

const en: Messages = { ...common, ...scan, ...consoleShell, ...directory, ...identity, ...intake, ...myPage }
export default en
