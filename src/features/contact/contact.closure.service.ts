import { isAppError } from '../../platform/errors';
import { localDate } from '../../platform/local-time';
import type { Actor } from '../../platform/org/organisation';
import { destinationOf } from './cards/info.card';
import { renderClosed } from './cards/closure.card';
import { caseForKernteamlid, caseForRequester, contactErrors } from './contact.access';
import { inactivityDeadline, inactivityJobId, retentionSeconds, scheduleInactivityCheck, timeoutJobId, type ContactEnv } from './contact.env';
import { closeOffers } from './contact.offer.service';
import type { ContactCase, Outcome } from './contact.types';

type ClosedBy = 'kernteamlid' | 'medewerker' | 'inactivity';

/**
 * Closing a case: it keeps only what anonymous statistics need (whitelisted below), dates coarsened
 * to the day; the link from the requester to the case is deleted; the record expires after the
 * retention period. Both sides get a closing card that repeats where formal reports and urgent help go.
 */
export class ContactClosureService {
  constructor(private readonly env: ContactEnv) {}

  async closeByKernteamlid(actor: Actor, caseId: string, outcome: Outcome, destinationId?: string): Promise<ContactCase> {
    const c = await caseForKernteamlid(this.env.repo, actor, caseId);
    if (destinationId && !destinationOf(this.env.kit, destinationId)) throw contactErrors.unknownDestination();
    return this.close(c.caseId, outcome, destinationId ?? c.referralDestination, 'kernteamlid');
  }

  /** "stop" or "Gesprek beëindigen": the medewerker leaves; before pick-up that withdraws the request. */
  async stopByRequester(actor: Actor, caseId?: string): Promise<ContactCase> {
    const link = await this.env.repo.getLink(actor.aadObjectId);
    const id = caseId ?? link?.caseId;
    if (!id) throw contactErrors.noAccess();
    const c = await caseForRequester(this.env.repo, actor, id);
    return this.close(c.caseId, c.status === 'waiting' ? 'withdrawn' : 'endedByMedewerker', c.referralDestination, 'medewerker');
  }

  /**
   * The inactivity job: a case nobody wrote in for `contactInactiveCloseDays` closes by itself, so
   * identities are not kept for the whole retention. Activity since the job was set moves it on.
   */
  async onInactivityCheck(caseId: string): Promise<void> {
    const c = (await this.env.repo.getCase(caseId))?.data;
    if (!c || c.status === 'closed' || !c.lastActivityOn) return;
    if (inactivityDeadline(this.env, c.lastActivityOn) > this.env.clock.now()) return scheduleInactivityCheck(this.env, caseId, c.lastActivityOn);
    await this.close(caseId, 'inactive', c.referralDestination, 'inactivity').catch((err: unknown) => {
      // Closed by someone in the meantime: nothing left to do.
      if (!(isAppError(err) && err.code === contactErrors.closed().code)) throw err;
    });
  }

  private async close(caseId: string, outcome: Outcome, referralDestination: string | undefined, by: ClosedBy): Promise<ContactCase> {
    const { env } = this;
    const zone = env.org.data.organisation.timeZone;
    const day = (iso?: string) => (iso ? localDate(iso, zone) : undefined);
    const result = await env.repo.updateCase<{ before: ContactCase; after: ContactCase } | undefined>(caseId, (cur) => {
      if (!cur || cur.status === 'closed') return { kind: 'skip', result: undefined };
      const after: ContactCase = {
        caseId: cur.caseId,
        code: cur.code,
        status: 'closed',
        createdAt: day(cur.createdAt) as string,
        pickedUpAt: day(cur.pickedUpAt),
        closedAt: day(env.clock.now().toISOString()),
        quarter: cur.quarter,
        topic: cur.topic,
        contactChannel: cur.contactChannel,
        referralDestination,
        outcome,
      };
      return { kind: 'write', data: dropUndefined(after), result: { before: cur, after }, ttlSeconds: retentionSeconds(env) };
    });
    if (!result) throw contactErrors.closed();
    const { before, after } = result;
    if (before.requesterId) await env.repo.deleteLink(before.requesterId);
    await env.scheduler.cancel(timeoutJobId(caseId));
    if (by !== 'inactivity') await env.scheduler.cancel(inactivityJobId(caseId));
    env.logger.info({ caseId, code: after.code, outcome }, 'contact.case_closed');

    if (before.status === 'waiting') await closeOffers(env, before.code, before.offers ?? [], by === 'inactivity' ? 'expired' : 'withdrawn', caseId);
    if (by === 'inactivity') {
      // Nobody acted: both sides hear it (a waiting request has no kernteamlid yet).
      const days = env.org.settings.contactInactiveCloseDays;
      for (const [who, key] of [[before.requesterId, 'contact.close.inactiveForRequester'], [before.kernteamlidId, 'contact.close.inactiveForKernteam']] as const) {
        if (who) await env.messenger.sendCard(who, (l) => renderClosed(env.kit, l, after.code, key, { days }), caseId);
      }
      return after;
    }
    // The actor sees the closing card as the answer to their own action; the other side gets it here.
    const other = by === 'kernteamlid' ? before.requesterId : before.kernteamlidId;
    const otherKey = by === 'kernteamlid' ? 'contact.close.closedByKernteam' : 'contact.close.closedByRequester';
    if (other) await env.messenger.sendCard(other, (l) => renderClosed(env.kit, l, after.code, otherKey), caseId);
    return after;
  }
}

/** The closing text for the person who closed. */
export function closingTextKey(c: ContactCase, by: ClosedBy): string {
  if (by === 'kernteamlid') return 'contact.close.closedForKernteam';
  return c.outcome === 'withdrawn' ? 'contact.close.withdrawnForRequester' : 'contact.close.closedForRequester';
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
