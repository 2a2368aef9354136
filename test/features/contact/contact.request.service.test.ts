import { randomUUID } from 'node:crypto';
import { contactJobs } from '../../../src/features/contact/contact.verbs';
import type { ContactCase, RequestInput } from '../../../src/features/contact/contact.types';
import { containers } from '../../../src/storage/document-store.port';
import { contactFixture, people, type Fixture } from './contact.fixture';

const request = (over: Partial<RequestInput> = {}): RequestInput => ({
  formId: randomUUID(),
  identity: 'anonymous',
  channel: 'chat',
  topic: 'uitsluiting',
  firstMessage: 'Ik voel me buitengesloten in mijn team',
  ...over,
});
const offeredKeys = (f: Fixture) => f.delivery.sent.map((s) => s.key).sort();
const caseDoc = async (f: Fixture, caseId: string) =>
  (await f.store.get<ContactCase>(containers.contact, 'case', caseId))?.data;

describe('contact requests', () => {
  let f: Fixture;
  beforeEach(async () => (f = await contactFixture()));
  afterEach(() => f.store.close());

  it('offers an anonymous request to every available kernteamlid without a name, and keeps no text', async () => {
    const lotte = f.actor(people.lotte);
    const r = await f.s.requests.submit(lotte, request(), 'Lotte Visser');
    expect(r.offeredCount).toBe(3);
    expect(offeredKeys(f)).toEqual([people.noor, people.daan, people.priya].map((id) => `user:${id}`).sort());
    for (const id of [people.noor, people.daan, people.priya]) {
      const text = f.delivery.textFor(id).join('\n');
      expect(text).toContain(`zaak ${r.code}`);
      expect(text).toContain('Anoniem');
      expect(text).toContain('Ik voel me buitengesloten in mijn team');
      expect(text).not.toContain('Lotte');
    }
    const c = await caseDoc(f, r.caseId);
    expect(c).toMatchObject({
      status: 'waiting',
      requesterId: people.lotte,
      requesterNameShared: false,
      topic: 'uitsluiting',
      contactChannel: 'chat',
      quarter: '2026-Q4',
    });
    expect(c?.requesterName).toBeUndefined();
    expect(c?.offers).toHaveLength(3);
    const stored = await f.snapshot();
    expect(stored).not.toContain('buitengesloten');
    expect(stored).not.toContain('Lotte');
    // The code and id are random, never derived from the person.
    expect(r.code).toMatch(/^[A-Z2-9]{4}$/);
    expect(r.caseId).not.toContain(people.lotte);
  });

  it('shows the name on a named request', async () => {
    await f.s.requests.submit(f.actor(people.lotte), request({ identity: 'named' }), 'Lotte Visser');
    expect(f.delivery.textFor(people.noor).join('\n')).toContain('Lotte Visser');
  });

  it('sends to the chosen kernteamlid only when available; otherwise to all available ones', async () => {
    const r = await f.s.requests.submit(f.actor(people.lotte), request({ kernteamlid: people.priya }), 'x');
    expect(offeredKeys(f)).toEqual([`user:${people.priya}`]);
    expect(r.preferredUnavailable).toBe(false);

    await f.s.availability.set(f.actor(people.daan), false);
    f.delivery.sent = [];
    const r2 = await f.s.requests.submit(f.actor(people.sem), request({ kernteamlid: people.daan }), 'x');
    expect(r2.preferredUnavailable).toBe(true);
    expect(offeredKeys(f)).toEqual([`user:${people.noor}`, `user:${people.priya}`].sort());
  });

  it('skips unavailable kernteamleden, in the offer and in the list to choose from', async () => {
    await f.s.availability.set(f.actor(people.noor), false);
    const choosable = await f.s.requests.choosable(f.actor(people.lotte));
    expect(choosable.map((p) => p.name)).toEqual(['Daan Bakker', 'Priya Ramdin']);
    await f.s.requests.submit(f.actor(people.lotte), request(), 'x');
    expect(offeredKeys(f)).not.toContain(`user:${people.noor}`);
    expect(offeredKeys(f)).toHaveLength(2);
  });

  it('a kernteamlid who becomes available receives the waiting open request, without the first message', async () => {
    await f.s.availability.set(f.actor(people.noor), false);
    const r = await f.s.requests.submit(f.actor(people.lotte), request(), 'x');
    f.delivery.sent = [];
    const back = await f.s.availability.set(f.actor(people.noor), true);
    expect(back.waitingOffered).toBe(1);
    const text = f.delivery.textFor(people.noor).join('\n');
    expect(text).toContain(r.code);
    expect(text).not.toContain('buitengesloten');
    expect((await caseDoc(f, r.caseId))?.offeredTo).toContain(people.noor);
  });

  it('allows one open case per medewerker; a retried submit of the same form returns the same case', async () => {
    const lotte = f.actor(people.lotte);
    const input = request();
    const [a, b] = await Promise.all([
      f.s.requests.submit(lotte, input, 'x'),
      f.s.requests.submit(lotte, input, 'x'),
    ]);
    expect(a.caseId).toBe(b.caseId);
    expect(await f.store.count(containers.contact, { pk: 'case' })).toBe(1);
    const before = await f.snapshot();
    await expect(f.s.requests.submit(lotte, request(), 'x')).rejects.toMatchObject({
      messageKey: 'contact.error.alreadyOpen',
      params: { code: a.code },
    });
    expect(await f.snapshot()).toBe(before);
  });

  it('refuses an unknown topic or a non-kernteamlid as choice, changing nothing', async () => {
    const before = await f.snapshot();
    await expect(
      f.s.requests.submit(f.actor(people.lotte), request({ topic: 'verzonnen' }), 'x'),
    ).rejects.toMatchObject({ messageKey: 'common.error.invalidInput' });
    await expect(
      f.s.requests.submit(f.actor(people.lotte), request({ kernteamlid: people.sanne }), 'x'),
    ).rejects.toMatchObject({ messageKey: 'common.error.invalidInput' });
    expect(await f.snapshot()).toBe(before);
    expect(f.delivery.sent).toHaveLength(0);
  });

  it('after the pick-up timeout tells the medewerker the alternatives and alerts the programmateam without content', async () => {
    const r = await f.s.requests.submit(f.actor(people.lotte), request(), 'x');
    const job = f.scheduler.jobs.get(`contact.pickupTimeout.${r.caseId}`);
    expect(job).toMatchObject({
      kind: contactJobs.pickupTimeout,
      runAt: new Date('2026-11-23T13:00:00Z'),
      payload: { caseId: r.caseId },
    });
    f.clock.set('2026-11-23T13:00:00Z');
    f.delivery.sent = [];
    await f.s.requests.onPickupTimeout(r.caseId);

    const toLotte = f.delivery.textFor(people.lotte).join('\n');
    expect(toLotte).toContain('nog niet opgepakt');
    for (const name of [
      'Vertrouwenspersoon',
      'Integriteitscoördinator',
      'HR-adviseur',
      'Leidinggevende',
      'Formele meldingen',
      'Bel 112',
    ])
      expect(toLotte).toContain(name);
    expect(f.delivery.broadcasts).toHaveLength(1);
    const alert = f.delivery.broadcasts[0];
    expect(alert.recipients.map((x) => x.key).sort()).toEqual([
      `user:${people.sanne}`,
      `user:${people.yusuf}`,
    ]);
    const alertText = alert.recipients[0].activity.text ?? '';
    expect(alertText).toContain('wacht al 4 uur');
    expect(alertText).not.toContain(r.code);
    expect(alertText).not.toMatch(/uitsluiting|buitengesloten/i);

    await f.s.requests.onPickupTimeout(r.caseId); // a re-run (job retry) sends nothing twice
    expect(f.delivery.textFor(people.lotte)).toHaveLength(1);
  });

  it('does nothing at the timeout when the request was picked up', async () => {
    const r = await f.s.requests.submit(f.actor(people.lotte), request(), 'x');
    await f.s.cases.pickUp(f.actor(people.noor), r.caseId);
    expect(f.scheduler.jobs.has(`contact.pickupTimeout.${r.caseId}`)).toBe(false);
    f.delivery.sent = [];
    await f.s.requests.onPickupTimeout(r.caseId);
    expect(f.delivery.sent).toHaveLength(0);
    expect(f.delivery.broadcasts).toHaveLength(0);
  });
});
