import { defineErrors } from '../../platform/errors';

/** Expected failures of this feature: codes `ADVIES.<KEY>`, messages `advies.error.<key>`. */
export const errors = defineErrors('advies', [
  'forbidden',
  'notFound',
  'unknownCluster',
  'deadlineInPast',
  'invalidDate',
  'badUrl',
  'wsDetailsMissing',
  'unknownGrade',
  'gradeOutOfScale',
  'notOpen',
  'notAccepted',
  'notKernteamlid',
  'noQuestion',
  'notYourRequest',
  'notAdvised',
  'unknownPerson',
]);
