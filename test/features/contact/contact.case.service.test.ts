import { randomUUID } from 'node:crypto';
import type { ContactCase } from '../../../src/features/contact/contact.types';
import { containers } from '../../../src/storage/document-store.port';
import { contactFixture, people, type Fixture } from './contact.fixture';

const caseDoc = async (f: Fixture, caseId: string) =>
  (await f.store.get<ContactCase>(containers.contact, 'case', caseId))?.data;

async function openRequest(
  f: Fixture,
  requester = people.lotte,
  identity: 'anonymous' | 'named' = 'anonymous',
) {
  return f.s.requests.submit(
    f.actor(requester),
    { formId: randomUUID(), identity, channel: 'chat', firstMessage: 'eerste bericht' },
    'Lotte Visser',
  );
}

describe('pick-up and relay', () => {
  let f: Fixture;
  beforeEach(async () => (f = await contactFixture()));
  afterEach(() => f.store.close());

  it('pick-up race: of three simultaneous clicks exactly one wins; the others see "taken" and their cards say "opgepakt"', async () => {
    const r = await openRequest(f);
    const offers = (await caseDoc(f, r.caseId))?.offers ?? [];
    const clickers = [people.noor, people.daan, people.priya];
    const results = await Promise.allSettled(clickers.map((id) => f.s.cases.pickUp(f.actor(id), r.caseId)));
    const won = results.filter((x) => x.status === 'fulfilled');
    const lost = results.filter((x): x is PromiseRejectedResult => x.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((l) => (l.reason as { messageKey: string }).messageKey)).toEqual([
      'contact.error.taken',
      'contact.error.taken',
    ]);
    const winner = clickers[results.findIndex((x) => x.status === 'fulfilled')];
    const c = await caseDoc(f, r.caseId);
    expect(c).toMatchObject({
      status: 'open',
      kernteamlidId: winner,
      pickedUpAt: '2026-11-23T09:00:00.000Z',
    });
    expect(c?.offers).toBeUndefined();
    expect(c?.offeredTo).toBeUndefined();
    // The two other request cards were replaced, each in place.
    const losers = offers.filter((o) => o.kernteamlidId !== winner);
    expect(f.delivery.updates.map((u) => u.activityId).sort()).toEqual(
      losers.map((o) => o.activityId).sort(),
    );
    for (const u of f.delivery.updates)
      expect(JSON.stringify(u.activity)).toContain(`Verzoek ${r.code} is opgepakt`);
    // The medewerker hears who picked it up.
    expect(f.delivery.textFor(people.lotte).join('\n')).toContain(
      `heeft je verzoek opgepakt (zaak ${r.code})`,
    );
    // A retried click by the winner is harmless.
    await expect(f.s.cases.pickUp(f.actor(winner), r.caseId)).resolves.toMatchObject({
      kernteamlidId: winner,
    });
  });

  it('relays both ways with the case code, never storing the text; a retried "Versturen" is sent once', async () => {
    const r = await openRequest(f);
    await f.s.cases.pickUp(f.actor(people.noor), r.caseId);
    f.delivery.sent = [];
    const replyId = randomUUID();
    await f.s.cases.relay(f.actor(people.noor), r.caseId, 'Hoi, ik ben Noor. Vertel maar.', replyId);
    await f.s.cases.relay(f.actor(people.noor), r.caseId, 'Hoi, ik ben Noor. Vertel maar.', replyId);
    await f.s.cases.relay(f.actor(people.lotte), r.caseId, 'Het gaat om mijn teamleider');
    const toLotte = f.delivery.textFor(people.lotte);
    expect(toLotte).toHaveLength(1);
    expect(toLotte[0]).toContain('Hoi, ik ben Noor. Vertel maar.');
    expect(toLotte[0]).toContain(`Zaak ${r.code}`);
    const toNoor = f.delivery.textFor(people.noor);
    expect(toNoor).toHaveLength(1);
    expect(toNoor[0]).toContain('Het gaat om mijn teamleider');
    expect(toNoor[0]).toContain(`Zaak ${r.code}`);
    const stored = await f.snapshot();
    expect(stored).not.toContain('Vertel maar');
    expect(stored).not.toContain('teamleider');
  });

  it('refuses a relay from anyone outside the case, and before pick-up, sending nothing', async () => {
    const r = await openRequest(f);
    await expect(f.s.cases.relay(f.actor(people.lotte), r.caseId, 'te vroeg')).rejects.toMatchObject({
      messageKey: 'contact.error.notPickedUp',
    });
    await f.s.cases.pickUp(f.actor(people.noor), r.caseId);
    f.delivery.sent = [];
    const before = await f.snapshot();
    await expect(f.s.cases.relay(f.actor(people.daan), r.caseId, 'meelezen')).rejects.toMatchObject({
      messageKey: 'contact.error.noAccess',
    });
    await expect(f.s.cases.relayByCode(f.actor(people.sem), r.code, 'raden')).rejects.toMatchObject({
      messageKey: 'contact.error.noAccess',
    });
    await expect(f.s.cases.forKernteamlid(f.actor(people.daan), r.caseId)).rejects.toMatchObject({
      messageKey: 'contact.error.noAccess',
    });
    expect(f.delivery.sent).toHaveLength(0);
    expect(await f.snapshot()).toBe(before);
  });

  it('a medewerker cannot pick up (not even their own request); nothing changes', async () => {
    const r = await openRequest(f);
    const before = await f.snapshot();
    await expect(f.s.cases.pickUp(f.actor(people.sem), r.caseId)).rejects.toMatchObject({
      messageKey: 'contact.error.kernteamOnly',
    });
    await expect(f.s.cases.pickUp(f.actor(people.sanne), r.caseId)).rejects.toMatchObject({
      messageKey: 'contact.error.kernteamOnly',
    });
    expect(await f.snapshot()).toBe(before);
  });

  it('a kernteamlid with several cases: plain text is never guessed, "#CODE" picks the case', async () => {
    const a = await openRequest(f, people.lotte);
    const b = await openRequest(f, people.sem);
    await f.s.cases.pickUp(f.actor(people.noor), a.caseId);
    await f.s.cases.pickUp(f.actor(people.noor), b.caseId);
    const target = await f.s.cases.plainTextTarget(f.actor(people.noor));
    expect(target).toEqual({ kind: 'ask', codes: expect.arrayContaining([a.code, b.code]) });
    f.delivery.sent = [];
    await f.s.cases.relayByCode(f.actor(people.noor), b.code.toLowerCase(), 'voor Sem');
    expect(f.delivery.textFor(people.sem).join()).toContain('voor Sem');
    expect(f.delivery.textFor(people.lotte)).toHaveLength(0);
    // The medewerker's plain text goes to their one case.
    expect(await f.s.cases.plainTextTarget(f.actor(people.lotte))).toEqual({
      kind: 'relay',
      caseId: a.caseId,
    });
    expect((await f.s.cases.myCases(f.actor(people.noor))).map((c) => c.code).sort()).toEqual(
      [a.code, b.code].sort(),
    );
  });

  it('tells the sender when a relay could not be delivered, and lets them retry the same reply box', async () => {
    const r = await openRequest(f);
    await f.s.cases.pickUp(f.actor(people.noor), r.caseId);
    f.delivery.failing.add(`user:${people.lotte}`);
    const replyId = randomUUID();
    await expect(f.s.cases.relay(f.actor(people.noor), r.caseId, 'hallo', replyId)).rejects.toMatchObject({
      messageKey: 'contact.error.delivery',
    });
    f.delivery.failing.clear();
    await f.s.cases.relay(f.actor(people.noor), r.caseId, 'hallo', replyId);
    expect(f.delivery.textFor(people.lotte).filter((t) => t.includes('hallo'))).toHaveLength(1);
  });
});

