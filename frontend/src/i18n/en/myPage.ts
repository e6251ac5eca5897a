// The resident's 我的 page (pages/resident/).

import type { Shape } from '../shape'
import type zh from '../zh-CN/myPage'

const messages: Shape<typeof zh> = {
  myPage: {
    title: 'Me',
    entry: 'Me',
    signInLead: 'Sign in with your phone to see your records across the services.',
    volunteering: {
      title: 'Volunteer hours',
      total: '{n} h in all',
      lead: 'Confirmed volunteer hours, from the warm station and other services.',
      none: 'No volunteering yet.',
      missing: 'A service did not answer: the hours may be incomplete.',
      confirmed: 'Confirmed',
      planned: 'To be confirmed',
    },
    messages: {
      title: 'Messages',
      none: 'No messages yet.',
      delivered: 'Sent',
      notDelivered: 'Not delivered',
    },
  },
}

export default messages
