import type { Clock } from '../../platform/clock';
import type { ConversationDirectory } from '../../platform/conversations';
import type { Delivery, Scheduler } from '../../platform/delivery/delivery.port';
import type { AppDeps } from '../../platform/deps';
import type { I18n } from '../../platform/i18n/i18n';
import type { Logger } from '../../platform/logger';
import type { Organisation } from '../../platform/org/organisation';
import { answerKeySecret } from './polls.answer-key.rules';
import type { Poll } from './polls.types';
import { PollRepository } from './polls.repository';

/** What the polls services need; built once from AppDeps, or by hand in tests. */
export interface PollsContext {
  repo: PollRepository;
  clock: Clock;
  org: Organisation;
  i18n: I18n;
  delivery: Delivery;
  scheduler: Scheduler;
  conversations: Pick<ConversationDirectory, 'localeOf' | 'channels'>;
  logger: Logger;
  /** Server-side secret for answer ids of anonymous polls; never stored (see polls.answer-key.rules.ts). */
  answerSecret: string;
}

export function pollsContext(deps: AppDeps): PollsContext {
  return {
    repo: new PollRepository(deps.store),
    clock: deps.clock,
    org: deps.org,
    i18n: deps.i18n,
    delivery: deps.delivery,
    scheduler: deps.scheduler,
    conversations: deps.conversations,
    logger: deps.logger.child({ feature: 'polls' }),
    answerSecret: answerKeySecret(deps.config.linkSigningSecret),
  };
}

export const isClosed = (poll: Poll, now: Date) => poll.status === 'closed' || now.getTime() >= Date.parse(poll.closesAt);
