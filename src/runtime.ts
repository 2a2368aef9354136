import type { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { createAdapter, createApp } from './app';
import type { Config } from './config';
import { systemClock, type Clock } from './platform/clock';
import { AgendaSources } from './platform/agenda';
import { ConversationDirectory } from './platform/conversations';
import { createDelivery, type DeliveryEngine } from './platform/delivery';
import { BotProactiveSender } from './platform/delivery/bot-proactive-sender';
import type { AppDeps } from './platform/deps';
import { Downloads } from './platform/downloads';
import { AggregateStore } from './platform/aggregates/aggregate-store';
import { MetricRegistry } from './platform/metrics';
import { createInzicht, type Inzicht } from './platform/inzicht';
import { HelpRegistry } from './platform/help';
import { NetworkMembership } from './platform/contracts/network-membership.port';
import { I18n } from './platform/i18n/i18n';
import platformEn from './platform/i18n/en.json';
import platformIt from './platform/i18n/it.json';
import platformNlBE from './platform/i18n/nl-BE.json';
import platformNl from './platform/i18n/nl.json';
import { createLogger, type Logger } from './platform/logger';
import { Organisation } from './platform/org/organisation';
import { OrgReloader } from './platform/org/org-reloader';
import { RoleGrants } from './platform/org/role-grants';
import { RoleSync } from './platform/org/role-sync';
import { PeopleNames } from './platform/people/people-names';
import { createGraphEdge, type GraphEdge } from './platform/graph/create-graph-edge';
import { requireGraphForGroups } from './platform/org/org-graph-check';
import { startServer, type RunningServer } from './server';
import { createStore } from './storage/create-store';
import { StoreSpentLinks } from './storage/spent-links';
import type { DocumentStore } from './storage/document-store.port';

export interface RuntimeOverrides {
  org?: Organisation;
  store?: DocumentStore;
  clock?: Clock;
  logger?: Logger;
  /** Tests point the Graph edge at a fake Graph on loopback. */
  graph?: GraphEdge;
}

export interface Runtime {
  deps: AppDeps;
  app: Application<TurnState>;
  adapter: TeamsAdapter;
  delivery: DeliveryEngine;
  /** The Inzicht tab (figures API and page under /inzicht/). */
  inzicht: Inzicht;
  /** Starts HTTP and (unless told not to, as tests do) the delivery worker and the scheduler. */
  start(port?: number, host?: string, options?: { workers?: boolean }): Promise<RunningServer>;
  /**
   * Graceful stop within `timeoutMs`: no new turns, finish in-flight ones, stop workers, close the store.
   * Resolves `false` when turns or workers were still busy at the bound (they are abandoned).
   */
  stop(timeoutMs?: number): Promise<boolean>;
}

/** Wires every part once; used by index.ts and by tests, so both run the same composition. */
export async function createRuntime(
  config: Readonly<Config>,
  overrides: RuntimeOverrides = {},
): Promise<Runtime> {
  const logger = overrides.logger ?? createLogger({ level: config.logLevel });
  const clock = overrides.clock ?? systemClock;
  const org = overrides.org ?? Organisation.load(config.orgConfigPath);
  const store =
    overrides.store ??
    (await createStore(config.storage, {
      now: () => clock.now().getTime(),
      onNotice: (message) => logger.info(message),
    }));
  // Read per message, so a reloaded organisation file's words take effect at once.
  const i18n = new I18n(org);
  i18n.register({ nl: platformNl, en: platformEn, it: platformIt, 'nl-BE': platformNlBE });
  const conversations = new ConversationDirectory(store, () => clock.now());
  const adapter = createAdapter(config);
  const graph = overrides.graph ?? createGraphEdge(config, logger);
  const delivery = createDelivery({
    store,
    sender: new BotProactiveSender(adapter, config.auth.appId ?? ''),
    directory: conversations,
    clock,
    calendar: org,
    logger: logger.child({ component: 'delivery' }),
    options: {
      ratePerSecond: config.delivery.ratePerSecond,
      maxAttempts: config.delivery.maxAttempts,
      pollMs: config.delivery.pollMs,
      // A shorter claim needs a shorter send timeout (at most half of it, see delivery-options.ts).
      ...(config.delivery.leaseMs && {
        leaseMs: config.delivery.leaseMs,
        sendTimeoutMs: Math.min(20_000, config.delivery.leaseMs / 2),
      }),
    },
    sharedBudget: config.delivery.sharedBudget,
    // People with no stored conversation: a proactive install with Graph, createConversation without.
    reach: {
      installer: graph.enabled ? graph.installer : undefined,
      tenantId: config.auth.tenantId ?? graphTenant(config),
      fallbackServiceUrl: config.delivery.serviceUrl,
      fallbackBotId: config.auth.appId ? `28:${config.auth.appId}` : undefined,
      installRatePerSecond: config.graph.enabled ? config.graph.installRatePerSecond : undefined,
    },
  });
  // Fail closed: a file that names role groups needs Graph, or nobody in those groups would hold the role.
  const groupProblem = requireGraphForGroups(graph.enabled);
  const problems = groupProblem(org.data);
  if (problems.length) throw new Error(problems.join('\n'));
  // Without Graph the file names no groups (refused above), so the stand-in directory is never asked.
  const grantsHolder: { grants?: RoleGrants } = {};
  const roles = new RoleSync(org, graph.directory, logger.child({ component: 'roles' }), () =>
    grantsHolder.grants ? grantsHolder.grants.load() : Promise.resolve(),
  );
  const roleGrants = new RoleGrants(
    store,
    org,
    roles,
    graph.groups,
    graph.enabled,
    clock,
    logger.child({ component: 'roles' }),
  );
  grantsHolder.grants = roleGrants;
  await roleGrants.load();
  // Tests hand in an organisation object; a real start watches the file it came from.
  const reloader = overrides.org
    ? undefined
    : new OrgReloader(org, config.orgConfigPath, logger.child({ component: 'org' }), {
        onChange: () => roles.refresh('file'),
        accept: groupProblem,
      });
  const deps: AppDeps = {
    config,
    logger,
    store,
    clock,
    org,
    i18n,
    help: new HelpRegistry(),
    conversations,
    delivery: delivery.delivery,
    scheduler: delivery.scheduler,
    downloads: new Downloads(
      config.publicBaseUrl,
      config.linkSigningSecret,
      () => clock.now(),
      new StoreSpentLinks(store, () => clock.now().getTime()),
    ),
    people: new PeopleNames(org, graph.enabled ? graph.directory : undefined, {
      logger: logger.child({ component: 'people' }),
    }),
    roles,
    roleGrants,
    agenda: new AgendaSources(),
    aggregates: new AggregateStore(store, () => clock.now()),
    metrics: new MetricRegistry(logger.child({ component: 'metrics' })),
    networkMembership: new NetworkMembership(),
  };
  const app = createApp(deps, adapter);
  const inzicht = createInzicht(deps);
  let server: RunningServer | undefined;

  return {
    deps,
    app,
    adapter,
    delivery,
    inzicht,
    async start(port = config.port, host = config.host, options = {}) {
      server = await startServer(
        {
          adapter,
          run: (ctx) => app.run(ctx),
          store,
          downloads: deps.downloads,
          logger,
          requireBearer: !config.localNoAuth,
          web: inzicht.http,
        },
        port,
        host,
      );
      if (options.workers !== false) {
        delivery.worker.start();
        delivery.scheduler.start();
        await roles.refresh('start');
        roles.start(org.settings.roleRefreshMinutes);
        reloader?.start(30_000);
        inzicht.start();
      }
      return server;
    },
    async stop(timeoutMs = 8_000) {
      const until = Date.now() + timeoutMs;
      const left = () => Math.max(0, until - Date.now());
      reloader?.stop();
      inzicht.stop();
      roles.stop();
      // Half the budget for turns in flight; the rest for a job or a send that is still running.
      await server?.close(left() / 2);
      const workers = Promise.all([delivery.scheduler.stop(), delivery.worker.stop()]);
      const finished = await settlesWithin(workers, left());
      if (!finished) logger.warn('stop: workers still busy at the bound, abandoned');
      await store.close();
      return finished;
    },
  };
}

/** A send to a connector that never answers must not hold the process: wait at most `ms`. */
async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true as const), bound]);
  } finally {
    clearTimeout(timer);
  }
}

function graphTenant(config: Readonly<Config>): string | undefined {
  const graph = config.graph;
  return graph.enabled && graph.credential.kind === 'clientSecret' ? graph.credential.tenantId : undefined;
}
