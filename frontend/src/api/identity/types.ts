/** Identity's shapes (services/identity/schemas.py), from its generated OpenAPI types. */

import type { components } from './schema'

type Schemas = components['schemas']

export type TokenOut = Schemas['TokenOut']
/** A staff sign-in: the tokens and the wrong passwords given since the last one. */
export type StaffTokenOut = Schemas['StaffTokenOut']
export type FailedAttemptsOut = Schemas['FailedAttemptsOut']
/** The signed-in person; `grants` as the token carries them (the schema says only objects). */
export type MeOut = Omit<Schemas['MeOut'], 'grants'> & { grants?: GrantClaim[] }
export type GrantOut = Schemas['GrantOut']
export type StaffOut = Schemas['StaffOut']
export type StaffCreate = Schemas['StaffCreate']
export type StaffChange = Schemas['StaffChange']
export type RoleOut = Schemas['RoleOut']
export type PermissionMeaning = Schemas['PermissionMeaning']
export type CatalogueOut = Schemas['CatalogueOut']
export type OrganisationOut = Schemas['OrganisationOut']
export type OrganisationKind = OrganisationOut['kind']
export type ApiClientOut = Schemas['ApiClientOut']
export type ApiClientCreated = Schemas['ApiClientCreated']
export type ApiClientIn = Schemas['ApiClientIn']
export type ApiClientKind = NonNullable<ApiClientIn['kind']>
export type AdminEventOut = Schemas['AdminEventOut']
/** A message a service sent the signed-in resident (GET /v1/me/messages). */
export type MyMessageOut = Schemas['MyMessageOut']
/** A resident as community staff who may act for them see them (phones masked). */
export type ResidentRecordOut = Schemas['ResidentRecordOut']
export type AssistedResidentIn = Schemas['AssistedResidentIn']

/**
 * One grant as the access token carries it (`grants` claim; identity's tokens.py): no
 * OpenAPI schema describes a token's claims, so it is written here.
 */
export interface GrantClaim {
  role: string
  place_id: string
  path: string
  perms: string[]
}
