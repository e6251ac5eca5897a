/**
 * The shapes the services answer with, as the pages use them: aliases of each service's
 * generated OpenAPI types (`<service>/types.ts` over `<service>/schema.d.ts`, made by
 * `make api-types`), and the few shapes that exist only in the frontend.
 */

export type * from './directory/types'
export type * from './identity/types'
export type * from './intake/types'

/** A page of a list (every service's `Page[...]`). */
export interface Page<T> {
  items: T[]
  total: number
}
