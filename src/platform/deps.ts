import type { Config } from '../config';
import type { AgendaSources } from './agenda';
import type { AggregateStore } from './aggregates/aggregate-store';
import type { DocumentStore } from '../storage/document-store.port';
import type { Clock } from './clock';
import type { NetworkMembership } from './contracts/network-membership.port';
import type { ConversationDirectory } from './conversations';
import type { Delivery, Scheduler } from './delivery/delivery.port';
import type { Downloads } from './downloads';
import type { HelpRegistry } from './help';
import type { I18n } from './i18n/i18n';
import type { Logger } from './logger';
import type { MetricRegistry } from './metrics';
import type { Organisation } from './org/organisation';
import type { RoleGrants } from './org/role-grants';
import type { RoleSync } from './org/role-sync';
import type { PeopleNames } from './people/people-names';

/** Everything a feature is given at registration. Plain objects, no framework types. */
export interface AppDeps {
  config: Readonly<Config>;
  logger: Logger;
  store: DocumentStore;
  clock: Clock;
  org: Organisation;
  i18n: I18n;
  help: HelpRegistry;
  conversations: ConversationDirectory;
  delivery: Delivery;
  scheduler: Scheduler;
  downloads: Downloads;
  /** Display names for ids (rosters, exports); never stored by it. */
  people: PeopleNames;
  /** Members of the role groups the organisation file names; refreshed on a timer and on demand. */
  roles: RoleSync;
  /** Roles handed out in the bot (meedoen): through the role's Entra group, or stored beside the file. */
  roleGrants: RoleGrants;
  /** Sources of automatic lines on the kernteam agenda (overdue requests, old signals). */
  agenda: AgendaSources;
  /** Per-quarter counts that outlive the cases (the Inzicht tab's source). */
  aggregates: AggregateStore;
  /** Features register their figures for the Inzicht tab here. */
  metrics: MetricRegistry;
  /** Whether someone is in a network's audience; the networks feature provides the answer. */
  networkMembership: NetworkMembership;
}
