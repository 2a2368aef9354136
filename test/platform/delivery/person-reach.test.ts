import * as ACData from 'adaptivecards-templating';
import card from '../../../src/platform/delivery/cards/broadcast-status.card.json';
import { broadcastStatusCardData } from '../../../src/platform/delivery/cards/broadcast-status.card';
import { userKey, type OutboundActivity, type RecipientKey } from '../../../src/platform/delivery';
import type { AppInstaller } from '../../../src/platform/directory/directory.port';
import { createGraphEdge, type GraphEdgeOverrides } from '../../../src/platform/graph/create-graph-edge';
import { I18n } from '../../../src/platform/i18n/i18n';
import platformEn from '../../../src/platform/i18n/en.json';
import platformIt from '../../../src/platform/i18n/it.json';
import platformNl from '../../../src/platform/i18n/nl.json';
import { silentLogger } from '../../../src/platform/logger';
import { FakeGraph } from '../../support/fake-graph';
import type { VirtualTimers } from '../../support/virtual-timers';
import { message, startFixture, type Fixture } from './delivery-fixture';

jest.setTimeout(60_000);

const catalogAppId = 'c47a1060-0000-4000-8000-00000000ca7a';
const tenant = 't1';
const personId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const blockedId = 'b1000000-0000-4000-8000-000000000001';
const noLicenceId = 'b1000000-0000-4000-8000-000000000002';
const statusTexts = {
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

function graphEdge(graph: FakeGraph, overrides: GraphEdgeOverrides = {}) {
  const token = { getToken: async () => ({ token: 'test', expiresOnTimestamp: Date.now() + 3_600_000 }) };
  const config = {
    graph: {
      enabled: true as const,
      baseUrl: graph.url,
      credential: { kind: 'clientSecret' as const, tenantId: tenant, clientId: 'c', secret: 's' },
      ratePerSecond: 1000,
      maxAttempts: 3,
      catalogAppId,
    },
  };
  return createGraphEdge(config, silentLogger(), { credential: token, random: () => 0.5, ...overrides });
}

/** Graph's HTTP calls hold virtual time still while in flight (the Graph limiter runs on real time here). */
const tracked = (timers: VirtualTimers, installer: AppInstaller): AppInstaller => ({
  installForUser: (id) => timers.track(installer.installForUser(id)),
});

/** A person who opened the bot: the reference Teams' turn would have stored. */
async function opened(f: Fixture, id: string): Promise<void> {
  await f.directory.save(userKey(id), {
    serviceUrl: f.connector.url,
    channelId: 'msteams',
    conversation: { id: `a:personal-${id}`, conversationType: 'personal', tenantId: tenant },
    bot: { id: '28:bot' },
    user: { id: `29:${id}`, aadObjectId: id },
  });
}

function renderStatus(
  status: Parameters<typeof broadcastStatusCardData>[0],
  locale: 'nl' | 'en' = 'nl',
): string[] {
  const i18n = new I18n();
  i18n.register({ nl: platformNl, en: platformEn, it: platformIt });
  const data = broadcastStatusCardData(status, statusTexts, undefined, (key, params) =>
    i18n.t(locale, key, params),
  );
  const rendered = new ACData.Template(card).expand({ $root: data }) as { body: Array<{ text?: string }> };
  return rendered.body.map((b) => b.text ?? '');
}

const hello: OutboundActivity = message('Nieuwe bijeenkomst van het netwerk');
const broadcast = (id: string, keys: RecipientKey[]) => ({
  broadcastId: id,
  purpose: 'networks.announcement',
  urgency: 'normal' as const,
  recipients: keys.map((key) => ({ key, activity: hello })),
});

describe('Reaching people with no stored conversation, with Graph (proactive install)', () => {
  let graph: FakeGraph;
  let f: Fixture;
  afterEach(async () => {
    await f.close();
    await graph.stop();
  });

  async function start(overrides: GraphEdgeOverrides = {}, track = true) {
    graph = await FakeGraph.start({
      users: [
        ...Array.from({ length: 1000 }, (_, n) => ({ id: personId(n) })),
        { id: blockedId, blocked: true },
        { id: noLicenceId, noLicense: true },
      ],
      catalog: [{ id: catalogAppId, externalId: '7a11e1b0-a990-4e5c-8a1b-5a4e1b07d340' }],
      // The 300 who opened the bot have the app already.
      installedFor: Array.from({ length: 300 }, (_, n) => personId(n)),
      keepBodies: false,
    });
    const edge = graphEdge(graph, overrides);
    f = await startFixture({
      delivery: { ratePerSecond: 50, burst: 5 },
      connector: { ratePerSecond: 50, keepBodies: false, requireInstallForCreate: true },
      reach: (timers) => ({
        installer: track ? tracked(timers, edge.installer) : edge.installer,
        tenantId: tenant,
      }),
    });
    // Like Teams after an install: the connector now lets the bot talk to that person.
    graph.onInstall((userId) => f.connector.markInstalled(userId));
    for (let n = 0; n < 300; n++) {
      f.connector.markInstalled(personId(n));
      await opened(f, personId(n));
    }
  }

  it('an announcement to 1,000 people of whom 700 never opened the bot reaches all 1,000, once each', async () => {
    await start();
    const keys = [
      ...Array.from({ length: 1000 }, (_, n) => userKey(personId(n))),
      userKey(blockedId),
      userKey(noLicenceId),
    ];
    await f.engine.delivery.enqueue(broadcast('b-1000', keys));
    await f.drain();

    const status = await f.engine.delivery.status('b-1000');
    expect(status).toMatchObject({ total: 1002, queued: 0, sent: 1000, failed: 0, inactive: 2 });
    expect(status?.reach).toEqual({
      stored: 300,
      install: 700,
      createConversation: 0,
      unreachable: { blocked: 1, noLicense: 1 },
      graph: true,
    });
    // 0 lost, 0 duplicates: every reachable person's chat got exactly one message.
    const delivered = f.connector.deliveredCounts();
    expect(delivered.size).toBe(1000);
    expect([...delivered.values()].every((c) => c === 1)).toBe(true);
    // Installs went through Graph; nobody was asked of Teams through createConversation first.
    expect(graph.calls('install').filter((r) => r.status === 201)).toHaveLength(700);
    expect(f.connector.creates()).toHaveLength(0);
    // The install's chat is stored with how it was obtained; the next broadcast uses it as stored.
    const record = await f.directory.get(userKey(personId(999)));
    expect(record).toMatchObject({
      via: 'install',
      active: true,
      reference: { serviceUrl: f.connector.url, bot: { id: '28:bot' } },
    });
    expect(record?.reference.conversation.id).toMatch(/^19:.*@unq\.gbl\.spaces$/);

    const lines = renderStatus(status!);
    expect(lines).toContain(
      'Bereikt via een bestaand gesprek: 300 · na installatie van de app: 700 · via een nieuw gesprek: 0',
    );
    expect(lines).toContain('Niet bereikt: app geblokkeerd door het app-beleid (1)');
    expect(lines).toContain('Niet bereikt: geen Teams-licentie (1)');
    expect(renderStatus(status!, 'en')).toContain('Not reached: no Teams licence (1)');

    const blocked = await f.store.get<{ status: string; unreachable?: string; lastError?: string }>(
      'outbox',
      'b-1000',
      userKey(blockedId),
    );
    expect(blocked?.data).toMatchObject({
      status: 'inactive',
      unreachable: 'blocked',
      lastError: 'UNREACHABLE:blocked',
    });
  });

  it('a 429 from Graph with Retry-After is waited out, then the install and the send succeed', async () => {
    // Graph's limiter and back-off on a hand clock that moves only when they wait.
    const waits: number[] = [];
    let at = 0;
    const wait = async (ms: number) => {
      waits.push(ms);
      at += ms;
    };
    await start({ now: () => at, wait });
    graph.inject({ method: 'POST', path: /\/teamwork\/installedApps$/, status: 429, retryAfterSeconds: 3 });
    await f.engine.delivery.enqueue(broadcast('b-429', [userKey(personId(500))]));
    await f.drain();
    expect(waits).toContain(3000);
    expect(graph.calls('install').map((r) => r.status)).toEqual([429, 201]);
    expect(await f.engine.delivery.status('b-429')).toMatchObject({ sent: 1, reach: { install: 1 } });
  });

  it('Graph throttling beyond its retries is tried again later with back-off, not given up', async () => {
    let at = 0;
    await start({ now: () => at, wait: async (ms) => void (at += ms) });
    graph.inject({ method: 'POST', path: /\/teamwork\/installedApps$/, status: 503, times: 3 });
    await f.engine.delivery.enqueue(broadcast('b-503', [userKey(personId(501))]));
    await f.drain();
    const item = await f.store.get<{ status: string; attempts: number; lastError?: string }>(
      'outbox',
      'b-503',
      userKey(personId(501)),
    );
    expect(item?.data).toMatchObject({ status: 'queued', attempts: 1 });
    expect(item?.data.lastError).toMatch(/REACH_/);
    f.clock.advance(5_000);
    await f.drain();
    expect(await f.engine.delivery.status('b-503')).toMatchObject({
      sent: 1,
      failed: 0,
      inactive: 0,
      reach: { install: 1 },
    });
  });
});

describe('Reaching people with no stored conversation, without Graph', () => {
  let f: Fixture;
  afterEach(() => f.close());
  const teamMember = 'a0000000-0000-4000-8000-0000000000aa';
  const stranger = 'a0000000-0000-4000-8000-0000000000bb';

  it('uses createConversation where the app is installed for the person, else says Graph is not configured', async () => {
    f = await startFixture({
      delivery: { ratePerSecond: 50, burst: 5 },
      connector: { requireInstallForCreate: true, teamMembers: [teamMember] },
      reach: () => ({ tenantId: tenant }),
    });
    await opened(f, personId(1));
    await f.engine.delivery.enqueue(
      broadcast('b-nograph', [userKey(personId(1)), userKey(teamMember), userKey(stranger)]),
    );
    await f.drain();
    const status = await f.engine.delivery.status('b-nograph');
    expect(status).toMatchObject({ sent: 2, inactive: 1, failed: 0 });
    expect(status?.reach).toEqual({
      stored: 1,
      install: 0,
      createConversation: 1,
      unreachable: { notConfigured: 1 },
      graph: false,
    });
    expect(f.connector.creates().map((r) => r.status)).toEqual([201, 403]);
    expect(f.connector.messages(`a:personal-${teamMember}`)).toHaveLength(1);
    const lines = renderStatus(status!);
    expect(lines).toContain('Niet bereikt: nooit met de bot gesproken — Graph niet ingesteld (1)');
    expect(lines).toContain('Graph is niet ingesteld: alleen wie ooit met de bot sprak kan worden bereikt.');
  });
});

describe('Reaching people on the spot and for confidential relays', () => {
  let f: Fixture;
  let graph: FakeGraph | undefined;
  afterEach(async () => {
    await f.close();
    await graph?.stop();
    graph = undefined;
  });
  const teamMember = 'a0000000-0000-4000-8000-0000000000cc';
  const stranger = 'a0000000-0000-4000-8000-0000000000dd';

  it('a relay (sendNow) to someone who never opened the bot opens the chat first; to nobody-knows-them it fails', async () => {
    f = await startFixture({
      connector: { requireInstallForCreate: true, teamMembers: [teamMember] },
      reach: () => ({ tenantId: tenant }),
    });
    await opened(f, personId(1)); // The bot has seen Teams (its service URL), as after any first turn.
    await expect(f.run(f.engine.delivery.sendNow(userKey(teamMember), hello, 'urgent'))).resolves.toMatch(
      /^m/,
    );
    expect(f.connector.messages(`a:personal-${teamMember}`)).toHaveLength(1);
    await expect(f.run(f.engine.delivery.sendNow(userKey(stranger), hello, 'urgent'))).rejects.toMatchObject({
      reason: 'NO_REFERENCE',
    });
    // Nothing of either relay was written down: only the two conversations (one made, one refused).
    expect(f.connector.creates().map((r) => r.status)).toEqual([201, 403]);
  });

  it('reachable(): stored, made now, or unreachable with the reason; an app not in the catalog falls back to Teams', async () => {
    graph = await FakeGraph.start({ users: [{ id: teamMember }, { id: stranger }], catalog: [] });
    const token = { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 }) };
    const config = {
      graph: {
        enabled: true as const,
        baseUrl: graph.url,
        credential: { kind: 'clientSecret' as const, tenantId: tenant, clientId: 'c', secret: 's' },
        ratePerSecond: 1000,
        maxAttempts: 3,
        teamsAppId: '7a11e1b0-a990-4e5c-8a1b-5a4e1b07d340',
      },
    };
    const edge = createGraphEdge(config, silentLogger(), { credential: token, random: () => 0.5 });
    f = await startFixture({
      connector: { requireInstallForCreate: true, teamMembers: [teamMember] },
      reach: (timers) => ({ installer: tracked(timers, edge.installer), tenantId: tenant }),
    });
    await opened(f, personId(1));
    const reachable = (id: string) => f.run(f.engine.delivery.reachable(userKey(id)));
    expect(await reachable(personId(1))).toEqual({ state: 'reachable', via: 'stored' });
    expect(await reachable(teamMember)).toEqual({ state: 'reachable', via: 'createConversation' });
    expect(await reachable(teamMember)).toEqual({ state: 'reachable', via: 'stored' });
    // Teams refuses, Graph cannot install an app the tenant never added: unreachable, and why.
    expect(await reachable(stranger)).toEqual({ state: 'unreachable', reason: 'notConfigured' });

    // The outbox falls back the same way: install first, and Teams when the catalog lacks the app.
    const other = 'a0000000-0000-4000-8000-0000000000ee';
    f.connector.configure({ teamMembers: [teamMember, other] });
    await f.engine.delivery.enqueue(broadcast('b-catalog', [userKey(other)]));
    await f.drain();
    expect((await f.engine.delivery.status('b-catalog'))?.reach).toMatchObject({ createConversation: 1 });
    expect(f.connector.messages(`a:personal-${other}`)).toHaveLength(1);
  });
});