describe('pick-up edge cases', () => {
  let f: Fixture;
  beforeEach(async () => (f = await contactFixture()));
  afterEach(() => f.store.close());

  it('a click before the request cards are all out wins, and the winner\'s own card is not marked "opgepakt"', async () => {
    const sendNow = f.delivery.sendNow.bind(f.delivery);
    let clicked = false;
    // Noor clicks the moment her card arrives, while the others' cards are still being sent.
    f.delivery.sendNow = async (key, activity, urgency) => {
      const id = await sendNow(key, activity, urgency);
      if (!clicked && key === `user:${people.noor}`) {
        clicked = true;
        const caseId = JSON.stringify(activity).match(/"caseId":"([0-9a-f-]{36})"/)?.[1] as string;
        await f.s.cases.pickUp(f.actor(people.noor), caseId);
      }
      return id;
    };
    const r = await openRequest(f);
    expect((await caseDoc(f, r.caseId))?.kernteamlidId).toBe(people.noor);
    const updatedFor = f.delivery.updates.map((u) => u.key).sort();
    expect(updatedFor).toEqual([`user:${people.daan}`, `user:${people.priya}`].sort());
  });

  it('Oppakken on a withdrawn request says it is closed and changes nothing', async () => {
    const r = await openRequest(f);
    await f.s.closure.stopByRequester(f.actor(people.lotte));
    const before = await f.snapshot();
    await expect(f.s.cases.pickUp(f.actor(people.noor), r.caseId)).rejects.toMatchObject({
      messageKey: 'contact.error.closed',
    });
    expect(await f.snapshot()).toBe(before);
  });
});
