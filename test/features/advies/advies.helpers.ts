import type { AdviesRequest } from '../../../src/features/advies/advies.types';
import { containers } from '../../../src/storage/document-store.port';
import { cardText, cardsOf } from '../../support/cards';
import type { TestBot, TestUser } from '../../support/test-bot';

export const requesterName = 'Lotte Visser';
export const programmateamName = 'Sanne de Vries';
export const kernteamNames = ['Noor El Amrani', 'Daan Bakker', 'Priya Ramdin'];
/** A medewerker who opted in as W&S panel member (through the organisation file in these tests). */
export const wsPanelName = 'Kofi Mensah';
export const wsPanelId = '7a11e1b0-0000-4000-8000-00000000000f';

/** What a requester types into the form (Input.* values are strings, as Teams sends them). */
export function requestValues(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    kind: 'ws',
    subject: 'Teamleider Wijkteams Noord',
    clusterId: 'maatschappelijke-ontwikkeling',
    ask: 'Wij zoeken een panellid voor de selectiecommissie.',
    deadline: '2026-12-10',
    link: 'https://intranet.example.org/vacatures/teamleider-wijkteams',
    vacancy: 'Teamleider Wijkteams Noord',
    fsk: '11',
    roundDates: 'Gesprekken op 15 en 17 december',
    seats: '2',
    ...overrides,
  };
}

/** Every person in these tests has a 1:1 chat with the bot. */
export async function installAll(bot: TestBot, names: string[]): Promise<TestUser[]> {
  const users = [];
  for (const name of names) {
    const user = bot.user(name);
    await user.install();
    users.push(user);
  }
  return users;
}

export async function submitRequest(
  bot: TestBot,
  requester: TestUser,
  overrides: Record<string, string> = {},
) {
  const res = await requester.invoke('advies.submit', requestValues(overrides));
  const text = cardText(res.card);
  // The requester's card carries no buttons while the request is open: find it by the code it shows.
  const code = /Je code is (A-[A-Z0-9]{5})/.exec(text)?.[1];
  const [doc] = code
    ? await bot.deps.store.query<AdviesRequest>(containers.advies, {
        pk: 'request',
        where: [{ field: 'code', op: '=', value: code }],
      })
    : [];
  return { res, requestId: doc?.id, text };
}

/** The request id a card's buttons carry. */
export function findRequestId(card: unknown): string | undefined {
  let found: string | undefined;
  JSON.stringify(card, (key, value: unknown) => {
    if (key === 'requestId' && typeof value === 'string' && !found) found = value;
    return value;
  });
  return found;
}

export async function storedRequest(bot: TestBot, id: string): Promise<AdviesRequest | undefined> {
  return (await bot.deps.store.get<AdviesRequest>(containers.advies, 'request', id))?.data;
}

/** Texts of the cards in a person's 1:1 chat, oldest first. */
export const inboxTexts = (user: TestUser) => cardsOf(user.inbox()).map(cardText);

/** Everything in the feature's container and the sign-up lists, to prove a refusal changed nothing. */
export async function snapshot(bot: TestBot) {
  const advies = await bot.deps.store.query(containers.advies, {});
  const signups = await bot.deps.store.query(containers.signups, {});
  const jobs = await bot.deps.store.query(containers.jobs, {});
  const outbox = await bot.deps.store.query(containers.outbox, {});
  const plain = (docs: Array<{ pk: string; id: string; data: unknown; etag: string }>) =>
    docs.map((d) => ({ pk: d.pk, id: d.id, data: d.data, etag: d.etag }));
  return { advies: plain(advies), signups: plain(signups), jobs: jobs.length, outbox: outbox.length };
}
