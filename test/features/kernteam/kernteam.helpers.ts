import { cardText, findAction } from '../../support/cards';
import type { TestBot, TestUser } from '../../support/test-bot';
import { rawStoreBytes } from '../../support/test-store';

/** Whether the run's store still keeps this text (SQLite's file bytes, or any Cosmos document). */
export const inRaw = async (bot: TestBot, text: string) =>
  (await rawStoreBytes(bot.deps.store, bot.dbFile)).includes(Buffer.from(text));

export interface LoggedSignal {
  signalId: string;
  code: string;
  card: Record<string, unknown> | undefined;
}

/** Opens the signal form as this person and submits it. */
export async function logSignal(
  user: TestUser,
  input: { topic: string; text: string; cluster?: string },
): Promise<LoggedSignal> {
  const form = await user.invoke('kernteam.signal.form');
  const formId = String(findAction(form.card, /vastleggen|Record/).data?.formId);
  const res = await user.invoke('kernteam.signal.log', { formId, cluster: '', ...input });
  const code = /(S-[0-9A-F]{5})/.exec(cardText(res.card))?.[1] ?? '';
  return { signalId: formId, code, card: res.card };
}

/** The signal's part of the signals card: from its code to the next code. */
export function signalBlock(card: unknown, code: string): string {
  const text = cardText(card);
  const lines = text.split('\n');
  const start = lines.indexOf(code);
  if (start < 0) return '';
  const next = lines.findIndex((l, i) => i > start && /^S-[0-9A-F]{5}$/.test(l));
  return lines.slice(start, next < 0 ? undefined : next).join('\n');
}
