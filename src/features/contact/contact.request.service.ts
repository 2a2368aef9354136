import { commonErrors } from '../../platform/errors';
import { localDate } from '../../platform/local-time';
import type { Actor } from '../../platform/org/organisation';
import type { Person } from '../../platform/org/org.schema';
import { isConflictError } from '../../storage/store-errors';
import { renderTimeoutCard } from './cards/request.card';
import { contactErrors } from './contact.errors';
import { ContactSharedService } from './contact.shared.service';
import {
  inactivityCheck,
  newCaseCode,
  newCaseId,
  quarterOf,
  retentionSeconds,
  timeoutJobId,
} from './contact.rules';
import type { ContactCase, RequesterLink, RequestInput, RequestResult } from './contact.types';
import { contactJobs } from './contact.verbs';

/** A medewerker asks for contact: at most one open case each; the request goes to available kernteamleden. */
export class ContactRequestService extends ContactSharedService {
  /** The code of the actor's open case, if any (shown on the intro card instead of a new form). */
  async openCaseCode(actor: Actor): Promise<string | undefined> {
    const link = await this.repo.getLink(actor.aadObjectId);
    return link ? (await this.repo.getCase(link.caseId))?.data.code : undefined;
  }

  /**
   * Available kernteamleden to choose from (a list with a one-line intro each), by name: those who hold
   * the role through the Entra group are named through `deps.people`. Someone nobody can name is left
   * off this list (a choice without a name helps nobody); "anyone" still reaches them.
   */
  async choosable(actor: Actor): Promise<Person[]> {
    const ids = new Set(await this.offers.availableKernteamleden(actor.aadObjectId));
    const kernteam = this.org.peopleWithRole('kernteamlid');
    const available = kernteam.filter((p) => ids.has(p.aadObjectId.toLowerCase()));
    const names = await this.people.namesOf(available.map((p) => p.aadObjectId));
    return available.flatMap((p) => {
      const name = p.name || names.get(p.aadObjectId.toLowerCase());
      return name ? [{ ...p, name }] : [];
    });
  }

  async submit(actor: Actor, input: RequestInput, displayName: string): Promise<RequestResult> {
    const { org } = this;
    if (input.topic && !org.contactTopics.some((t) => t.id === input.topic))
      throw commonErrors.invalidInput();
    const kernteam = org.peopleWithRole('kernteamlid').map((p) => p.aadObjectId.toLowerCase());
    const preferred = input.kernteamlid?.toLowerCase();
    if (preferred && (!kernteam.includes(preferred) || preferred === actor.aadObjectId))
      throw commonErrors.invalidInput();

    const existing = await this.existing(actor, input.formId);
    if (existing) return existing;

    const now = this.clock.now();
    const c: ContactCase = {
      caseId: newCaseId(),
      code: await this.uniqueCode(),
      status: 'waiting',
      createdAt: now.toISOString(),
      quarter: quarterOf(now, org.timeZone),
      topic: input.topic,
      contactChannel: input.channel,
      lastActivityOn: localDate(now, org.timeZone),
      requesterId: actor.aadObjectId,
      requesterNameShared: input.identity === 'named',
      ...(input.identity === 'named' ? { requesterName: displayName } : {}),
    };
    const available = await this.offers.availableKernteamleden(actor.aadObjectId);
    const preferredAvailable = preferred !== undefined && available.includes(preferred);
    const to = preferredAvailable ? [preferred] : available;
    if (preferredAvailable) c.preferredKernteamlidId = preferred;
    c.offeredTo = to;

    // Case first, then the link that makes it "the" open case; a double submit loses on the link.
    await this.repo.createCase(c, retentionSeconds(org));
    try {
      await this.repo.createLink(
        actor.aadObjectId,
        { caseId: c.caseId, formId: input.formId } satisfies RequesterLink,
        retentionSeconds(org),
      );
    } catch (err) {
      await this.repo.deleteCase(c.caseId);
      if (!isConflictError(err)) throw err;
      const again = await this.existing(actor, input.formId);
      if (again) return again;
      throw err;
    }
    this.logger.info({ caseId: c.caseId, code: c.code }, 'contact.case_created');
    const runAt = new Date(now.getTime() + org.settings.contactPickupTimeoutMinutes * 60_000);
    await this.scheduler.schedule({
      id: timeoutJobId(c.caseId),
      kind: contactJobs.pickupTimeout,
      runAt,
      payload: { caseId: c.caseId },
    });
    await this.scheduler.schedule(inactivityCheck(org, c.caseId, c.lastActivityOn as string));

    const offeredCount = to.length ? await this.offers.send(c, to, input.firstMessage, false) : 0;
    return {
      caseId: c.caseId,
      code: c.code,
      offeredCount,
      preferredUnavailable: preferred !== undefined && !preferredAvailable,
      firstMessage: input.firstMessage,
    };
  }

  /** Nobody picked the request up in time: the medewerker hears where else to go; the programmateam gets a content-free alert. */
  async onPickupTimeout(caseId: string): Promise<void> {
    const marked = await this.repo.updateCase<ContactCase | undefined>(caseId, (cur) =>
      cur?.status === 'waiting' && !cur.waitAlertSent
        ? { kind: 'write', data: { ...cur, waitAlertSent: true }, result: cur }
        : { kind: 'skip', result: undefined },
    );
    if (!marked?.requesterId) return;
    this.logger.info({ caseId }, 'contact.pickup_timeout');
    await this.notifier.sendCard(marked.requesterId, (text) => renderTimeoutCard(text, marked.code), caseId);
    const hours = Math.max(
      1,
      Math.round((this.clock.now().getTime() - Date.parse(marked.createdAt)) / 3_600_000),
    );
    await this.notifier.alertProgrammateam(`contact.waitAlert.${caseId}`, (text) =>
      text.t('contact.timeout.alert', { hours }),
    );
  }

  /** A retried submit of the same form gets the same case; a new form while a case is open is refused. */
  private async existing(actor: Actor, formId: string): Promise<RequestResult | undefined> {
    const link = await this.repo.getLink(actor.aadObjectId);
    if (!link) return undefined;
    const c = (await this.repo.getCase(link.caseId))?.data;
    if (!c || c.status === 'closed') {
      await this.repo.deleteLink(actor.aadObjectId); // stale (expired case): not an open case any more
      return undefined;
    }
    if (link.formId !== formId) throw contactErrors.alreadyOpen({ code: c.code });
    return {
      caseId: c.caseId,
      code: c.code,
      offeredCount: c.offers?.length ?? (c.status === 'open' ? 1 : 0),
      preferredUnavailable: false,
    };
  }

  private async uniqueCode(): Promise<string> {
    for (;;) {
      const code = newCaseCode();
      if (!(await this.repo.activeCaseByCode(code))) return code;
    }
  }
}
