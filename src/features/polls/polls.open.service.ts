import { days, hours, type Clock } from '../../platform/clock';
import type { SatisfactionPollJob } from '../../platform/contracts/satisfaction-poll.job';
import type { ConversationDirectory } from '../../platform/conversations';
import { channelKey, type Scheduler } from '../../platform/delivery/delivery.port';
import { commonErrors } from '../../platform/errors';
import { localToUtc } from '../../platform/i18n/format';
import type { Logger } from '../../platform/logger';
import { hasRole, type Actor, type Organisation } from '../../platform/org/organisation';
import { canCreatePolls, mayAskNamed, reachableNetworks } from './polls.access';
import { randomSecret } from './polls.answer-key.rules';
import { pollErrors } from './polls.errors';
import type { PollsNotifier } from './polls.notifier';
import type { PollRepository } from './polls.repository';
import { isClosed } from './polls.rules';
import type { CreatePayload } from './polls.schemas';
import type { Poll } from './polls.types';
import { pollsJobs, remindJobId } from './polls.verbs';

const unique = (ids: string[]) => [...new Set(ids.map((id) => id.toLowerCase()))];

function parseOptions(text: string): string[] {
  const options = text
    .split('\n')
    .map((o) => o.trim())
    .filter(Boolean);
  const ok = options.length >= 2 && options.length <= 10 && options.every((o) => o.length <= 150);
  if (!ok || new Set(options.map((o) => o.toLowerCase())).size !== options.length) throw pollErrors.options();
  return options;
}

const splitList = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  ),
];

/** Opening polls: the satisfaction poll from the kennisatelier's job, and ad-hoc polls from the form. */
export class PollOpenService {
  constructor(
    private readonly repo: PollRepository,
    private readonly clock: Clock,
    private readonly org: Organisation,
    private readonly scheduler: Pick<Scheduler, 'schedule'>,
    private readonly conversations: Pick<ConversationDirectory, 'channels'>,
    private readonly notifier: PollsNotifier,
    private readonly logger: Logger,
  ) {}

  /** Handler of the kennisatelier's job: the satisfaction poll for the attendees, always anonymous. */
  async openSatisfactionPoll(job: SatisfactionPollJob): Promise<Poll> {
    return this.openPoll({
      pollId: `sat-${job.sourceId}`,
      type: 'satisfaction',
      kind: 'rating',
      options: [],
      allowComment: true,
      anonymous: true,
      source: { sourceId: job.sourceId, title: job.title, heldAt: job.heldAt },
      audience: { userIds: unique(job.attendeeIds), channelKeys: [], networkIds: [] },
      organiserIds: unique(job.organiserIds),
      openedAt: this.clock.now().toISOString(),
      closesAt: new Date(job.closesAt).toISOString(),
      status: 'open',
    });
  }

  /** Networks an actor may address, as ids. */
  reachableNetworkIds(actor: Actor): string[] {
    return reachableNetworks(
      actor,
      this.org.networks.map((n) => n.id),
    );
  }

  /** Channels an actor may address: the programmateam any channel the bot is in, coordinators their networks' own. */
  async reachableChannels(actor: Actor): Promise<Array<{ key: string; title: string }>> {
    const channels = (await this.conversations.channels()).map((c) => ({
      key: c.key as string,
      title: c.title ?? c.key,
    }));
    if (hasRole(actor, 'programmateam')) return channels;
    const own = new Set(
      this.org.networks
        .filter((n) => n.channelId && actor.coordinatorOf.includes(n.id))
        .map((n) => channelKey(n.channelId as string) as string),
    );
    return channels.filter((c) => own.has(c.key));
  }

  /** `peiling`: an ad-hoc poll from the programmateam or a coordinator to a channel and/or networks. */
  async createAdhocPoll(actor: Actor, input: CreatePayload): Promise<Poll> {
    if (!canCreatePolls(actor)) throw commonErrors.forbidden();
    const options = input.kind === 'rating' ? [] : parseOptions(input.options);
    const networkIds = splitList(input.networks);
    const channelKeys = splitList(input.channel);
    if (!networkIds.length && !channelKeys.length) throw pollErrors.audience();
    const networks = this.reachableNetworkIds(actor);
    const channels = (await this.reachableChannels(actor)).map((c) => c.key);
    if (!networkIds.every((id) => networks.includes(id)) || !channelKeys.every((k) => channels.includes(k))) {
      throw pollErrors.audienceNotAllowed();
    }
    if (input.anonymous !== 'yes' && !mayAskNamed(actor, networkIds)) throw pollErrors.namedNetwork();
    const now = this.clock.now();
    const closesAt = localToUtc(input.closesDate, input.closesTime, this.org.timeZone);
    const closesMs = closesAt ? Date.parse(closesAt) : NaN;
    if (!(closesMs >= now.getTime() + hours(1) && closesMs <= now.getTime() + days(90)))
      throw pollErrors.closesAt();
    const me = actor.aadObjectId.toLowerCase();
    const poll = await this.openPoll({
      pollId: `adhoc-${input.formId}`,
      type: 'adhoc',
      kind: input.kind,
      question: input.question,
      options,
      allowComment: false,
      anonymous: input.anonymous === 'yes',
      audience: { userIds: [], channelKeys, networkIds },
      organiserIds: [me],
      createdBy: me,
      openedAt: now.toISOString(),
      closesAt: new Date(closesMs).toISOString(),
      status: 'open',
    });
    // A form id is random per rendered form; someone else's id means a forged payload.
    if (poll.createdBy !== me) throw commonErrors.forbidden();
    return poll;
  }

  /**
   * Opens a poll once: a retried job or a double-clicked form finds the poll already there and only
   * repeats the idempotent steps (scheduling, sending under the same broadcast id).
   */
  private async openPoll(poll: Poll): Promise<Poll> {
    // The salt first: an anonymous poll never exists without it. A retry keeps the first salt.
    if (poll.anonymous) await this.repo.createSecret({ pollId: poll.pollId, salt: randomSecret() });
    const stored = (await this.repo.createPoll(poll)) ? poll : await this.repo.poll(poll.pollId);
    if (!stored) throw new Error('poll vanished after create');
    if (isClosed(stored, this.clock.now())) return stored;
    await this.scheduleLifecycle(stored);
    await this.notifier.sendPoll(stored);
    this.logger.info({ pollId: stored.pollId, type: stored.type }, 'poll opened');
    return stored;
  }

  /** Close at closesAt; remind named audiences 2 days before (or halfway through a short poll). */
  private async scheduleLifecycle(poll: Poll): Promise<void> {
    const closesAt = new Date(poll.closesAt);
    const pollId = poll.pollId;
    await this.scheduler.schedule({
      id: `polls:close:${pollId}`,
      kind: pollsJobs.close,
      runAt: closesAt,
      payload: { pollId },
    });
    if (!poll.audience.userIds.length) return;
    const openFor = closesAt.getTime() - Date.parse(poll.openedAt);
    const remindAt = new Date(closesAt.getTime() - Math.min(days(2), openFor / 2));
    if (remindAt.getTime() - Date.parse(poll.openedAt) < hours(1)) return;
    await this.scheduler.schedule({
      id: remindJobId(pollId),
      kind: pollsJobs.remind,
      runAt: remindAt,
      payload: { pollId },
    });
  }
}
