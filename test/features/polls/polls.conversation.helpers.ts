import { cardsOf } from '../../support/cards';
import type { BotActivity } from '../../support/test-bot';

/** The last Adaptive Card in a list of bot activities (a person's inbox, a channel). */
export function lastCard(activities: BotActivity[]): Record<string, unknown> {
  const cards = cardsOf(activities as Array<{ attachments?: Array<{ content?: unknown }> }>);
  if (!cards.length) throw new Error('no card received');
  return cards[cards.length - 1] as Record<string, unknown>;
}

/** The path of a download link, fetched from the test server (PUBLIC_BASE_URL points nowhere in tests). */
export async function download(
  botUrl: string,
  link: string,
): Promise<{ status: number; body: string; type: string | null }> {
  const res = await fetch(`${botUrl}${new URL(link).pathname}`);
  return { status: res.status, body: await res.text(), type: res.headers.get('content-type') };
}
