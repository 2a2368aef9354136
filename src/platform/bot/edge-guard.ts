import type { TurnContext } from 'botbuilder';
import type { AppDeps } from '../deps';
import { TokenBuckets } from '../rate-limit/token-buckets';
import { replyCard } from './routes';
import { localeOf, noticeCard } from './turn';

/**
 * What every activity passes before any handler: it comes from Teams and names a person by their Entra
 * object id (finding 3), and that person is within their rate (finding 6). docs/security.md says why.
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Only these reach the log as they are; anything else a client sends is logged as 'other'. */
const knownTypes = new Set([
  'message',
  'invoke',
  'conversationUpdate',
  'installationUpdate',
  'messageReaction',
]);

export type EdgeRefusal = 'channel' | 'identity';

/**
 * Teams only, and a person is only their aadObjectId (never `from.id`, which the Direct Line / Web Chat
 * channel lets the client choose). The Agents Playground, started with `-c msteams` as `npm run dev` and
 * the end-to-end tests do, sends 'msteams' too, so a local run needs no exception.
 */
export function edgeRefusal(context: TurnContext): EdgeRefusal | undefined {
  const activity = context.activity;
  if (activity.channelId !== 'msteams') return 'channel';
  if (!GUID.test(activity.from?.aadObjectId ?? '')) return 'identity';
  return undefined;
}

export const activityTypeForLog = (context: TurnContext): string =>
  knownTypes.has(context.activity.type) ? context.activity.type : 'other';

type GuardDeps = Pick<AppDeps, 'config' | 'clock' | 'i18n' | 'org'>;

/** Counts a person's messages and card actions; answers the first refusal in a window with a card. */
export function createUserRateLimit(deps: GuardDeps) {
  const buckets = new TokenBuckets(deps.config.userRateLimit, () => deps.clock.now().getTime());
  /** True when the turn may go on; otherwise it was answered (or, after the notice, dropped). */
  return async function withinRate(context: TurnContext): Promise<boolean> {
    const type = context.activity.type;
    if (type !== 'message' && type !== 'invoke') return true;
    const verdict = buckets.take(String(context.activity.from.aadObjectId).toLowerCase());
    if (verdict.allowed) return true;
    const locale = localeOf(context, deps);
    const text = deps.i18n.t(locale, 'common.rateLimit.text');
    const card = noticeCard(text, deps.i18n.t(locale, 'common.rateLimit.title'), 'Warning');
    if (type === 'invoke') {
      // An invoke must be answered; after the notice, a short message leaves the clicked card as it is.
      const body = verdict.notify
        ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card }
        : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text };
      await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
    } else if (verdict.notify) {
      await replyCard(context, card);
    }
    return false;
  };
}
