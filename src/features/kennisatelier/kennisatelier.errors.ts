import { defineErrors } from '../../platform/errors';

/** Expected failures of this feature: codes `KENNISATELIER.<KEY>`, messages `kennisatelier.error.<key>`. */
export const errors = defineErrors('kennisatelier', [
  'forbidden',
  'cannotCreate',
  'notYourNetwork',
  'notFound',
  'cancelled',
  'past',
  'deadlinePassed',
  'invalidDate',
  'endBeforeStart',
  'inPast',
  'deadlineAfterStart',
  'noLocation',
  'badUrl',
  'noAudience',
  'unknownAudience',
  'capacityTooLow',
  'notYetHeld',
  'cannotEditEnded',
  'unknownAttendee',
  'personalOnly',
  'networksOnly',
]);
