import type { Shape } from '../shape'
import type zh from '../zh-CN/directory'

// Places, QR codes and sheets (pages/directory).
const messages: Shape<typeof zh> = {
  places: {
    title: 'Places and QR codes',
    yourPlaces: 'Your places',
    noPlaces: 'No place is assigned to your account yet.',
    children: 'Places inside',
    noChildren: 'No places inside',
    details: 'Details',
    code: 'Code',
    kind: 'Kind',
    phone: 'Phone',
    address: 'Address',
    path: 'Located in',
    codes: 'QR codes',
    noCodes: 'No QR code here yet',
    print: 'Print QR codes',
    printHint: 'Every unit door code of this {kind}, on A4',
    printPosterHint: 'Print the station’s check-in poster (A4) for its door',
  },
  codes: {
    status: 'Status',
    active: 'Active',
    revoked: 'Revoked',
    token: 'Token',
    issuedAt: 'Issued',
    revokedAt: 'Revoked',
    image: 'QR code: {place}',
    revoke: 'Revoke',
    reissue: 'Re-issue',
    reasonLabel: 'Reason',
    reasonPlaceholder: 'e.g. sticker torn off',
    reasonRequired: 'Please give a reason',
    revokeTitle: 'Revoke this code?',
    revokeBody: 'Residents who scan it will be told it is no longer in use and asked to call the community.',
    reissueTitle: 'Re-issue this code?',
    reissueBody: 'The old code stops working and the new one works at once. Remember to print and post it.',
    revokedToast: 'Revoked',
    reissuedToast: 'New code issued',
    openLink: 'Open the scan page',
  },
  sheet: {
    title: 'Print QR codes',
    preparing: 'Preparing the sheet (a few seconds)…',
    count: '{n} codes',
    print: 'Print',
    download: 'Download the sheet',
    openWindow: 'Open in a new window',
    frameTitle: 'QR sheet preview',
    filename: 'qr-codes-{name}.html',
  },
}

export default messages
