/**
 * The app's API: the one client (`http.ts`) and each service's calls in its own folder
 * (`<service>/index.ts`, its shapes in `<service>/types.ts` over the generated `schema.d.ts`).
 */

export * from './http'
export { directory } from './directory'
export { identity } from './identity'
