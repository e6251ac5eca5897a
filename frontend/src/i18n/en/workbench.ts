import type { Shape } from '../shape'
import type zh from '../zh-CN/workbench'

// The console's newer words (see ../zh-CN/workbench.ts).
const messages: Shape<typeof zh> = {
  workbench: {
    todo: {
      title: 'What needs doing',
      none: 'Nothing waiting',
    },
    services: {
      identity: 'Accounts and roles',
      directory: 'Places',
      intake: 'Tickets',
      rooms: 'Activity rooms',
      parking: 'Parking',
      courier: 'Warm station',
    },
    dueToday: 'Due today',
    nav: {
      label: 'Sections',
      home: 'Console',
      tickets: 'Tickets',
      stats: 'Statistics',
      places: 'Places and QR codes',
      expand: 'Open the navigation',
      collapse: 'Fold the navigation',
      groups: {
        work: 'Daily work',
        services: 'Services',
        admin: 'Admin',
        account: 'Account',
      },
    },
    table: {
      number: 'Number',
      category: 'Category',
      place: 'Place',
      received: 'Received',
      due: 'Deadline',
      status: 'Status',
      assignee: 'Assignee',
    },
    unassigned: 'Not assigned',
    shown: '{n} of {total} shown',
    more: 'Load more',
    exportFormat: 'File format',
    exportGo: 'Export',
    range: {
      custom: 'Choose a period',
      start: 'From',
      end: 'To',
      to: 'to',
    },
  },
}

export default messages
