import * as ACData from 'adaptivecards-templating';
import card from '../../../src/platform/delivery/cards/broadcast-status.card.json';
import { broadcastStatusCardData } from '../../../src/platform/delivery/cards/broadcast-status.card';
import { createDelivery, SendError, type OutboundActivity } from '../../../src/platform/delivery';
import { silentLogger } from '../../../src/platform/logger';
import { containers } from '../../../src/storage/document-store.port';
import { conversationOf, keyOf, message, startFixture, type Fixture } from './delivery-fixture';
import { alwaysOpen } from '../../support/open-calendar';

jest.setTimeout(15_000);

describe('Delivery service', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await startFixture({ users: 5, delivery: { ratePerSecond: 200, burst: 20 } });
  });
  afterEach(() => f.close());

  const request = (id: string, activity: (n: number) => OutboundActivity = () => message('Hallo')) => ({
    broadcastId: id,
    purpose: 'test.announcement',
    urgency: 'normal' as const,
    createdBy: 'organiser-1',
    recipients: [1, 2, 3, 4, 5].map((n) => ({ key: keyOf(n), activity: activity(n) })),
  });

  it('enqueues one item per recipient, idempotently, and reports status until finished', async () => {
    const first = await f.engine.delivery.enqueue(request('b1'));
    expect(first).toMatchObject({
      total: 5,
      queued: 5,
      sent: 0,
      purpose: 'test.announcement',
      createdBy: 'organiser-1',
    });
    expect(first.finishedAt).toBeUndefined();
    await f.engine.delivery.enqueue(request('b1'));
    expect(
      await f.store.count(containers.outbox, {
        pk: 'b1',
        where: [{ field: 'kind', op: '=', value: 'send' }],
      }),
    ).toBe(5);

    f.clock.advance(90_000);
    await f.drain();
    await f.engine.delivery.enqueue(request('b1'));
    await f.drain();

    expect(f.connector.messages()).toHaveLength(5);
    const done = await f.engine.delivery.status('b1');
    expect(done).toMatchObject({ total: 5, sent: 5, queued: 0, finishedAt: f.clock.now().toISOString() });
    expect(await f.engine.delivery.status('nope')).toBeUndefined();
  });

  it('stores one activity document per distinct content, not one per recipient', async () => {
    await f.engine.delivery.enqueue(request('b1', (n) => message(n % 2 ? 'Hallo' : 'Hello')));
    const all = await f.store.query(containers.outbox, { pk: 'b1' });
    expect(all.filter((d) => d.id.startsWith('act:'))).toHaveLength(2);
    await f.drain();
    expect(f.connector.messages(conversationOf(1))[0].body?.text).toBe('Hallo');
    expect(f.connector.messages(conversationOf(2))[0].body?.text).toBe('Hello');
  });

  it('waits for notBefore', async () => {
    await f.engine.delivery.enqueue({
      ...request('b1'),
      notBefore: new Date(f.clock.now().getTime() + 60_000),
    });
    await f.drain();
    expect(f.connector.messages()).toHaveLength(0);
    f.clock.advance(60_000);
    await f.drain();
    expect(f.connector.messages()).toHaveLength(5);
  });

  it('updates delivered copies in place and lists where each copy landed', async () => {
    await f.engine.delivery.enqueue(request('b1'));
    await f.drain();
    const sent = await f.engine.delivery.sentMessages('b1');
    expect(sent).toHaveLength(5);

    await f.engine.delivery.enqueueUpdate('b1', 'u1', (key) =>
      key === keyOf(5) ? undefined : message('Gecorrigeerd'),
    );
    await f.engine.delivery.enqueueUpdate('b1', 'u1', () => message('Gecorrigeerd'));
    await f.drain();

    const updates = f.connector.updates();
    expect(updates).toHaveLength(5);
    const landed = new Map(sent.map((s) => [s.key, s.activityId]));
    expect(f.connector.updates(conversationOf(1))[0]).toMatchObject({ activityId: landed.get(keyOf(1)) });
    expect(updates.every((u) => u.body?.text === 'Gecorrigeerd')).toBe(true);
    expect(await f.engine.delivery.status('b1')).toMatchObject({ sent: 5, queued: 0, total: 5 });
  });

  it('sends the newest content to recipients not reached yet, without a separate edit', async () => {
    await f.engine.delivery.enqueue(request('b1'));
    await f.engine.delivery.enqueueUpdate('b1', 'u1', () => message('Nieuw'));
    await f.drain();
    expect(f.connector.messages().map((m) => m.body?.text)).toEqual(new Array(5).fill('Nieuw'));
    expect(f.connector.updates()).toHaveLength(0);
  });

  it('retries failed recipients on request, not inactive ones', async () => {
    f.connector.configure({ conversationStatus: { [conversationOf(1)]: 400, [conversationOf(2)]: 403 } });
    await f.engine.delivery.enqueue(request('b1'));
    await f.drain();
    expect(await f.engine.delivery.status('b1')).toMatchObject({ sent: 3, failed: 1, inactive: 1 });

    f.connector.configure({ conversationStatus: {} });
    expect(await f.engine.delivery.retryFailed('b1')).toBe(1);
    await f.drain();
    expect(await f.engine.delivery.status('b1')).toMatchObject({
      sent: 4,
      failed: 0,
      inactive: 1,
      queued: 0,
    });
    expect(f.connector.messages(conversationOf(1))).toHaveLength(1);
  });

  it('a broadcast whose enqueue died half-way is not retired early, and enqueueing it again completes it', async () => {
    let creates = 0;
    const flaky = Object.create(f.store) as typeof f.store;
    flaky.create = async (container, doc) => {
      if (container === containers.outbox && doc.id.startsWith('user:') && ++creates > 2)
        throw new Error('process died');
      return f.store.create(container, doc);
    };
    const crashed = createDelivery({
      store: flaky,
      sender: f.sender(),
      directory: f.directory,
      clock: f.clock,
      timers: f.timers,
      calendar: alwaysOpen,
      logger: silentLogger(),
    });
    await expect(crashed.delivery.enqueue(request('b1'))).rejects.toThrow('process died');

    await f.drain();
    expect(f.connector.messages()).toHaveLength(2);
    expect(await f.engine.delivery.status('b1')).toMatchObject({
      total: 5,
      sent: 2,
      queued: 0,
      finishedAt: undefined,
    });

    await f.engine.delivery.enqueue(request('b1'));
    await f.drain();
    expect([...f.connector.deliveredCounts().values()]).toEqual([1, 1, 1, 1, 1]);
    expect((await f.engine.delivery.status('b1'))?.finishedAt).toBeDefined();
  });

  it('sendNow delivers without writing anything to the outbox', async () => {
    const id = await f.run(f.engine.delivery.sendNow(keyOf(1), message('vertrouwelijk'), 'urgent'));
    await f.run(f.engine.delivery.updateNow(keyOf(1), id, message('vertrouwelijk, bewerkt')));
    expect(f.connector.messages(conversationOf(1))).toHaveLength(1);
    expect(f.connector.updates(conversationOf(1))[0].activityId).toBe(id);
    expect(await f.store.count(containers.outbox)).toBe(0);
  });

  it('sendNow retries a 5xx in memory, and on 403 throws and marks the recipient inactive', async () => {
    let calls = 0;
    f.connector.configure({ failureRate: 0.5, random: () => (++calls <= 2 ? 0 : 0.99) });
    await expect(f.run(f.engine.delivery.sendNow(keyOf(1), message('x'), 'urgent'))).resolves.toMatch(/^m/);

    f.connector.configure({ failureRate: 0, conversationStatus: { [conversationOf(2)]: 403 } });
    await expect(f.run(f.engine.delivery.sendNow(keyOf(2), message('x'), 'urgent'))).rejects.toMatchObject({
      statusCode: 403,
    });
    await expect(f.run(f.engine.delivery.sendNow(keyOf(2), message('x'), 'urgent'))).rejects.toBeInstanceOf(
      SendError,
    );
    expect(f.connector.requests.filter((r) => r.conversationId === conversationOf(2))).toHaveLength(1);
    expect((await f.directory.get(keyOf(2)))?.active).toBe(false);
  });

  it('renders the status card with the counts, the time taken and no hard-coded text', async () => {
    await f.engine.delivery.enqueue(request('b1'));
    f.clock.advance(125_000);
    await f.drain();
    const status = await f.engine.delivery.status('b1');
    const t = {
      title: 'Verzendstatus',
      inProgress: 'Bezig',
      finished: 'Klaar',
      total: 'Totaal',
      sent: 'Verzonden',
      queued: 'In de wachtrij',
      failed: 'Mislukt',
      inactive: 'Niet bereikbaar',
      duration: 'Duur',
      refresh: 'Vernieuwen',
    };
    const data = broadcastStatusCardData(status!, t, {
      verb: 'networks.status',
      data: { broadcastId: 'b1' },
    });
    const rendered = new ACData.Template(card).expand({ $root: data }) as {
      body: Array<{ text?: string; facts?: Array<{ title: string; value: string }> }>;
      actions: Array<{ verb: string }>;
    };
    const facts = rendered.body.find((b) => b.facts)?.facts;
    expect(facts).toContainEqual({ title: 'Verzonden', value: '5' });
    expect(facts).toContainEqual({ title: 'Duur', value: '2:05' });
    expect(rendered.body.map((b) => b.text)).toContain('Klaar');
    expect(rendered.actions[0].verb).toBe('networks.status');
    expect(JSON.stringify(card)).not.toMatch(/Verzonden|Sent/);
  });
});
