import { containers } from '../../../src/storage/document-store.port';
import type { ContactCase } from '../../../src/features/contact/contact.types';
import { cardText, cardsOf, findAction } from '../../support/cards';
import {
  startTestBot,
  type BotActivity,
  type InvokeResult,
  type TestBot,
  type TestUser,
} from '../../support/test-bot';

export interface ContactBot {
  bot: TestBot;
  lotte: TestUser;
  sem: TestUser;
  noor: TestUser;
  daan: TestUser;
  priya: TestUser;
  sanne: TestUser;
  yusuf: TestUser;
}

/** The real bot with everyone's 1:1 chat installed (so proactive messages can reach them). */
export async function startContactBot(): Promise<ContactBot> {
  const bot = await startTestBot();
  const users = {
    lotte: bot.user('Lotte Visser'),
    sem: bot.user('Sem Willems'),
    noor: bot.user('Noor El Amrani'),
    daan: bot.user('Daan Bakker'),
    priya: bot.user('Priya Ramdin'),
    sanne: bot.user('Sanne de Vries'),
    yusuf: bot.user('Yusuf Demir'),
  };
  for (const u of Object.values(users)) await u.install();
  return { bot, ...users };
}

/** What a click showed: the card that replaced the clicked one, or else the newest card sent below it. */
export const shownCard = (res: InvokeResult): Record<string, unknown> | undefined =>
  res.card ?? (cardsOf(res.sent).at(-1) as Record<string, unknown> | undefined);

export const textOf = (activities: BotActivity[]) =>
  activities.map((a) => [a.text ?? '', ...cardsOf([a]).map(cardText)].join('\n')).join('\n---\n');

/** The newest card in a person's chat whose text contains `containing`. */
export function lastCard(user: TestUser, containing: string): Record<string, unknown> {
  const cards = cardsOf(user.inbox()).filter((c) => cardText(c).includes(containing));
  const card = cards.at(-1);
  if (!card) throw new Error(`No card with "${containing}" for ${user.name}; got:\n${textOf(user.inbox())}`);
  return card as Record<string, unknown>;
}

export interface RequestOptions {
  identity?: 'anonymous' | 'named';
  kernteamlid?: string;
  topic?: string;
  channel?: 'chat' | 'teamsCall' | 'inPerson';
  firstMessage?: string;
}

/** The medewerker's way in: the command, the intro card's button, the form, its submit. */
export async function requestContact(
  user: TestUser,
  options: RequestOptions = {},
): Promise<{ code: string; card: Record<string, unknown> }> {
  const intro = cardsOf(await user.say('vertrouwelijk'))[0];
  const form = await user.invoke(
    findAction(intro, 'Contact aanvragen').verb as string,
    findAction(intro, 'Contact aanvragen').data,
  );
  const submit = findAction(form.card, 'Verzoek versturen');
  const res = await user.invoke(submit.verb as string, {
    ...submit.data,
    identity: options.identity ?? 'anonymous',
    kernteamlid: options.kernteamlid ?? 'any',
    topic: options.topic ?? 'none',
    channel: options.channel ?? 'chat',
    firstMessage: options.firstMessage ?? '',
  });
  const text = cardText(res.card);
  const code = /zaak ([A-Z2-9]{4})/.exec(text)?.[1];
  if (!code) throw new Error(`No case code in:\n${text}`);
  return { code, card: res.card as Record<string, unknown> };
}

/** Clicks "Oppakken" on the request card this kernteamlid received for the case. */
export async function pickUp(user: TestUser, code: string) {
  const action = findAction(lastCard(user, `zaak ${code}`), 'Oppakken');
  return user.invoke(action.verb as string, action.data);
}

/** Types into the reply box of a card and clicks "Versturen" (Teams merges the input into the data). */
export async function replyOn(user: TestUser, card: unknown, message: string) {
  const send = findAction(card, 'Versturen');
  return user.invoke(send.verb as string, { ...send.data, message });
}

export async function contactDocs(bot: TestBot): Promise<ContactCase[]> {
  return (await bot.deps.store.query<ContactCase>(containers.contact, { pk: 'case' })).map((d) => d.data);
}

export async function contactSnapshot(bot: TestBot): Promise<string> {
  return JSON.stringify(
    (await bot.deps.store.query(containers.contact)).map((d) => ({ ...d, etag: undefined })),
  );
}
