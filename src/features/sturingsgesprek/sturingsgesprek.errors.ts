import { defineErrors } from '../../platform/errors';

/** Expected failures of the feature: codes `STURINGSGESPREK.<KEY>`, messages `sturingsgesprek.error.<key>`. */
export const sturingsgesprekErrors = defineErrors('sturingsgesprek', [
  'managersOnly',
  'notYourCluster',
  'onlyDirectorNamesDeputy',
  'unknownDeputy',
  'deputyNotFound',
  'invalidSet',
  'textMissing',
  'lastQuestion',
  'unknownSet',
  'badDate',
  'deadlineBeforeOpening',
  'deadlinePassed',
  'notEditable',
  'roundNotOpen',
  'personalOnly',
  'officeOnly',
  'unknownDoorbraak',
  'doorbraakRetired',
  'doorbraakTitleMissing',
]);
