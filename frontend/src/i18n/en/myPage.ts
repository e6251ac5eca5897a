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
    myReports: 'My reports',
    myReportsHint: 'The problems I reported and how they are going',
    deleteAccount: {
      button: 'Delete my account',
      title: 'Delete my account',
      message:
        'This erases your phone number, name, WeChat link, household records and your children\'s details, and signs you out everywhere. Your reports stay (without your name or phone); the warm station keeps your visits and volunteer hours only as numbers. This cannot be undone.',
      confirm: 'Delete',
      done: 'Your account has been deleted',
    },
  },
  actingBanner: {
    text: 'Acting for “{name}” · {reason}',
    end: 'Stop acting',
  },
}

export default messages
