/** Identity: sign-in, the signed-in person, staff, organisations, API keys, audit (services/identity). */

import { enc, http, residentTokens, staff } from '../http'
import type { TokenStore } from '../tokens'
import type { Page } from '../types'
import type {
  AdminEventOut,
  AssistedResidentIn,
  ApiClientCreated,
  ApiClientIn,
  ApiClientOut,
  CatalogueOut,
  GrantOut,
  MeOut,
  MyMessageOut,
  OrganisationKind,
  OrganisationOut,
  ResidentRecordOut,
  RoleOut,
  StaffCreate,
  StaffOut,
  StaffTokenOut,
  TokenOut,
} from './types'

export const identity = {
  login: (username: string, password: string) =>
    http.post<StaffTokenOut>('/identity/v1/auth/login', { username, password }),
  logout: (refreshToken: string) =>
    http.post<void>('/identity/v1/auth/logout', { refresh_token: refreshToken }, { as: 'none' }),
  sendOtp: (phone: string) =>
    http.post<{ expires_in: number; resend_after: number }>('/identity/v1/auth/otp/send', { phone }),
  verifyOtp: (phone: string, code: string) =>
    http.post<TokenOut>('/identity/v1/auth/otp/verify', { phone, code }),
  me: (store: TokenStore) => http.get<MeOut>('/identity/v1/me', { auth: store }),
  roles: () => http.get<RoleOut[]>('/identity/v1/roles'),
  /** Every service's permissions, as identity last learned them (GET /v1/permissions). */
  catalogues: () => http.get<CatalogueOut[]>('/identity/v1/catalogues'),
  addRolePermission: (role: string, permission: string) =>
    http.post<RoleOut>(`/identity/v1/roles/${enc(role)}/permissions`, { permission }, staff),
  removeRolePermission: (role: string, permission: string) =>
    http.del<RoleOut>(`/identity/v1/roles/${enc(role)}/permissions/${enc(permission)}`, staff),
  staffList: (offset = 0, limit = 50) =>
    http.get<Page<StaffOut>>('/identity/v1/staff', { ...staff, query: { offset, limit } }),
  staffMember: (id: string) => http.get<StaffOut>(`/identity/v1/staff/${enc(id)}`, staff),
  createStaff: (data: StaffCreate) => http.post<StaffOut>('/identity/v1/staff', data, staff),
  changeStaff: (id: string, change: { disabled?: boolean; on_duty?: boolean }) =>
    http.patch<StaffOut>(`/identity/v1/staff/${enc(id)}`, change, staff),
  grantRole: (id: string, role: string, placeId: string) =>
    http.post<GrantOut>(`/identity/v1/staff/${enc(id)}/grants`, { role, place_id: placeId }, staff),
  withdrawGrant: (id: string, grantId: string) =>
    http.del<void>(`/identity/v1/staff/${enc(id)}/grants/${enc(grantId)}`, { ...staff, as: 'none' }),
  organisations: (offset = 0, limit = 100) =>
    http.get<Page<OrganisationOut>>('/identity/v1/organisations', { query: { offset, limit } }),
  createOrganisation: (name: string, kind: OrganisationKind) =>
    http.post<OrganisationOut>('/identity/v1/organisations', { name, kind }, staff),
  apiClients: (offset = 0, limit = 50) =>
    http.get<Page<ApiClientOut>>('/identity/v1/api-clients', { ...staff, query: { offset, limit } }),
  issueApiClient: (data: ApiClientIn) =>
    http.post<ApiClientCreated>('/identity/v1/api-clients', data, staff),
  revokeApiClient: (id: string) => http.del<ApiClientOut>(`/identity/v1/api-clients/${enc(id)}`, staff),
  /** The messages services sent the signed-in resident, newest first. */
  myMessages: (offset = 0, limit = 20) =>
    http.get<Page<MyMessageOut>>('/identity/v1/me/messages', {
      auth: residentTokens,
      query: { offset, limit },
    }),
  /** A resident's own account, deleted (what is erased: services/identity/leaving.py). */
  deleteMe: (store: TokenStore) => http.del<void>('/identity/v1/me', { auth: store, as: 'none' }),
  /** Residents of my communities by name, or a phone typed in full (in the body, never the URL). */
  searchResidents: (query: { name?: string; phone?: string }) =>
    http.post<ResidentRecordOut[]>('/identity/v1/residents/search', query, staff),
  /** A record for a resident without a smartphone, at their home. */
  recordResident: (data: AssistedResidentIn) =>
    http.post<ResidentRecordOut>('/identity/v1/residents', data, staff),
  /** A short-lived token for acting for a resident, with the reason (recorded). */
  actFor: (residentId: string, reason: string) =>
    http.post<TokenOut>('/identity/v1/tokens/act-for', { resident_id: residentId, reason }, staff),
  audit: (offset = 0, limit = 30) =>
    http.get<Page<AdminEventOut>>('/identity/v1/audit', { ...staff, query: { offset, limit } }),
}
