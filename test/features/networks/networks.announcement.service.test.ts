import { AppError } from '../../../src/platform/errors';
import { containers } from '../../../src/storage/document-store.port';
import {
  announcementFormSchema,
  correctionFormSchema,
} from '../../../src/features/networks/networks.schemas';
import { cardActions, cardText } from '../../support/cards';
import { employee, networksFixture, people, rPrideChannel, type NetworksFixture } from './networks.fixture';
import { purgeExpired } from '../../support/test-store';

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => (e instanceof AppError ? e.messageKey : e),
  );
const form = (extra: Record<string, unknown> = {}) =>
  announcementFormSchema.parse({
    kind: 'plain',
    networkId: 'r-pride',
    text: 'Borrel vrijdag in het Timmerhuis',
    toMembers: 'true',
    toChannel: 'false',
    ...extra,
  });
const cardOf = (body: Record<string, unknown> | undefined) =>
  (body?.attachments as Array<{ content: unknown }> | undefined)?.[0]?.content;

describe('AnnouncementService and AnnouncementAdminService', () => {
  let f: NetworksFixture;
  const lotte = () => f.actor(people.lotte);

  beforeEach(async () => {
    f = await networksFixture();
    await f.channelInstalled(rPrideChannel);
  });
  afterEach(async () => f.close());

  async function members(count: number, network = 'r-pride') {
    const ids: string[] = [];
    for (let n = 1; n <= count; n++) {
      const id = employee(n);
      await f.m.membership.join(f.actor(id), network, `Lid ${n}`);
      await f.installed(id, n === 1 ? 'en-US' : 'nl-NL');
      ids.push(id);
    }
    return ids;
  }

  it("only that network's coordinator can draft: a coordinator of another network or a member gets an error and nothing is stored", async () => {
    expect(await errorOf(f.m.announcements.saveDraft(f.actor(people.sem), form()))).toBe(
      'networks.error.notCoordinator',
    );
    expect(await errorOf(f.m.announcements.saveDraft(f.actor(employee(1)), form()))).toBe(
      'networks.error.notCoordinator',
    );
    expect(await f.store.count(containers.networks)).toBe(0);
  });

  it('sends 1:1 to every non-snoozed member in their language and posts in the channel, once', async () => {
    const ids = await members(3);
    await f.m.membership.snooze(f.actor(ids[2]!), 'r-pride');
    const draft = await f.m.announcements.saveDraft(
      lotte(),
      form({ toChannel: 'true', link: 'https://intranet.example.org/pride' }),
    );

    const sends = await Promise.all([1, 2, 3].map(() => f.m.announcements.send(lotte(), draft.id)));
    expect(sends.filter((s) => s.alreadySent)).toHaveLength(2);
    await f.drain();

    const nl = cardOf(f.connector.messages(f.conversationOf(ids[1]!))[0]?.body);
    const en = cardOf(f.connector.messages(f.conversationOf(ids[0]!))[0]?.body);
    expect(f.connector.messages(f.conversationOf(ids[0]!))).toHaveLength(1);
    expect(f.connector.messages(f.conversationOf(ids[1]!))).toHaveLength(1);
    expect(f.connector.messages(f.conversationOf(ids[2]!))).toHaveLength(0);
    expect(cardText(nl)).toContain('Aankondigingen pauzeren');
    expect(cardText(en)).toContain('Pause announcements');
    const channel = cardOf(f.connector.messages(rPrideChannel)[0]?.body);
    expect(cardText(channel)).toContain('Borrel vrijdag');
    expect(cardActions(channel).map((a) => a.verb)).not.toContain('networks.snooze');
    expect(cardActions(nl).find((a) => a.type === 'Action.OpenUrl')?.url).toBe(
      'https://intranet.example.org/pride',
    );

    const status = await f.m.admin.status(lotte(), draft.id);
    expect(status.doc.status).toBe('sent');
    expect(status.delivery).toMatchObject({ total: 3, sent: 3, failed: 0 });
  });

  it('the click only hands the sending to a job: nothing is written to the outbox until it runs, and a retraction before that sends nothing', async () => {
    await members(2);
    const draft = await f.m.announcements.saveDraft(lotte(), form());
    const { doc } = await f.m.announcements.send(lotte(), draft.id);
    expect(doc).toMatchObject({ status: 'sent', memberRecipients: 2 });
    expect(await f.engine.delivery.status(draft.id)).toBeUndefined();
    expect(await f.store.count(containers.outbox, { pk: draft.id })).toBe(0);

    await f.m.admin.retract(lotte(), draft.id);
    await f.drain();
    expect(f.connector.messages()).toHaveLength(0);
    expect(await f.engine.delivery.status(draft.id)).toBeUndefined();
  });

  it('a correction made while the delivery job is writing still reaches every copy', async () => {
    const ids = await members(3);
    const draft = await f.m.announcements.saveDraft(lotte(), form());
    await f.m.announcements.send(lotte(), draft.id);
    const fix = correctionFormSchema.parse({
      announcementId: draft.id,
      baseRevision: '1',
      kind: 'plain',
      text: 'Borrel vrijdag in het Stadhuis',
    });
    const enqueue = f.engine.delivery.enqueue.bind(f.engine.delivery);
    // The job has rendered the old text; the coordinator corrects before its items are written.
    jest.spyOn(f.engine.delivery, 'enqueue').mockImplementationOnce(async (request) => {
      await f.m.admin.correct(lotte(), fix);
      return enqueue(request);
    });
    await f.drain();
    await f.drain();
    for (const id of ids) {
      const copies = [
        ...f.connector.messages(f.conversationOf(id)),
        ...f.connector.updates(f.conversationOf(id)),
      ];
      expect(cardText(cardOf(copies.at(-1)?.body))).toContain('Stadhuis');
    }
  });

  it('escapes the text: no hidden link, no mention of everyone', async () => {
    await members(1);
    const text = 'Kom [hier](https://evil.example) <at>everyone</at> **nu**';
    const draft = await f.m.announcements.saveDraft(lotte(), form({ text }));
    await f.m.announcements.send(lotte(), draft.id);
    await f.drain();
    const card = cardOf(f.connector.messages(f.conversationOf(employee(1)))[0]?.body);
    const all = cardText(card);
    expect(all).not.toContain('[hier](');
    expect(all).not.toMatch(/<at>/i);
    expect(all).toContain('\\[hier\\]\\(https://evil.example\\)');
    expect(cardActions(card).some((a) => a.type === 'Action.OpenUrl')).toBe(false);
  });

  it('reports failed and inactive recipients and resends to the failed ones only', async () => {
    const ids = await members(3);
    f.connector.configure({
      conversationStatus: { [f.conversationOf(ids[0]!)]: 400, [f.conversationOf(ids[1]!)]: 403 },
    });
    const draft = await f.m.announcements.saveDraft(lotte(), form());
    await f.m.announcements.send(lotte(), draft.id);
    await f.drain();
    expect((await f.m.admin.status(lotte(), draft.id)).delivery).toMatchObject({
      sent: 1,
      failed: 1,
      inactive: 1,
    });

    expect(await errorOf(f.m.admin.retryFailed(f.actor(people.sem), draft.id))).toBe(
      'networks.error.notCoordinator',
    );
    f.connector.configure({ conversationStatus: {} });
    expect(await f.m.admin.retryFailed(lotte(), draft.id)).toBe(1);
    await f.drain();
    expect((await f.m.admin.status(lotte(), draft.id)).delivery).toMatchObject({
      sent: 2,
      failed: 0,
      inactive: 1,
    });
    expect(f.connector.messages(f.conversationOf(ids[2]!))).toHaveLength(1);
    expect(f.connector.messages(f.conversationOf(ids[1]!)).filter((r) => r.status < 300)).toHaveLength(0);
  });

  it('corrects every copy once per revision and refuses a correction on a stale version', async () => {
    const ids = await members(2);
    const draft = await f.m.announcements.saveDraft(lotte(), form({ toChannel: 'true' }));
    await f.m.announcements.send(lotte(), draft.id);
    await f.drain();

    const fix = correctionFormSchema.parse({
      announcementId: draft.id,
      baseRevision: '1',
      kind: 'plain',
      text: 'Borrel vrijdag in het Stadhuis',
    });
    expect((await f.m.admin.correct(lotte(), fix)).revision).toBe(2);
    await f.m.admin.correct(lotte(), fix); // Teams retried the click
    await f.drain();
    for (const conv of [f.conversationOf(ids[0]!), f.conversationOf(ids[1]!), rPrideChannel]) {
      const updates = f.connector.updates(conv);
      expect(updates).toHaveLength(1);
      expect(cardText(cardOf(updates[0]?.body))).toContain('Stadhuis');
    }
    const stale = correctionFormSchema.parse({
      announcementId: draft.id,
      baseRevision: '1',
      kind: 'plain',
      text: 'Iets anders',
    });
    expect(await errorOf(f.m.admin.correct(lotte(), stale))).toBe('networks.error.changedMeanwhile');
    expect(await errorOf(f.m.admin.correct(f.actor(people.sem), { ...fix, baseRevision: 2 }))).toBe(
      'networks.error.notCoordinator',
    );
  });

  it('retracts: every copy becomes "ingetrokken", idempotently', async () => {
    const ids = await members(2);
    const draft = await f.m.announcements.saveDraft(lotte(), form());
    await f.m.announcements.send(lotte(), draft.id);
    await f.drain();
    expect(await errorOf(f.m.admin.retract(f.actor(people.sem), draft.id))).toBe(
      'networks.error.notCoordinator',
    );
    await Promise.all([f.m.admin.retract(lotte(), draft.id), f.m.admin.retract(lotte(), draft.id)]);
    await f.drain();
    const nl = f.connector.updates(f.conversationOf(ids[1]!));
    expect(nl).toHaveLength(1);
    expect(cardText(cardOf(nl[0]?.body))).toContain('Ingetrokken');
    expect(cardText(cardOf(f.connector.updates(f.conversationOf(ids[0]!))[0]?.body))).toContain('Retracted');
    expect((await f.m.admin.status(lotte(), draft.id)).doc.status).toBe('retracted');
    const fix = correctionFormSchema.parse({
      announcementId: draft.id,
      baseRevision: '1',
      kind: 'plain',
      text: 'x',
    });
    expect(await errorOf(f.m.admin.correct(lotte(), fix))).toBe('networks.error.retracted');
  });

  it('after the change window, the outbox no longer knows who received it and retract/correct are refused with nothing changed', async () => {
    const ids = await members(2);
    const draft = await f.m.announcements.saveDraft(lotte(), form());
    await f.m.announcements.send(lotte(), draft.id);
    await f.drain();
    const recipientRows = async () =>
      JSON.stringify(await f.store.query(containers.outbox, { pk: draft.id })).toLowerCase();
    expect(await recipientRows()).toContain(ids[0]!.toLowerCase());
    const open = await f.m.admin.status(lotte(), draft.id);
    expect(open).toMatchObject({
      changeable: true,
      changeableUntil: new Date(Date.parse(open.doc.sentAt!) + 14 * 86_400_000),
    });

    f.clock.advance(14 * 86_400_000 + 60_000);
    const fix = correctionFormSchema.parse({
      announcementId: draft.id,
      baseRevision: '1',
      kind: 'plain',
      text: 'Te laat',
    });
    expect(await errorOf(f.m.admin.correct(lotte(), fix))).toBe('networks.error.changeWindowClosed');
    expect(await errorOf(f.m.admin.retract(lotte(), draft.id))).toBe('networks.error.changeWindowClosed');
    expect(await errorOf(f.m.admin.retryFailed(lotte(), draft.id))).toBe('networks.error.changeWindowClosed');
    expect(await f.m.announcements.owned(lotte(), draft.id)).toMatchObject({ status: 'sent', revision: 1 });

    f.clock.advance(86_400_000);
    await purgeExpired(f.store);
    const rows = await recipientRows();
    for (const id of ids) expect(rows).not.toContain(id.toLowerCase());
    const closed = await f.m.admin.status(lotte(), draft.id);
    expect(closed).toMatchObject({ changeable: false, delivery: { total: 2, sent: 2, queued: 0 } });
    await f.drain();
    expect(f.connector.updates()).toHaveLength(0);
  });

  it('a meetup stays changeable until a day after it starts, also when a correction moves it later', async () => {
    await members(1);
    const meetup = {
      kind: 'meetup',
      title: 'Pride-diner',
      date: '2027-01-20',
      time: '18:00',
      place: 'Timmerhuis',
    };
    const draft = await f.m.announcements.saveDraft(lotte(), form(meetup));
    await f.m.announcements.send(lotte(), draft.id);
    await f.drain();
    expect((await f.m.admin.status(lotte(), draft.id)).changeableUntil?.toISOString()).toBe(
      '2027-01-21T17:00:00.000Z',
    );

    const later = correctionFormSchema.parse({
      announcementId: draft.id,
      baseRevision: '1',
      text: 'Borrel vrijdag in het Timmerhuis',
      ...meetup,
      date: '2027-02-10',
    });
    await f.m.admin.correct(lotte(), later);
    await f.drain();
    expect((await f.engine.delivery.status(draft.id))?.keepUntil).toBe('2027-02-11T17:00:00.000Z');
    f.clock.set(new Date('2027-02-01T12:00:00Z'));
    await purgeExpired(f.store);
    expect(await f.engine.delivery.sentMessages(draft.id)).toHaveLength(1);
    expect((await f.m.admin.status(lotte(), draft.id)).changeable).toBe(true);
  });

  it('refuses a meetup in the past and a channel the network does not have', async () => {
    const meetup = {
      kind: 'meetup',
      title: 'Borrel',
      date: '2026-11-20',
      time: '17:00',
      place: 'Timmerhuis',
    };
    expect(await errorOf(f.m.announcements.saveDraft(lotte(), form(meetup)))).toBe(
      'networks.error.meetupInPast',
    );
    expect(
      await errorOf(
        f.m.announcements.saveDraft(
          f.actor(people.sem),
          form({ networkId: 'neurodiversiteit', toChannel: 'true' }),
        ),
      ),
    ).toBe('networks.error.noChannel');
    expect(await errorOf(f.m.announcements.saveDraft(lotte(), form({ ...meetup, date: '2026-02-30' })))).toBe(
      'networks.error.badDateTime',
    );
  });

  it('refuses to send to nobody', async () => {
    const draft = await f.m.announcements.saveDraft(lotte(), form());
    expect(await errorOf(f.m.announcements.send(lotte(), draft.id))).toBe('networks.error.noRecipients');
    expect((await f.m.announcements.owned(lotte(), draft.id)).status).toBe('draft');
  });
});
