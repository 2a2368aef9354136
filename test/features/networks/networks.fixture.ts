import { Downloads } from '../../../src/platform/downloads';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { readFileSync } from 'node:fs';
import { ManualClock } from '../../../src/platform/clock';
import { ConversationDirectory } from '../../../src/platform/conversations';
import { BotProactiveSender } from '../../../src/platform/delivery/bot-proactive-sender';
import { createDelivery, userKey } from '../../../src/platform/delivery';
import { I18n } from '../../../src/platform/i18n/i18n';
import platformEn from '../../../src/platform/i18n/en.json';
import platformIt from '../../../src/platform/i18n/it.json';
import platformNl from '../../../src/platform/i18n/nl.json';
import { silentLogger, type Logger } from '../../../src/platform/logger';
import { Organisation, type Locale } from '../../../src/platform/org/organisation';
import type { OrgFile } from '../../../src/platform/org/org.schema';
import { PeopleNames } from '../../../src/platform/people/people-names';
import { registerSignupMessages } from '../../../src/platform/signups';
import en from '../../../src/features/networks/i18n/en.json';
import italian from '../../../src/features/networks/i18n/it.json';
import nl from '../../../src/features/networks/i18n/nl.json';
import { registerNetworksJobs } from '../../../src/features/networks/networks.jobs';
import { createNetworksModule } from '../../../src/features/networks/networks.module';
import { FakeConnector } from '../../support/fake-connector';
import { alwaysOpenCalendar } from '../../support/open-calendar';
import { openTestStore } from '../../support/test-store';

/** Demo people (config/org.demo.json): coordinators of r-pride (Lotte) and neurodiversiteit (Sem). */
export const people = {
  lotte: '7a11e1b0-0000-4000-8000-000000000008',
  sem: '7a11e1b0-0000-4000-8000-000000000009',
  noor: '7a11e1b0-0000-4000-8000-000000000003',
  daan: '7a11e1b0-0000-4000-8000-000000000004',
} as const;
export const rPrideChannel = '19:rpride@thread.tacv2';

/** An employee who is not in the organisation file (most of the 12,000 are not). */
export const employee = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/**
 * The networks module on real parts: the run's store (test-store.ts), the real delivery engine sending to a fake Bot
 * Connector over HTTP, real i18n and cards, a manual clock. The feature's jobs are registered as in the app;
 * `logger` receives the feature's logs.
 */
export async function networksFixture(options: { orgPatch?: (org: OrgFile) => void; logger?: Logger } = {}) {
  const connector = await FakeConnector.start();
  const clock = new ManualClock('2026-11-23T09:00:00Z');
  const store = await openTestStore(':memory:', () => clock.now().getTime());
  const raw = JSON.parse(readFileSync('config/org.demo.json', 'utf8')) as OrgFile;
  const rPride = raw.networks.find((n) => n.id === 'r-pride');
  if (rPride) rPride.channelId = rPrideChannel;
  // Flows at any clock time: the calendar is tested on its own (test/platform/delivery/send-calendar.test.ts).
  raw.calendar = alwaysOpenCalendar;
  options.orgPatch?.(raw);
  const org = Organisation.fromObject(raw);
  const i18n = new I18n((l) => org.terms(l));
  i18n.register({ nl: platformNl, en: platformEn, it: platformIt });
  i18n.register({ nl, en, it: italian });
  registerSignupMessages(i18n);
  const conversations = new ConversationDirectory(store, () => clock.now());
  const engine = createDelivery({
    store,
    sender: new BotProactiveSender(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), ''),
    directory: conversations,
    clock,
    calendar: org,
    logger: silentLogger(),
    options: { pollMs: 20 },
  });
  const logger = options.logger ?? silentLogger();
  // No directory, as in a local run: names come from what people gave when they joined or signed up.
  const people = new PeopleNames(org, undefined);
  const delivery = engine.delivery;
  const scheduler = engine.scheduler;
  const downloads = new Downloads('http://127.0.0.1:1', 'test-secret', () => clock.now());
  const deps = { store, clock, org, i18n, logger, delivery, conversations, scheduler, people, downloads };
  const m = createNetworksModule(deps);
  registerNetworksJobs(engine.scheduler, m);

  const conversationOf = (aad: string) => `a:personal-${aad.toLowerCase()}`;
  return {
    m,
    org,
    i18n,
    store,
    clock,
    connector,
    engine,
    conversations,
    actor: (aad: string, locale: Locale = 'nl') => org.actor(aad, locale),
    conversationOf,
    /** The person has the bot installed (a stored 1:1 reference), with their Teams UI language. */
    async installed(aad: string, locale = 'nl-NL') {
      await conversations.save(
        userKey(aad),
        {
          serviceUrl: connector.url,
          channelId: 'msteams',
          conversation: { id: conversationOf(aad), conversationType: 'personal', tenantId: 't1' },
          bot: { id: '28:bot' },
          user: { id: `29:${aad}`, aadObjectId: aad },
        },
        { locale },
      );
    },
    async channelInstalled(conversationId: string) {
      await conversations.save(`channel:${conversationId}`, {
        serviceUrl: connector.url,
        channelId: 'msteams',
        conversation: { id: conversationId, conversationType: 'channel', tenantId: 't1', isGroup: true },
        bot: { id: '28:bot' },
      });
    },
    /** Runs due jobs (the announcement delivery among them), then sends everything queued. */
    async drain() {
      await engine.scheduler.runDue();
      await engine.worker.drain();
    },
    async close() {
      await engine.worker.stop();
      await connector.stop();
      await store.close();
    },
  };
}

export type NetworksFixture = Awaited<ReturnType<typeof networksFixture>>;
