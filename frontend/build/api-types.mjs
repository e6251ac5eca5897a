// The TypeScript types of each service's API, from its OpenAPI document.
//
//   node build/api-types.mjs [DIR]     (DIR: src/api)
//
// For every DIR/<service>/openapi.json (written by infra/api_types.py) writes
// DIR/<service>/schema.d.ts with openapi-typescript, in one process. Run both through
// `make api-types`; tests/test_api_types.py fails when the committed files are stale.
import { readdirSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import openapiTS, { astToString } from 'openapi-typescript'

const HEADER = `/**
 * Generated from openapi.json by \`make api-types\` (openapi-typescript): do not edit.
 * Use it through ../types.ts (components['schemas'][...]).
 */

`

const dir = resolve(process.argv[2] ?? 'src/api')
const services = readdirSync(dir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'openapi.json')))
  .map((entry) => entry.name)
  .sort()
if (services.length === 0) {
  console.error(`no <service>/openapi.json under ${dir}: run infra/api_types.py first`)
  process.exit(1)
}
for (const service of services) {
  const document = JSON.parse(readFileSync(join(dir, service, 'openapi.json'), 'utf8'))
  const ast = await openapiTS(document, { silent: true })
  const target = join(dir, service, 'schema.d.ts')
  writeFileSync(target, HEADER + astToString(ast))
  console.log(target)
}
