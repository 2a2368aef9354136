import { defineErrors } from '../../platform/errors';

/** Expected failures of the polls feature; each has a message `polls.error.<key>` in this feature's catalogue. */
export const pollErrors = defineErrors('polls', [
  'closed',
  'notInAudience',
  'cannotChange',
  'invalidAnswer',
  'options',
  'audience',
  'audienceNotAllowed',
  'closesAt',
  'resultsForbidden',
  'namedNetwork',
]);
