import type { TurnContext } from 'botbuilder';
import type { AppDeps } from '../deps';
import { localeOf } from './turn';

/**
 * Longest typed message the bot reads (characters). Teams itself caps a chat message near 28 KB; a
 * person never needs more than this to reach the panel, and every text pattern after this point then
 * runs on bounded input, so no pattern can be made to stall the process.
 */
export const MAX_TEXT_LENGTH = 4000;

/**
 * Answers an over-long typed message with a clear line and stops the turn: no route, no relay, nothing
 * stored. Returns true when it did. The text itself is never logged, only its length class.
 */
export async function refuseOverlongText(
  context: TurnContext,
  deps: Pick<AppDeps, 'org' | 'i18n' | 'logger'>,
): Promise<boolean> {
  const text: unknown = context.activity.text;
  if (context.activity.type !== 'message' || typeof text !== 'string' || text.length <= MAX_TEXT_LENGTH)
    return false;
  deps.logger.info({ component: 'app', activityId: context.activity.id }, 'over-long message refused');
  const locale = localeOf(context, deps);
  await context.sendActivity(deps.i18n.t(locale, 'common.error.messageTooLong', { max: MAX_TEXT_LENGTH }));
  return true;
}
