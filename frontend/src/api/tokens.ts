/**
 * Where a signed-in person's tokens live. The short-lived access token stays in
 * sessionStorage (this tab); the refresh token in localStorage, so a new tab or a reload
 * signs in again silently. Staff and residents are kept apart: a staff member who scans a
 * door code on their own phone is a resident there.
 */

export interface Tokens {
  access: string | null
  refresh: string | null
}

export interface TokenStore {
  readonly name: string
  get(): Tokens
  set(tokens: Tokens): void
  clear(): void
  /** Called after every change; returns the unsubscribe function. */
  subscribe(listener: (tokens: Tokens) => void): () => void
}

interface Storages {
  session: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>
  local: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>
}

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read()
  } catch {
    return fallback // storage disabled (private mode, a locked-down webview)
  }
}

export function createTokenStore(
  name: 'staff' | 'resident',
  storages: Storages = { session: sessionStorage, local: localStorage },
): TokenStore {
  const accessKey = `sqwb.${name}.access`
  const refreshKey = `sqwb.${name}.refresh`
  const listeners = new Set<(tokens: Tokens) => void>()
  // A copy in memory: the tokens keep working even where storage throws.
  let memory: Tokens = {
    access: safely(() => storages.session.getItem(accessKey), null),
    refresh: safely(() => storages.local.getItem(refreshKey), null),
  }

  function write(key: string, value: string | null, storage: Storages['session']): void {
    safely(() => (value === null ? storage.removeItem(key) : storage.setItem(key, value)), undefined)
  }

  const store: TokenStore = {
    name,
    get: () => ({ ...memory }),
    set(tokens) {
      memory = { ...tokens }
      write(accessKey, tokens.access, storages.session)
      write(refreshKey, tokens.refresh, storages.local)
      listeners.forEach((listener) => listener(store.get()))
    },
    clear() {
      store.set({ access: null, refresh: null })
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  return store
}
