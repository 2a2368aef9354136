import { randomUUID } from 'node:crypto';
import { identityFields, type ContactCase } from '../../../src/features/contact/contact.types';
import { containers } from '../../../src/storage/document-store.port';
import { contactFixture, people, type Fixture } from './contact.fixture';

const caseDoc = async (f: Fixture, caseId: string) =>
  f.store.get<ContactCase>(containers.contact, 'case', caseId);

async function openCase(f: Fixture, identity: 'anonymous' | 'named' = 'anonymous') {
  const r = await f.s.requests.submit(
    f.actor(people.lotte),
    { formId: randomUUID(), identity, channel: 'teamsCall', topic: 'discriminatie' },
    'Lotte Visser',
  );
  await f.s.cases.pickUp(f.actor(people.noor), r.caseId);
  f.delivery.sent = [];
  return r;
}

describe('referral and consent', () => {
  let f: Fixture;
  beforeEach(async () => (f = await contactFixture()));
  afterEach(() => f.store.close());

  it('shows the kernteamlid the guidance, sends the medewerker a referral card, and passes the name only on "yes"', async () => {
    const r = await openCase(f);
    const g = await f.s.referrals.guidance(f.actor(people.noor), r.caseId, 'vertrouwenspersoon');
    expect(f.org.text(g.destination.whenToRefer, 'nl')).toContain('ongewenst gedrag');
    expect(f.delivery.sent).toHaveLength(0); // guidance is for the kernteamlid only

    await f.s.referrals.sendReferral(f.actor(people.noor), r.caseId, 'vertrouwenspersoon');
    const card = f.delivery.textFor(people.lotte).join('\n');
    expect(card).toContain('Luistert vertrouwelijk'); // what they do
    expect(card).toContain("zoek op 'vertrouwenspersoon'"); // how to reach them
    expect(card).toContain('Ja, stel me voor (warme overdracht)');
    expect(card).toContain('Nee, dank je');
    expect(f.delivery.textFor(people.noor).join()).not.toContain('Lotte');

    const yes = await f.s.referrals.answerHandover(f.actor(people.lotte), r.caseId, 'yes', 'Lotte Visser');
    expect(yes.answer).toBe('yes');
    const toNoor = f.delivery.textFor(people.noor).join('\n');
    expect(toNoor).toContain('warme overdracht (Vertrouwenspersoon)');
    expect(toNoor).toContain('Lotte Visser');
    expect(await f.snapshot()).not.toContain('Lotte');
    expect((await caseDoc(f, r.caseId))?.data).toMatchObject({
      referralDestination: 'vertrouwenspersoon',
      handoverConsent: true,
    });
    // Only the bot's own messages went anywhere: nothing to the destination (no other recipients).
    expect(new Set(f.delivery.sent.map((s) => s.key))).toEqual(
      new Set([`user:${people.lotte}`, `user:${people.noor}`]),
    );
  });

  it('without consent the kernteamlid never learns the name, not even after a second click', async () => {
    const r = await openCase(f);
    await f.s.referrals.sendReferral(f.actor(people.noor), r.caseId, 'hr');
    await f.s.referrals.answerHandover(f.actor(people.lotte), r.caseId, 'no', 'Lotte Visser');
    const retried = await f.s.referrals.answerHandover(
      f.actor(people.lotte),
      r.caseId,
      'yes',
      'Lotte Visser',
    );
    expect(retried.answer).toBe('no'); // the first answer stands; a stray second click sends nothing
    const toNoor = f.delivery.textFor(people.noor).join('\n');
    expect(toNoor).toContain('geen warme overdracht');
    expect(toNoor).not.toContain('Lotte');
  });

  it("only the case's kernteamlid may refer, and only the medewerker may answer", async () => {
    const r = await openCase(f);
    const before = await f.snapshot();
    await expect(f.s.referrals.sendReferral(f.actor(people.daan), r.caseId, 'hr')).rejects.toMatchObject({
      messageKey: 'contact.error.noAccess',
    });
    await expect(f.s.referrals.sendReferral(f.actor(people.lotte), r.caseId, 'hr')).rejects.toMatchObject({
      messageKey: 'contact.error.kernteamOnly',
    });
    await expect(f.s.referrals.sendReferral(f.actor(people.noor), r.caseId, 'nergens')).rejects.toMatchObject(
      { messageKey: 'contact.error.unknownDestination' },
    );
    expect(await f.snapshot()).toBe(before);
    await f.s.referrals.sendReferral(f.actor(people.noor), r.caseId, 'hr');
    const afterReferral = await f.snapshot();
    await expect(
      f.s.referrals.answerHandover(f.actor(people.noor), r.caseId, 'yes', 'Noor'),
    ).rejects.toMatchObject({ messageKey: 'contact.error.noAccess' });
    expect(await f.snapshot()).toBe(afterReferral);
  });
});

