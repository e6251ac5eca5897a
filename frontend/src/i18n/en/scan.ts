import type { Shape } from '../shape'
import type zh from '../zh-CN/scan'
import { hubMessages } from '../../services'

// The scanned code and the building hub (pages/scan).
const messages: Shape<typeof zh> = {
  scan: {
    title: 'Scan for service',
    opening: 'Opening…',
    whereYouAre: 'Where you are',
    office: 'Community office',
    callOffice: 'Call the community office',
    noPhone: "Please contact your community's residents' committee.",
    services: 'What you can do here',
    comingSoonTag: 'Coming soon',
  },
  // The hub's tiles: services.toml (hub.<key>, hub.<key>Hint).
  hub: hubMessages('en'),
  soon: {
    title: 'Coming soon',
    heading: '“{feature}” is coming soon',
    body: 'This service is still being built and will be ready soon. If you need help now, please call the community office.',
    backToHub: 'Back to this building',
    console: 'This part is still being built and is coming soon.',
  },
  place: {
    comingHeading: '{place}',
    comingBody: 'The service page for this {kind} is being built and is coming soon.',
  },
  codeProblem: {
    title: 'This code cannot be used',
    notFoundHeading: 'We do not know this code',
    notFoundBody: 'The sticker may be the wrong one or damaged. Please call the community office and we will replace it.',
    revokedHeading: 'This code is no longer in use',
    revokedBody: 'This sticker has been withdrawn; a new one will be posted in the same place. For help, contact {community}.',
    revokedBodyNoCommunity: 'This sticker has been withdrawn; a new one will be posted in the same place. For help, contact the community office.',
    malformedHeading: 'The link is incomplete',
    malformedBody: 'Please scan the code on the door again. If it still does not open, contact the community office.',
    otherHeading: 'This page cannot open right now',
    whatToDo: 'What you can do',
    rescan: 'Scan the code on the door again',
  },
  resident: {
    signInTitle: 'Sign in with your phone',
    signInLead: 'Confirm your mobile number and what you report on this phone is kept under it. It is only used to sign you in and to contact you, never shown to others.',
    phone: 'Mobile',
    phonePlaceholder: '11-digit mobile number',
    phoneInvalid: 'Enter a valid 11-digit mobile number',
    code: 'Code',
    codePlaceholder: '6-digit code',
    codeInvalid: 'The code is 6 digits',
    sendCode: 'Send code',
    resendIn: 'Resend in {s} s',
    codeSent: 'Code sent: check your text messages',
    signIn: 'Sign in',
    signedInAs: 'Signed in: {phone}',
    signOut: 'Sign out',
  },
}

export default messages
