import { containers } from '../../../src/storage/document-store.port';
import { isAppError } from '../../../src/platform/errors';
import { SignupService } from '../../../src/platform/signups';
import type { Atelier } from '../../../src/features/kennisatelier/kennisatelier.types';
import { cardText, cardsOf, findAction } from '../../support/cards';
import type { BotActivity, TestBot, TestChannel, TestUser } from '../../support/test-bot';

export const organiserName = 'Sanne de Vries';
/** Plain medewerkers for ateliers (no coordinators among them). */
export const staffNames = [
  'Bram Mulder',
  'Fatima Ouali',
  'Jeroen de Graaf',
  'Eva Smit',
  'Kofi Mensah',
  'Tim van Dijk',
];

/** What an organiser types into the form (Input.* values are strings, as Teams sends them). */
export function formValues(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    title: 'Inclusief werven in de praktijk',
    description: 'Hoe schrijf je een vacature die iedereen aanspreekt?',
    date: '2026-12-01',
    start: '14:00',
    end: '16:00',
    room: 'Stadhuis, zaal 3.14',
    meetingUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc',
    capacity: '3',
    deadlineDate: '',
    deadlineTime: '',
    channels: '',
    networks: '',
    ...overrides,
  };
}

/** Opens the form as the organiser and submits it; returns the new atelier's id and the answer card. */
export async function createAtelier(organiser: TestUser, overrides: Record<string, string> = {}) {
  const form = await organiser.invoke('kennisatelier.newForm');
  const draftId = findAction(form.card, /Publiceren|Publish/).data?.draftId as string;
  const res = await organiser.invoke('kennisatelier.create', { draftId, ...formValues(overrides) });
  const signUp = res.card ? findAction(res.card, /Deelnemers|Attendees/) : undefined;
  if (!signUp) throw new Error(`create failed: ${cardText(res.card)}`);
  return { atelierId: signUp.data?.atelierId as string, card: res.card, draftId };
}

/** The bot is in a team channel, and everyone we use has a 1:1 chat with it. */
export async function installEverywhere(
  bot: TestBot,
  names: string[],
): Promise<{ channel: TestChannel; users: TestUser[] }> {
  const channel = bot.channel('Algemeen');
  await channel.install();
  const users = [];
  for (const name of names) {
    const user = bot.user(name);
    await user.install();
    users.push(user);
  }
  return { channel, users };
}

export async function storedAtelier(bot: TestBot, id: string): Promise<Atelier | undefined> {
  return (await bot.deps.store.get<Atelier>(containers.kennisateliers, 'atelier', id))?.data;
}

/** The stored sign-up list (read through the sign-up model: one document per person), or undefined. */
export async function storedRoster(bot: TestBot, atelierId: string) {
  const lists = new SignupService(bot.deps.store, bot.clock);
  return lists.roster(`kennisatelier:${atelierId}`).catch((e: unknown) => {
    if (isAppError(e) && e.messageKey === 'signups.error.notFound') return undefined;
    throw e;
  });
}

/** Texts of the cards in a list of activities. */
export const texts = (activities: BotActivity[]) => cardsOf(activities).map(cardText);

/** The last card the fake Teams shows in a conversation: the newest message, or its newest update. */
export function lastCard(bot: TestBot, conversationId: string): unknown {
  const updates = bot.updatesIn(conversationId);
  const messages = bot.messagesIn(conversationId);
  const latest = updates.length ? updates[updates.length - 1] : messages[messages.length - 1];
  return latest ? cardsOf([latest])[0] : undefined;
}

/** What the bot posted in a channel on its own (not replies to someone's message, such as the welcome). */
export const posts = (channel: TestChannel) => channel.inbox().filter((a) => !a.replyToId);

/** Opens a signed file link against the running test server (links carry the configured public base URL). */
export async function download(
  bot: TestBot,
  link: string,
): Promise<{ status: number; body: string; type: string | null }> {
  const res = await fetch(`${bot.url}${new URL(link).pathname}`);
  return { status: res.status, body: await res.text(), type: res.headers.get('content-type') };
}

/** Joins a network through the networks card, as a person does (network-only ateliers need it). */
export async function joinNetwork(user: TestUser, networkId: string): Promise<void> {
  const card = cardsOf(await user.say('netwerken')).at(-1);
  const join = findAction(card, 'Lid worden');
  await user.invoke(join.verb!, { ...join.data, networkId });
}
