import { days, minutes } from '../../../src/platform/clock';
import {
  satisfactionPollJobKind,
  type SatisfactionPollJob,
} from '../../../src/platform/contracts/satisfaction-poll.job';
import type { OrgFile } from '../../../src/platform/org/org.schema';
import { containers } from '../../../src/storage/document-store.port';
import { startTestBot, type TestBot } from '../../support/test-bot';
import { rawStoreBytes } from '../../support/test-store';
import { attendees, people } from './polls.fixture';

const pollId = 'sat-atelier-8';
const remindId = `polls:remind:${pollId}`;
const reminderText = 'Herinnering: deze peiling sluit op';
const job: SatisfactionPollJob = {
  sourceId: 'atelier-8',
  title: 'Inclusief werven',
  heldAt: '2026-11-23T13:00:00Z',
  attendeeIds: attendees,
  organiserIds: [people.yusuf],
  closesAt: '2026-12-07T09:00:00Z',
};
const answered = attendees.slice(0, 7);
/**
 * No kernteam meetings: their agenda would go to the kernteamleden among the attendees on the same days,
 * a subset of them in the store that has nothing to do with the poll (and would blur what is checked here).
 */
const withoutOtherBroadcasts = { orgPatch: (org: OrgFile) => void delete org.kernteamMeetings };
const notAnswered = attendees.slice(7);

const deliveryDocs = async (bot: TestBot) => [
  ...(await bot.deps.store.query<Record<string, unknown>>(containers.outbox)),
  ...(await bot.deps.store.query<Record<string, unknown>>(containers.broadcasts)),
  ...(await bot.deps.store.query<Record<string, unknown>>(containers.jobs)),
];

/** Opens the poll to 12 attendees, 7 answer, the reminder goes to the other 5; returns after the close. */
async function pollWithReminderThenClose(bot: TestBot, raw: () => Promise<Buffer>): Promise<void> {
  const users = attendees.map((id) => bot.user(id));
  for (const u of users) await u.install();
  await bot.deps.scheduler.schedule({
    id: 'kennisatelier:poll:atelier-8',
    kind: satisfactionPollJobKind,
    runAt: bot.clock.now(),
    payload: job,
  });
  await bot.runDue();
  for (const [i, id] of answered.entries()) {
    const res = await bot.user(id).invoke('polls.answer', { pollId, answer: String((i % 5) + 1) });
    expect(res.status).toBe(200);
  }
  bot.clock.set('2026-12-05T09:00:00Z');
  await bot.runDue();

  // Control: the reminder is in the store, per person, so the searches below can fail.
  const remind = (await deliveryDocs(bot)).filter((d) => d.pk === remindId);
  expect(remind.length).toBeGreaterThanOrEqual(notAnswered.length);
  for (const id of notAnswered) expect(JSON.stringify(remind)).toContain(id);
  expect(await bot.deps.store.get(containers.broadcasts, 'broadcast', remindId)).toBeDefined();
  expect((await raw()).includes(Buffer.from(reminderText))).toBe(true);

  await bot.advance(days(2));
  await bot.advance(minutes(15)); // the sweep
}

async function expectNoTraceOfWhoAnswered(bot: TestBot): Promise<void> {
  const docs = await deliveryDocs(bot);
  expect(docs.filter((d) => String(d.pk).startsWith('polls:remind:') || d.id === remindId)).toEqual([]);
  expect(await bot.deps.store.get(containers.broadcasts, 'broadcast', remindId)).toBeUndefined();
  // What is left about these people treats all attendees alike: one poll card each (the poll went to all
  // 12), or the whole attendee list (the poll's audience, the job that opened it). Never a subset.
  for (const doc of docs) {
    const text = JSON.stringify(doc);
    const mentioned = attendees.filter((id) => text.includes(id));
    const alike =
      mentioned.length === 0 ||
      mentioned.length === attendees.length ||
      (mentioned.length === 1 && doc.pk === `polls:open:${pollId}`);
    expect({ pk: doc.pk, id: doc.id, mentioned: mentioned.length, alike }).toMatchObject({ alike: true });
  }
  const polls = JSON.stringify(await bot.deps.store.query(containers.polls));
  expect(polls).not.toContain('participation');
  expect(polls).not.toContain(reminderText);
}

describe('finding 8: who answered does not survive the closing of a poll (outbox and reminders included)', () => {
  // On the run's store (TEST_STORE): SQLite's file bytes, or every Cosmos document.
  it('no reminder item, record or card left, not even in the stored bytes', async () => {
    const bot = await startTestBot(withoutOtherBroadcasts);
    const raw = () => rawStoreBytes(bot.deps.store, bot.dbFile);
    try {
      await pollWithReminderThenClose(bot, raw);
      await expectNoTraceOfWhoAnswered(bot);
      expect((await raw()).includes(Buffer.from(reminderText))).toBe(false);
      expect((await raw()).includes(Buffer.from(remindId))).toBe(false);
    } finally {
      await bot.stop();
    }
  }, 90_000);
});
