/** The shapes the services answer with (each service's schemas.py), as the pages use them. */

export type PlaceKind =
  | 'district'
  | 'street'
  | 'community'
  | 'building'
  | 'unit'
  | 'venue'
  | 'station'
  | 'parking_area'

export type CodeKind =
  | 'unit'
  | 'building'
  | 'notice_board'
  | 'venue'
  | 'room'
  | 'station'
  | 'parking_area'

export interface Page<T> {
  items: T[]
  total: number
}

export interface PlaceSummary {
  id: string
  code: string
  name: string
  kind: PlaceKind
  path: string
}

export interface PlaceOut extends PlaceSummary {
  parent_id: string | null
  position: number
  address: string | null
  latitude: number | null
  longitude: number | null
  phone: string | null
}

export interface PlaceDetail extends PlaceOut {
  ancestors: PlaceSummary[]
}

export interface Chain {
  unit?: PlaceSummary | null
  building?: PlaceSummary | null
  community?: PlaceSummary | null
  street?: PlaceSummary | null
  district?: PlaceSummary | null
}

export interface CodeTarget {
  service: string
  id: string
}

export interface ResolvedCode {
  token: string
  kind: CodeKind
  target: CodeTarget | null
  place: PlaceSummary
  chain: Chain
  path: string
  contact_phone: string | null
}

export interface CodeOut {
  id: string
  token: string
  kind: CodeKind
  place_id: string
  target: CodeTarget | null
  status: 'active' | 'revoked'
  url: string
  issued_at: string
  issued_by: string
  revoked_at: string | null
  revoked_by: string | null
  replaces_id: string | null
}

export interface TokenOut {
  access_token: string
  token_type: 'Bearer'
  expires_in: number
  refresh_token: string | null
}

export interface GrantClaim {
  role: string
  place_id: string
  path: string
  perms: string[]
}

export interface MeOut {
  subject: string
  kind: string
  name: string | null
  phone: string | null
  grants: GrantClaim[]
}

export interface GrantOut {
  id: string
  role: string
  place_id: string
  place_path: string
  place_name: string
  granted_at: string
  granted_by: string
}

export interface StaffOut {
  id: string
  username: string
  display_name: string
  organisation_id: string | null
  phone: string | null
  on_duty: boolean
  disabled: boolean
  grants: GrantOut[]
}

export interface StaffCreate {
  username: string
  display_name: string
  password: string
  phone?: string | null
  organisation_id?: string | null
}

export interface RoleOut {
  name: string
  title_zh: string
  title_en: string
  place_kinds: string[]
  permissions: string[]
}

export type OrganisationKind = 'contractor' | 'property_company' | 'partner'

export interface OrganisationOut {
  id: string
  name: string
  kind: OrganisationKind
  created_at: string
}

export type ApiClientKind = 'integration' | 'device'

export interface ApiClientOut {
  id: string
  name: string
  kind: ApiClientKind
  organisation_id: string | null
  key_prefix: string
  scopes: string[]
  places: { place_id: string; name: string }[]
  created_at: string
  revoked_at: string | null
  last_used_at: string | null
}

export interface ApiClientCreated extends ApiClientOut {
  api_key: string
}

export interface ApiClientIn {
  name: string
  kind: ApiClientKind
  organisation_id: string | null
  scopes: string[]
  place_ids: string[]
}

export interface AdminEventOut {
  actor: string
  action: string
  target_kind: string
  target_id: string
  detail: Record<string, unknown>
  at: string
}
