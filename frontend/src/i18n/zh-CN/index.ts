// The source of truth for every visible string, one file per area (a new service adds its
// own). English (../en/) must have the same keys: each English area file is typed by its
// Chinese one, so a missing or extra key is a compile error; tests/unit/i18n.spec.ts lists them.
// vue-i18n syntax: {name} interpolates; never write a bare @ $ | { } in a message.

import type { Shape } from '../shape'
import common from './common'
import consoleShell from './console'
import directory from './directory'
import identity from './identity'
import intake from './intake'
import myPage from './myPage'
import scan from './scan'

/** Each area's top-level keys are its own (tests/unit/i18n.spec.ts checks none is repeated). */
export const areas = { common, scan, console: consoleShell, directory, identity, intake, myPage } as const

const zhCN = { ...common, ...scan, ...consoleShell, ...directory, ...identity, ...intake, ...myPage }

export type Messages = Shape<typeof zhCN>

const messages: Messages = zhCN
export default messages
