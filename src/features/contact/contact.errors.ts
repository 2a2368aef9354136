import { defineErrors } from '../../platform/errors';

/** Expected failures; each changes nothing. "Not yours" and "does not exist" look the same on purpose. */
export const contactErrors = defineErrors('contact', [
  'noAccess',
  'alreadyOpen',
  'closed',
  'taken',
  'notPickedUp',
  'unknownDestination',
  'noReferral',
  'delivery',
  'kernteamOnly',
  'programmateamOnly',
  'ownRequest',
  'personalOnly',
]);
