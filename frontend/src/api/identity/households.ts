/**
 * Homes and children (services/identity: households, household_claims, children): the
 * resident's 我的家 and 孩子 sections, and the console's 住户核验 queue.
 */

import { enc, http, residentTokens, staff } from '../http'
import type { Page } from '../types'
import { uploadFile } from '../upload'
import type { components } from './schema'

type Schemas = components['schemas']

export type HouseholdOut = Schemas['HouseholdOut']
export type HouseholdStatus = HouseholdOut['status']
export type Relation = NonNullable<Schemas['HouseholdIn']['relation']>
export type HouseholdIn = Schemas['HouseholdIn']
export type InviteOut = Schemas['InviteOut']
export type DependantOut = Schemas['DependantOut']
export type ClaimOut = Schemas['ClaimOut']
export type ClaimStatus = ClaimOut['status']
interface MediaOut {
  id: string
  upload_key: string
}

const mine = { auth: residentTokens }

export const households = {
  mine: () => http.get<HouseholdOut[]>('/identity/v1/me/households', mine),
  claim: (data: HouseholdIn) => http.post<HouseholdOut>('/identity/v1/me/households', data, mine),
  leave: (id: string) => http.del<void>(`/identity/v1/me/households/${enc(id)}`, { ...mine, as: 'none' }),
  invite: (id: string) => http.post<InviteOut>(`/identity/v1/me/households/${enc(id)}/invites`, {}, mine),
  acceptInvite: (code: string, relation: Relation) =>
    http.post<HouseholdOut>('/identity/v1/me/household-invites/accept', { code, relation }, mine),
  /** A photo of a document, uploaded before the claim names it (with its upload key). */
  uploadDocument: (file: File): Promise<MediaOut> => {
    const token = residentTokens.get().access
    return uploadFile<MediaOut>('/api/identity/v1/media', file, file.name, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    })
  },
  children: () => http.get<DependantOut[]>('/identity/v1/me/dependants', mine),
  addChild: (name: string, birthYear: number, consent: boolean) =>
    http.post<DependantOut>('/identity/v1/me/dependants', { name, birth_year: birthYear, consent }, mine),
  removeChild: (id: string) => http.del<void>(`/identity/v1/me/dependants/${enc(id)}`, { ...mine, as: 'none' }),
}

export const householdClaims = {
  list: (status: ClaimStatus, offset = 0, limit = 20) =>
    http.get<Page<ClaimOut>>('/identity/v1/household-claims', { ...staff, query: { status, offset, limit } }),
  get: (id: string) => http.get<ClaimOut>(`/identity/v1/household-claims/${enc(id)}`, staff),
  approve: (id: string) => http.post<ClaimOut>(`/identity/v1/household-claims/${enc(id)}/approve`, {}, staff),
  refuse: (id: string, reason: string) =>
    http.post<ClaimOut>(`/identity/v1/household-claims/${enc(id)}/refuse`, { reason }, staff),
  withdraw: (id: string, reason: string) =>
    http.post<ClaimOut>(`/identity/v1/household-claims/${enc(id)}/withdraw`, { reason }, staff),
}
