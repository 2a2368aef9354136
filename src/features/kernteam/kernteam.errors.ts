import { defineErrors } from '../../platform/errors';

/** Expected failures of the kernteam feature; messages `kernteam.error.<key>`. */
export const kernteamErrors = defineErrors('kernteam', [
  'unknownTopic',
  'unknownCluster',
  'statusChange',
  'noSignals',
  'noMeetings',
  'alreadyHasRole',
  'alreadyAsked',
  'alreadyAnswered',
  'groupWrite',
]);
