/** Directory: places, their QR codes and the A4 sheets (services/directory). */

import { enc, http, staff } from '../http'
import type { Page } from '../types'
import type { CodeOut, PlaceDetail, PlaceOut, ResolvedCode } from './types'

export const directory = {
  resolveCode: (token: string) => http.get<ResolvedCode>(`/directory/v1/codes/${enc(token)}`),
  codeImageUrl: (token: string) => `/api/directory/v1/codes/${enc(token)}/image.svg`,
  place: (id: string) => http.get<PlaceDetail>(`/directory/v1/places/${enc(id)}`),
  placeByCode: (code: string) => http.get<PlaceDetail>(`/directory/v1/places/by-code/${enc(code)}`),
  children: (parentId: string, offset = 0, limit = 100) =>
    http.get<Page<PlaceOut>>('/directory/v1/places', {
      query: { parent_id: parentId, offset, limit },
    }),
  placeCodes: (placeId: string) => http.get<CodeOut[]>(`/directory/v1/places/${enc(placeId)}/codes`, staff),
  revokeCode: (token: string, reason: string) =>
    http.post<CodeOut>(`/directory/v1/codes/${enc(token)}/revoke`, { reason }, staff),
  reissueCode: (token: string, reason: string) =>
    http.post<CodeOut>(`/directory/v1/codes/${enc(token)}/reissue`, { reason }, staff),
  qrSheet: (placeId: string) =>
    http.get<string>(`/directory/v1/places/${enc(placeId)}/qr-sheet`, {
      ...staff,
      as: 'text',
      timeoutMs: 60_000,
    }),
}
