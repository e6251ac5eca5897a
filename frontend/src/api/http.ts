/** The app's one client on the gateway, and the two kinds of signed-in people. */

import { createApiClient } from './client'
import { createTokenStore, type TokenStore } from './tokens'

export const staffTokens = createTokenStore('staff')
export const residentTokens = createTokenStore('resident')

const signedOutListeners = new Set<(store: TokenStore) => void>()
export function onSignedOut(listener: (store: TokenStore) => void): () => void {
  signedOutListeners.add(listener)
  return () => signedOutListeners.delete(listener)
}

export const http = createApiClient({
  base: '/api',
  onSignedOut: (store) => signedOutListeners.forEach((listener) => listener(store)),
})

/** Staff requests carry the staff bearer token. */
export const staff = { auth: staffTokens }
export const enc = encodeURIComponent
