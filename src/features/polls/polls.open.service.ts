import { days, hours } from '../../platform/clock';
import { commonErrors } from '../../platform/errors';
import { localToUtc } from '../../platform/i18n/format';
import { hasRole, type Actor } from '../../platform/org/organisation';
import { channelKey } from '../../platform/delivery/delivery.port';
import { randomSecret } from './polls.answer-key.rules';
import { canCreatePolls, reachableNetworks } from './polls.access';
import { isClosed, type PollsContext } from './polls.context';
import { pollErrors } from './polls.errors';
import type { Poll } from './polls.types';
import type { CreatePayload } from './polls.schemas';
import { sendPoll } from './polls.notifier';
import { pollsJobs } from './polls.verbs';
import type { SatisfactionPollJob } from '../../platform/contracts/satisfaction-poll.job';

const unique = (ids: string[]) => [...new Set(ids.map((id) => id.toLowerCase()))];

/** Close at closesAt; remind named audiences 2 days before (or halfway through a short poll). */
async function scheduleLifecycle(ctx: PollsContext, poll: Poll): Promise<void> {
  const closesAt = new Date(poll.closesAt);
  await ctx.scheduler.schedule({ id: `polls:close:${poll.pollId}`, kind: pollsJobs.close, runAt: closesAt, payload: { pollId: poll.pollId } });
  if (!poll.audience.userIds.length) return;
  const openFor = closesAt.getTime() - Date.parse(poll.openedAt);
  const remindAt = new Date(closesAt.getTime() - Math.min(days(2), openFor / 2));
  if (remindAt.getTime() - Date.parse(poll.openedAt) < hours(1)) return;
  await ctx.scheduler.schedule({ id: `polls:remind:${poll.pollId}`, kind: pollsJobs.remind, runAt: remindAt, payload: { pollId: poll.pollId } });
}

/**
 * Opens a poll once: a retried job or a double-clicked form finds the poll already there and only
 * repeats the idempotent steps (scheduling, sending under the same broadcast id).
 */
async function openPoll(ctx: PollsContext, poll: Poll): Promise<Poll> {
  // The salt first: an anonymous poll never exists without it. A retry keeps the first salt.
  if (poll.anonymous) await ctx.repo.createSecret({ pollId: poll.pollId, salt: randomSecret() });
  const stored = (await ctx.repo.createPoll(poll)) ? poll : await ctx.repo.poll(poll.pollId);
  if (!stored) throw new Error('poll vanished after create');
  if (isClosed(stored, ctx.clock.now())) return stored;
  await scheduleLifecycle(ctx, stored);
  await sendPoll(ctx, stored);
  ctx.logger.info({ pollId: stored.pollId, type: stored.type }, 'poll opened');
  return stored;
}

/** Handler of the kennisatelier's job: the satisfaction poll for the attendees, always anonymous. */
export async function openSatisfactionPoll(ctx: PollsContext, job: SatisfactionPollJob): Promise<Poll> {
  return openPoll(ctx, {
    pollId: `sat-${job.sourceId}`,
    type: 'satisfaction',
    kind: 'rating',
    options: [],
    allowComment: true,
    anonymous: true,
    source: { sourceId: job.sourceId, title: job.title, heldAt: job.heldAt },
    audience: { userIds: unique(job.attendeeIds), channelKeys: [], networkIds: [] },
    organiserIds: unique(job.organiserIds),
    openedAt: ctx.clock.now().toISOString(),
    closesAt: new Date(job.closesAt).toISOString(),
    status: 'open',
  });
}

function parseOptions(text: string): string[] {
  const options = text.split('\n').map((o) => o.trim()).filter(Boolean);
  const ok = options.length >= 2 && options.length <= 10 && options.every((o) => o.length <= 150);
  if (!ok || new Set(options.map((o) => o.toLowerCase())).size !== options.length) throw pollErrors.options();
  return options;
}

const splitList = (text: string) => [...new Set(text.split(',').map((v) => v.trim()).filter(Boolean))];

/** Channels an actor may address: the programmateam any channel the bot is in, coordinators their networks' own. */
export async function reachableChannels(ctx: PollsContext, actor: Actor): Promise<Array<{ key: string; title: string }>> {
  const channels = (await ctx.conversations.channels()).map((c) => ({ key: c.key as string, title: c.title ?? c.key }));
  if (hasRole(actor, 'programmateam')) return channels;
  const own = new Set(
    ctx.org.data.networks.filter((n) => n.channelId && actor.coordinatorOf.includes(n.id)).map((n) => channelKey(n.channelId as string) as string),
  );
  return channels.filter((c) => own.has(c.key));
}

/** `peiling`: an ad-hoc poll from the programmateam or a coordinator to a channel and/or networks. */
export async function createAdhocPoll(ctx: PollsContext, actor: Actor, input: CreatePayload): Promise<Poll> {
  if (!canCreatePolls(actor)) throw commonErrors.forbidden();
  const options = input.kind === 'rating' ? [] : parseOptions(input.options);
  const networkIds = splitList(input.networks);
  const channelKeys = splitList(input.channel);
  if (!networkIds.length && !channelKeys.length) throw pollErrors.audience();
  const networks = reachableNetworks(actor, ctx.org.data.networks.map((n) => n.id));
  const channels = (await reachableChannels(ctx, actor)).map((c) => c.key);
  if (!networkIds.every((id) => networks.includes(id)) || !channelKeys.every((k) => channels.includes(k))) {
    throw pollErrors.audienceNotAllowed();
  }
  const now = ctx.clock.now();
  const closesAt = localToUtc(input.closesDate, input.closesTime, ctx.org.data.organisation.timeZone);
  const closesMs = closesAt ? Date.parse(closesAt) : NaN;
  if (!(closesMs >= now.getTime() + hours(1) && closesMs <= now.getTime() + days(90))) throw pollErrors.closesAt();
  const me = actor.aadObjectId.toLowerCase();
  const poll = await openPoll(ctx, {
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
