import { Writable } from 'node:stream';
import { cardActivity, renderCard } from '../../../src/platform/cards';
import {
  networkBroadcastJobKind,
  type NetworkBroadcastJob,
} from '../../../src/platform/contracts/network-broadcast.job';
import { createLogger } from '../../../src/platform/logger';
import { containers } from '../../../src/storage/document-store.port';
import { employee, networksFixture, type NetworksFixture } from './networks.fixture';
import { purgeExpired } from '../../support/test-store';

const card = (text: string) =>
  cardActivity(
    renderCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text, wrap: true }] }, {}),
  );
const textOf = (body: Record<string, unknown> | undefined) =>
  JSON.stringify((body?.attachments as Array<{ content: unknown }> | undefined)?.[0]?.content ?? {});

describe('networks.broadcastToMembers job (the contract other features use)', () => {
  let f: NetworksFixture;
  let lines: string[];
  beforeEach(async () => {
    lines = [];
    const logger = createLogger(
      { level: 'debug' },
      new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) }),
    );
    // The job as the app registers it (registerNetworksJobs), logging into `lines`.
    f = await networksFixture({ logger });
  });
  afterEach(async () => f.close());

  it('reaches every member of the listed networks once, in their language, snoozed members included', async () => {
    const both = employee(1);
    const snoozed = employee(2);
    const english = employee(3);
    const outsider = employee(4);
    await f.m.membership.join(f.actor(both), 'r-pride');
    await f.m.membership.join(f.actor(both), 'jong-r');
    await f.m.membership.join(f.actor(snoozed), 'jong-r');
    await f.m.membership.snooze(f.actor(snoozed), 'jong-r');
    await f.m.membership.join(f.actor(english), 'r-pride');
    await f.m.membership.join(f.actor(outsider), 'neurodiversiteit');
    for (const [id, locale] of [
      [both, 'nl-NL'],
      [snoozed, 'nl-NL'],
      [english, 'en-GB'],
      [outsider, 'nl-NL'],
    ] as const)
      await f.installed(id, locale);

    const job: NetworkBroadcastJob = {
      broadcastId: 'kennisatelier.early:atelier-1',
      networkIds: ['r-pride', 'jong-r', 'bestaat-niet'],
      purpose: 'kennisatelier.announcement',
      cardByLocale: { nl: card('Nieuw kennisatelier'), en: card('New knowledge workshop') },
    };
    await f.engine.scheduler.schedule({
      id: 'job-1',
      kind: networkBroadcastJobKind,
      runAt: f.clock.now(),
      payload: job,
    });
    await f.engine.scheduler.runDue();
    await f.engine.scheduler.schedule({
      id: 'job-2',
      kind: networkBroadcastJobKind,
      runAt: f.clock.now(),
      payload: job,
    }); // a retry
    await f.engine.scheduler.runDue();
    await f.drain();

    expect(f.connector.messages(f.conversationOf(both))).toHaveLength(1);
    expect(textOf(f.connector.messages(f.conversationOf(snoozed))[0]?.body)).toContain('Nieuw kennisatelier');
    expect(textOf(f.connector.messages(f.conversationOf(english))[0]?.body)).toContain(
      'New knowledge workshop',
    );
    expect(f.connector.messages(f.conversationOf(outsider))).toHaveLength(0);
    expect(await f.engine.delivery.status(job.broadcastId)).toMatchObject({ total: 3, sent: 3 });

    const log = lines.join('\n');
    for (const id of [both, snoozed, english, outsider]) expect(log).not.toContain(id);
    expect(log).toContain('"recipients":3');

    // Who received it is the networks' membership: the outbox forgets it a day after delivery.
    const itemsOf = () =>
      f.store.query(containers.outbox, {
        pk: job.broadcastId,
        where: [{ field: 'kind', op: '=', value: 'send' }],
      });
    expect(await itemsOf()).toHaveLength(3);
    f.clock.advance(86_400_000 + 60_000);
    await purgeExpired(f.store);
    expect(await itemsOf()).toHaveLength(0);
    const raw = JSON.stringify(await f.store.query(containers.outbox, { pk: job.broadcastId }));
    for (const id of [both, snoozed, english]) expect(raw.toLowerCase()).not.toContain(id.toLowerCase());
    expect(await f.engine.delivery.status(job.broadcastId)).toMatchObject({ total: 3, sent: 3, queued: 0 });

    await f.engine.scheduler.schedule({
      id: 'job-3',
      kind: networkBroadcastJobKind,
      runAt: f.clock.now(),
      payload: job,
    }); // a late retry
    await f.engine.scheduler.runDue();
    await f.drain();
    expect(f.connector.messages()).toHaveLength(3);
  });
});
