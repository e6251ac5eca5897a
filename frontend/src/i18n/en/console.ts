import type { Shape } from '../shape'
import type zh from '../zh-CN/console'

// The console's shell: sign-in, home, account (pages/console).
const messages: Shape<typeof zh> = {
  console: {
    title: 'Staff console',
    tabs: {
      home: 'Console',
      places: 'Places',
      admin: 'Admin',
      me: 'Me',
    },
    noAccess: 'Your roles do not allow this. Ask your administrator if you need it.',
    signedOut: 'Your session has ended; please sign in again',
    failedAttempts: {
      text: 'Sign-in attempts with a wrong password since you last signed in: {n}. If that was not you, tell your administrator, who can reset your password.',
      withLast: 'Sign-in attempts with a wrong password since you last signed in: {n}, the last at {at}. If that was not you, tell your administrator, who can reset your password.',
      dismiss: 'Got it',
    },
  },
  login: {
    title: 'Staff sign-in',
    lead: 'Community and street-office staff sign in with their account.',
    username: 'Username',
    usernamePlaceholder: 'Your username',
    password: 'Password',
    passwordPlaceholder: 'Your password',
    submit: 'Sign in',
    forgotHint: 'Forgot your password? Ask your street office\'s administrator to reset it.',
    residentHint: 'Residents: just scan the QR code on your unit door, no account needed.',
  },
  dashboard: {
    hello: 'Hello, {name}',
    yourRoles: 'Your roles',
    sections: 'Sections',
    places: 'Places and QR codes',
    placesHint: 'Browse places, revoke or re-issue codes, print',
    staff: 'Staff',
    staffHint: 'Accounts, disabling, roles',
    organisations: 'Organisations',
    organisationsHint: 'Contractors, property companies, partners',
    apiClients: 'API keys',
    apiClientsHint: 'Issue and revoke keys for integrations',
    audit: 'Audit log',
    auditHint: 'Who did what, and when',
    tickets: 'Tickets',
    ticketsHint: 'Problems residents report: acknowledge, assign, resolve',
    stats: 'Statistics',
    statsHint: 'The three rates, trends, hotspots, exports',
    later: 'Coming soon',
    inbox: 'Work inbox',
    calendar: 'Room calendar',
    parking: 'Parking',
    station: 'Warm station',
    stationHint: 'Who is in, card check-in, the kit and activities',
  },
  me: {
    title: 'Me',
    account: 'Account',
    name: 'Name',
    phone: 'Mobile',
    roles: 'Roles',
    on: 'on',
    signOut: 'Sign out',
    signOutConfirm: 'Sign out now?',
  },
}

export default messages
