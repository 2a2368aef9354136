import { cardActions, cardInputs, cardsOf, cardText, findAction } from '../../support/cards';
import type { TestBot, TestUser } from '../../support/test-bot';

/** Shared steps for the sturingsgesprek conversation tests. */
export const people = {
  mila: 'Mila Jansen', // gemeentesecretaris
  ravi: 'Ravi Baldewsingh', // DIG Office
  bram: 'Bram Mulder', // director Dienstverlening
  fatima: 'Fatima Ouali', // director Maatschappelijke Ontwikkeling
  jeroen: 'Jeroen de Graaf', // director Stadsontwikkeling
  eva: 'Eva Smit', // director Stadsbeheer
  kofi: 'Kofi Mensah', // director Werk en Inkomen
  ingrid: 'Ingrid Hoekstra', // director Bestuursdienst
  tim: 'Tim van Dijk', // director Concernstaf
  sanne: 'Sanne de Vries', // programmateam (no role here)
  lotte: 'Lotte Visser', // plain colleague, used as a deputy
};

export const directors = ['bram', 'fatima', 'jeroen', 'eva', 'kofi', 'ingrid', 'tim'] as const;

export type Card = Record<string, unknown>;

/** Everyone who takes part says hello once, so the bot has their 1:1 conversation for proactive cards. */
export async function installAll(bot: TestBot): Promise<void> {
  for (const name of Object.values(people)) await bot.user(name).install();
}

/** The inputs a person would send back unchanged: every input's current value, by id. */
export function inputValues(card: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const input of cardInputs(card)) {
    const id = input.id as string;
    if (input.value !== undefined && input.value !== null) values[id] = String(input.value);
  }
  return values;
}

/** Clicks a card's Action.Execute as Teams does: the action's data with the card's inputs merged in. */
export async function click(
  user: TestUser,
  card: unknown,
  title: string | RegExp,
  inputs: Record<string, unknown> = {},
) {
  const action = findAction(card, title);
  if (!action.verb) throw new Error(`"${String(title)}" is not an Action.Execute`);
  return user.invoke(action.verb, { ...inputValues(card), ...inputs, ...(action.data ?? {}) });
}

/** The last Adaptive Card this person received in their 1:1 chat (proactive or reply). */
export function lastCard(bot: TestBot, user: TestUser): Card {
  const cards = cardsOf(bot.inbox(user));
  if (!cards.length) throw new Error(`${user.name} has no cards`);
  return cards[cards.length - 1] as Card;
}

export function cardsReceived(bot: TestBot, user: TestUser): Card[] {
  return cardsOf(bot.inbox(user)) as Card[];
}

/** A new round from a template, saved and confirmed by the DIG office; returns the round id. */
export async function makeRound(
  bot: TestBot,
  options: {
    setId?: string;
    label?: string;
    opensOn: string;
    deadlineOn: string;
    deadlineTime?: string;
    reminderDays?: string;
  },
): Promise<string> {
  const ravi = bot.user(people.ravi);
  const form = (await ravi.invoke('sturingsgesprek.newRound')).card as Card;
  const saved = await click(ravi, form, /Opslaan en controleren|Save and check/, {
    setId: options.setId ?? 'kwartaal-1',
    periodLabel: options.label ?? 'Sturingsgesprek test',
    opensOn: options.opensOn,
    opensTime: '09:00',
    deadlineOn: options.deadlineOn,
    deadlineTime: options.deadlineTime ?? '17:00',
    reminderDays: options.reminderDays ?? '7, 2, 0',
  });
  const confirm = saved.card as Card;
  const send = findAction(confirm, /Versturen|Send/);
  const roundId = (send.data as { roundId: string }).roundId;
  await click(ravi, confirm, /Versturen|Send/);
  await bot.runDue();
  return roundId;
}

export { cardActions, cardInputs, cardText, findAction };

/** Card inputs for the Kwartaal 1 questions. */
export function k1Inputs(a: {
  prioriteit?: string[];
  why?: string;
  weerstand?: 'yes' | 'no';
  welke?: string[];
  welkeWhy?: string;
  helpen?: string;
}) {
  return {
    'a_k1-prioriteit': (a.prioriteit ?? []).join(','),
    'a_k1-prioriteit_why': a.why ?? '',
    'a_k1-weerstand': a.weerstand ?? '',
    'a_k1-weerstand-welke': (a.welke ?? []).join(','),
    'a_k1-weerstand-welke_why': a.welkeWhy ?? '',
    'a_k1-weerstand-helpen': a.helpen ?? '',
  };
}

export const inputById = (card: unknown, id: string) => cardInputs(card).find((i) => i.id === id);

/** The card answer of a Action.Execute invoke, failing clearly when the bot answered otherwise. */
export function cardOf(res: { status: number; card?: Card; text?: string }): Card {
  if (!res.card) throw new Error(`expected a card, got status ${res.status} ${res.text ?? ''}`);
  return res.card;
}
