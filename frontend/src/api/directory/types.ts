/** Directory's shapes (services/directory/schemas.py), from its generated OpenAPI types. */

import type { components } from './schema'

type Schemas = components['schemas']

export type PlaceSummary = Schemas['PlaceSummary']
export type PlaceOut = Schemas['PlaceOut']
export type PlaceDetail = Schemas['PlaceDetail']
export type Chain = Schemas['Chain']
export type CodeTarget = Schemas['CodeTarget']
export type ResolvedCode = Schemas['ResolvedCode']
export type CodeOut = Schemas['CodeOut']

export type PlaceKind = PlaceSummary['kind']
export type CodeKind = CodeOut['kind']