describe('closure', () => {
  let f: Fixture;
  beforeEach(async () => (f = await contactFixture()));
  afterEach(() => f.store.close());

  it('removes every identity from the case, unlinks the requester, sets the retention TTL, and tells both sides where to go', async () => {
    const r = await openCase(f, 'named');
    await f.s.referrals.sendReferral(f.actor(people.noor), r.caseId, 'vertrouwenspersoon');
    await f.s.referrals.answerHandover(f.actor(people.lotte), r.caseId, 'yes', 'Lotte Visser');
    f.clock.set('2026-12-02T15:30:00Z');
    const closed = await f.s.closure.closeByKernteamlid(f.actor(people.noor), r.caseId, 'referred');

    const doc = await caseDoc(f, r.caseId);
    expect(Object.keys(doc?.data ?? {}).sort()).toEqual(
      [
        'caseId',
        'code',
        'status',
        'createdAt',
        'pickedUpAt',
        'closedAt',
        'quarter',
        'topic',
        'contactChannel',
        'referralDestination',
        'outcome',
      ].sort(),
    );
    for (const field of identityFields) expect(doc?.data).not.toHaveProperty(field);
    expect(doc?.data).toMatchObject({
      status: 'closed',
      createdAt: '2026-11-23',
      pickedUpAt: '2026-11-23',
      closedAt: '2026-12-02',
      outcome: 'referred',
      referralDestination: 'vertrouwenspersoon',
      topic: 'discriminatie',
      contactChannel: 'teamsCall',
    });
    expect(closed.outcome).toBe('referred');
    expect(doc?.ttlSeconds).toBe(365 * 86_400);
    const all = await f.snapshot();
    for (const secret of [people.lotte, people.noor, 'Lotte']) expect(all).not.toContain(secret);

    const toLotte = f.delivery.textFor(people.lotte).at(-1) ?? '';
    expect(toLotte).toContain(`Zaak ${r.code} is afgesloten`);
    expect(toLotte).toContain('Formele meldingen');
    expect(toLotte).toContain('Bel 112');
    // The medewerker may start afresh: no open case any more.
    expect(await f.s.requests.openCaseCode(f.actor(people.lotte))).toBeUndefined();
    // Closing again (a retried click) changes nothing and cannot be authorised any more.
    await expect(
      f.s.closure.closeByKernteamlid(f.actor(people.noor), r.caseId, 'other'),
    ).rejects.toMatchObject({ messageKey: 'contact.error.closed' });
    expect((await caseDoc(f, r.caseId))?.data.outcome).toBe('referred');
  });

  it('the case expires after the configured retention', async () => {
    const r = await openCase(f);
    await f.s.closure.closeByKernteamlid(f.actor(people.noor), r.caseId, 'adviceGiven');
    f.clock.advance(364 * 86_400_000);
    expect(await caseDoc(f, r.caseId)).toBeDefined();
    f.clock.advance(2 * 86_400_000);
    expect(await caseDoc(f, r.caseId)).toBeUndefined();
  });

  it('"stop" by the medewerker ends the case; before pick-up it withdraws the request and updates the request cards', async () => {
    const waiting = await f.s.requests.submit(
      f.actor(people.sem),
      { formId: randomUUID(), identity: 'anonymous', channel: 'chat' },
      'x',
    );
    const stopped = await f.s.closure.stopByRequester(f.actor(people.sem));
    expect(stopped.outcome).toBe('withdrawn');
    expect(
      f.delivery.updates
        .map((u) => JSON.stringify(u.activity))
        .every((a) => a.includes(`Verzoek ${waiting.code} is ingetrokken`)),
    ).toBe(true);
    expect(f.delivery.updates).toHaveLength(3);
    expect(f.scheduler.jobs.size).toBe(0);

    const r = await openCase(f);
    const ended = await f.s.closure.stopByRequester(f.actor(people.lotte));
    expect(ended.outcome).toBe('endedByMedewerker');
    expect(f.delivery.textFor(people.noor).at(-1)).toContain('De medewerker heeft het gesprek beëindigd');
    expect((await caseDoc(f, r.caseId))?.data.kernteamlidId).toBeUndefined();
  });

  it('the inactivity check racing a kernteamlid\'s close: closed once, with the kernteamlid\'s outcome or "inactive", no error', async () => {
    const r = await openCase(f);
    f.clock.advance(31 * 86_400_000);
    const results = await Promise.allSettled([
      f.s.closure.closeByKernteamlid(f.actor(people.noor), r.caseId, 'listened'),
      f.s.closure.onInactivityCheck(r.caseId),
    ]);
    const closed = (await caseDoc(f, r.caseId))?.data;
    expect(closed?.status).toBe('closed');
    expect(['listened', 'inactive']).toContain(closed?.outcome);
    expect(results[1]!.status).toBe('fulfilled');
    // Whoever lost the race changed nothing: one closing card each side at most.
    expect(f.delivery.textFor(people.lotte).filter((t) => t.includes('is afgesloten'))).toHaveLength(1);
  });

  it("only the case's own kernteamlid can close it", async () => {
    const r = await openCase(f);
    const before = await f.snapshot();
    await expect(
      f.s.closure.closeByKernteamlid(f.actor(people.daan), r.caseId, 'other'),
    ).rejects.toMatchObject({ messageKey: 'contact.error.noAccess' });
    await expect(
      f.s.closure.closeByKernteamlid(f.actor(people.lotte), r.caseId, 'other'),
    ).rejects.toMatchObject({ messageKey: 'contact.error.kernteamOnly' });
    await expect(f.s.closure.stopByRequester(f.actor(people.sem), r.caseId)).rejects.toMatchObject({
      messageKey: 'contact.error.noAccess',
    });
    expect(await f.snapshot()).toBe(before);
  });
});
