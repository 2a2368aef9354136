import type { Clock } from '../../platform/clock';
import type { Scheduler } from '../../platform/delivery/delivery.port';
import type { AppDeps } from '../../platform/deps';
import { atLocalHour, localDate } from '../../platform/local-time';
import type { Logger } from '../../platform/logger';
import type { Organisation } from '../../platform/org/organisation';
import type { Kit } from './cards/info.card';
import { inactivityJob } from './contact.verbs';
import { ContactMessenger } from './contact.notifier';
import { ContactRepository } from './contact.repository';

/** What the contact services share; built once at registration. */
export interface ContactEnv {
  repo: ContactRepository;
  clock: Clock;
  org: Organisation;
  logger: Logger;
  messenger: ContactMessenger;
  scheduler: Scheduler;
  kit: Kit;
}

export function createContactEnv(deps: Pick<AppDeps, 'store' | 'clock' | 'org' | 'logger' | 'delivery' | 'conversations' | 'scheduler' | 'i18n'>): ContactEnv {
  const logger = deps.logger.child({ feature: 'contact' });
  return {
    repo: new ContactRepository(deps.store),
    clock: deps.clock,
    org: deps.org,
    logger,
    messenger: new ContactMessenger(deps, logger),
    scheduler: deps.scheduler,
    kit: { i18n: deps.i18n, org: deps.org },
  };
}

export const retentionSeconds = (env: Pick<ContactEnv, 'org'>) => env.org.settings.contactRetentionDays * 86_400;
export const timeoutJobId = (caseId: string) => `contact.pickupTimeout.${caseId}`;
export const inactivityJobId = (caseId: string) => `contact.inactivity.${caseId}`;

/** Today's date in the organisation's time zone (yyyy-MM-dd). */
export const localDay = (env: Pick<ContactEnv, 'org' | 'clock'>, at: Date = env.clock.now()): string => localDate(at, env.org.data.organisation.timeZone);

/** When a case last active on `day` closes for inactivity: that many days later, 09:00 local time. */
export function inactivityDeadline(env: Pick<ContactEnv, 'org'>, day: string): Date {
  return atLocalHour(day, env.org.data.organisation.timeZone, 9, env.org.settings.contactInactiveCloseDays);
}

/** (Re)sets the case's inactivity check for a case last active on `day`. */
export async function scheduleInactivityCheck(env: Pick<ContactEnv, 'org' | 'scheduler'>, caseId: string, day: string): Promise<void> {
  await env.scheduler.schedule({ id: inactivityJobId(caseId), kind: inactivityJob, runAt: inactivityDeadline(env, day), payload: { caseId } });
}
