import { DateTime } from 'luxon';
import { commonErrors } from '../../platform/errors';
import type { Actor } from '../../platform/org/organisation';
import type { Person } from '../../platform/org/org.schema';
import { isConflictError } from '../../storage/store-errors';
import { renderTimeout, type RequestSentData } from './cards/request.card';
import { contactErrors } from './contact.access';
import { newCaseCode, newCaseId } from './contact.rules';
import { localDay, retentionSeconds, scheduleInactivityCheck, timeoutJobId, type ContactEnv } from './contact.env';
import { availableKernteamleden, sendOffers } from './contact.offer.service';
import type { ContactCase, ContactChannel, RequesterLink } from './contact.types';
import { pickupTimeoutJob } from './contact.verbs';

export interface RequestInput {
  formId: string;
  identity: 'anonymous' | 'named';
  kernteamlid?: string;
  topic?: string;
  channel: ContactChannel;
  firstMessage?: string;
}

export type RequestResult = RequestSentData & { caseId: string };

/** A medewerker asks for contact: at most one open case each; the request goes to available kernteamleden. */
export class ContactRequestService {
  constructor(private readonly env: ContactEnv) {}

  /** The code of the actor's open case, if any (shown on the intro card instead of a new form). */
  async openCaseCode(actor: Actor): Promise<string | undefined> {
    const link = await this.env.repo.getLink(actor.aadObjectId);
    return link ? (await this.env.repo.getCase(link.caseId))?.data.code : undefined;
  }

  /** Available kernteamleden to choose from (a list with a one-line intro each). */
  async choosable(actor: Actor): Promise<Person[]> {
    const ids = new Set(await availableKernteamleden(this.env, actor.aadObjectId));
    return this.env.org.peopleWithRole('kernteamlid').filter((p) => ids.has(p.aadObjectId.toLowerCase()));
  }

  async submit(actor: Actor, input: RequestInput, displayName: string): Promise<RequestResult> {
    const { env } = this;
    if (input.topic && !env.org.data.contactTopics.some((t) => t.id === input.topic)) throw commonErrors.invalidInput();
    const kernteam = env.org.peopleWithRole('kernteamlid').map((p) => p.aadObjectId.toLowerCase());
    const preferred = input.kernteamlid?.toLowerCase();
    if (preferred && (!kernteam.includes(preferred) || preferred === actor.aadObjectId)) throw commonErrors.invalidInput();

    const existing = await this.existing(actor, input.formId);
    if (existing) return existing;

    const now = env.clock.now();
    const c: ContactCase = {
      caseId: newCaseId(),
      code: await this.uniqueCode(),
      status: 'waiting',
      createdAt: now.toISOString(),
      quarter: quarterOf(now, env.org.data.organisation.timeZone),
      topic: input.topic,
      contactChannel: input.channel,
      lastActivityOn: localDay(env, now),
      requesterId: actor.aadObjectId,
      requesterNameShared: input.identity === 'named',
      ...(input.identity === 'named' ? { requesterName: displayName } : {}),
    };
    const available = await availableKernteamleden(env, actor.aadObjectId);
    const preferredAvailable = preferred !== undefined && available.includes(preferred);
    const to = preferredAvailable ? [preferred] : available;
    if (preferredAvailable) c.preferredKernteamlidId = preferred;
    c.offeredTo = to;

    // Case first, then the link that makes it "the" open case; a double submit loses on the link.
    await env.repo.createCase(c, retentionSeconds(env));
    try {
      await env.repo.createLink(actor.aadObjectId, { caseId: c.caseId, formId: input.formId } satisfies RequesterLink, retentionSeconds(env));
    } catch (err) {
      await env.repo.deleteCase(c.caseId);
      if (!isConflictError(err)) throw err;
      const again = await this.existing(actor, input.formId);
      if (again) return again;
      throw err;
    }
    env.logger.info({ caseId: c.caseId, code: c.code }, 'contact.case_created');
    const runAt = new Date(now.getTime() + env.org.settings.contactPickupTimeoutMinutes * 60_000);
    await env.scheduler.schedule({ id: timeoutJobId(c.caseId), kind: pickupTimeoutJob, runAt, payload: { caseId: c.caseId } });
    await scheduleInactivityCheck(env, c.caseId, c.lastActivityOn as string);

    const offeredCount = to.length ? await sendOffers(env, c, to, input.firstMessage, false) : 0;
    return { caseId: c.caseId, code: c.code, offeredCount, preferredUnavailable: preferred !== undefined && !preferredAvailable, firstMessage: input.firstMessage };
  }

  /** Nobody picked the request up in time: the medewerker hears where else to go; the programmateam gets a content-free alert. */
  async onPickupTimeout(caseId: string): Promise<void> {
    const { env } = this;
    const marked = await env.repo.updateCase<ContactCase | undefined>(caseId, (cur) =>
      cur?.status === 'waiting' && !cur.waitAlertSent
        ? { kind: 'write', data: { ...cur, waitAlertSent: true }, result: cur }
        : { kind: 'skip', result: undefined },
    );
    if (!marked?.requesterId) return;
    env.logger.info({ caseId }, 'contact.pickup_timeout');
    await env.messenger.sendCard(marked.requesterId, (locale) => renderTimeout(env.kit, locale, marked.code), caseId);
    const hours = Math.max(1, Math.round((env.clock.now().getTime() - Date.parse(marked.createdAt)) / 3_600_000));
    await env.messenger.alertProgrammateam(`contact.waitAlert.${caseId}`, (locale) => env.kit.i18n.t(locale, 'contact.timeout.alert', { hours }));
  }

  /** A retried submit of the same form gets the same case; a new form while a case is open is refused. */
  private async existing(actor: Actor, formId: string): Promise<RequestResult | undefined> {
    const link = await this.env.repo.getLink(actor.aadObjectId);
    if (!link) return undefined;
    const c = (await this.env.repo.getCase(link.caseId))?.data;
    if (!c || c.status === 'closed') {
      await this.env.repo.deleteLink(actor.aadObjectId); // stale (expired case): not an open case any more
      return undefined;
    }
    if (link.formId !== formId) throw contactErrors.alreadyOpen(c.code);
    return { caseId: c.caseId, code: c.code, offeredCount: c.offers?.length ?? (c.status === 'open' ? 1 : 0), preferredUnavailable: false };
  }

  private async uniqueCode(): Promise<string> {
    for (;;) {
      const code = newCaseCode();
      if (!(await this.env.repo.activeCaseByCode(code))) return code;
    }
  }
}

export function quarterOf(at: Date, zone: string): string {
  const local = DateTime.fromJSDate(at).setZone(zone);
  return `${local.year}-Q${local.quarter}`;
}
