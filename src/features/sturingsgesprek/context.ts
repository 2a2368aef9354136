import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { Organisation } from '../../platform/org/organisation';
import type { SturingsgesprekRepository } from './sturingsgesprek.repository';
import type { RoundDoc } from './sturingsgesprek.types';

/** What the feature's services share; plain objects, no bot framework. */
export interface SgContext {
  repo: SturingsgesprekRepository;
  org: Organisation;
  clock: Clock;
  logger: Logger;
}

export const doorbraakIds = (org: Organisation) => new Set(org.data.doorbraken.map((d) => d.id));

/** Answers are accepted while the round is open and the deadline has not passed (the close job may lag). */
export const acceptsAnswers = (round: RoundDoc, now: Date) => round.status === 'open' && now.toISOString() < round.deadline;
