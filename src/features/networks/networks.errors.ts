import { defineErrors } from '../../platform/errors';

/** Expected failures; each key has a message in i18n/{nl,en}.json under `networks.error`. */
export const networksErrors = defineErrors('networks', [
  'unknownNetwork',
  'notCoordinator',
  'notMember',
  'personalOnly',
  'announcementNotFound',
  'retracted',
  'alreadySent',
  'notSent',
  'meetupInPast',
  'badDateTime',
  'noChannel',
  'noRecipients',
  'noRsvp',
  'changedMeanwhile',
  'kindFixed',
  'changeWindowClosed',
]);
