import { AppError } from '../../platform/errors';

/** Expected failures of the polls feature; each has a message in this feature's catalogue. */
export const pollErrors = {
  closed: () => new AppError('POLLS.CLOSED', 'polls.error.closed'),
  notInAudience: () => new AppError('POLLS.NOT_IN_AUDIENCE', 'polls.error.notInAudience'),
  cannotChange: () => new AppError('POLLS.CANNOT_CHANGE', 'polls.error.cannotChange'),
  invalidAnswer: () => new AppError('POLLS.INVALID_ANSWER', 'polls.error.invalidAnswer'),
  options: () => new AppError('POLLS.OPTIONS', 'polls.error.options'),
  audience: () => new AppError('POLLS.AUDIENCE', 'polls.error.audience'),
  audienceNotAllowed: () => new AppError('POLLS.AUDIENCE_NOT_ALLOWED', 'polls.error.audienceNotAllowed'),
  closesAt: () => new AppError('POLLS.CLOSES_AT', 'polls.error.closesAt'),
  resultsForbidden: () => new AppError('POLLS.RESULTS_FORBIDDEN', 'polls.error.resultsForbidden'),
};
