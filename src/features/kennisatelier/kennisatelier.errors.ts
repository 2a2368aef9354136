import { AppError } from '../../platform/errors';

type Key =
  | 'forbidden' | 'cannotCreate' | 'notYourNetwork' | 'notFound' | 'cancelled' | 'past' | 'deadlinePassed'
  | 'invalidDate' | 'endBeforeStart' | 'inPast' | 'deadlineAfterStart' | 'noLocation' | 'badUrl'
  | 'noAudience' | 'unknownAudience' | 'capacityTooLow' | 'notYetHeld' | 'cannotEditEnded' | 'unknownAttendee';

/** Expected failures of this feature; the key names the message in i18n/*.json under kennisatelier.error. */
export const atelierError = (key: Key) => new AppError(`KENNISATELIER.${key}`, `kennisatelier.error.${key}`);
