// The resident's 我的 page (pages/resident/).

import type { Shape } from '../shape'
import type zh from '../zh-CN/myPage'

const messages: Shape<typeof zh> = {
  myPage: {
    title: 'Me',
    entry: 'Me',
    signInLead: 'Sign in with your phone to see your records across the services.',
    home: {
      title: 'My home',
      none: 'No home recorded yet. Scan the code at your unit door to claim it here.',
      room: 'Room {room}',
      reason: 'Reason: {reason}',
      status: {
        pending: 'Awaiting verification',
        verified: 'Verified',
        refused: 'Not approved',
        left: 'Left',
        withdrawn: 'Verification withdrawn',
      },
      claimTitle: 'Claim my home at {place}',
      door: 'Unit door',
      roomLabel: 'Room number',
      roomPlaceholder: 'e.g. 502',
      relation: 'I am the home’s',
      relations: { owner: 'Owner', tenant: 'Tenant', family: 'Family member' },
      document: 'Photo of a document (optional: deed, lease)',
      claim: 'Submit claim',
      invite: 'Invite a family member',
      inviteCode: 'Invite code:',
      inviteLead: 'Your family member signs in and enters the code under “My home”. Valid 7 days, once.',
      cancel: 'Take back my claim',
      leave: 'Leave this home',
      joinLabel: 'Got an invite code from family?',
      join: 'Join with the code',
    },
    children: {
      title: 'Children',
      none: 'No children recorded yet.',
      born: 'born {year}',
      name: 'Child’s name',
      birthYear: 'Year of birth',
      consent: 'I am the child’s guardian and agree to recording their name and year of birth, for courses and similar services.',
      add: 'Add child',
      remove: 'Remove',
    },
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
