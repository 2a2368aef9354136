import { isAppError } from '../../platform/errors';
import { localDate } from '../../platform/local-time';
import type { Actor } from '../../platform/org/organisation';
import { renderClosedCard } from './cards/closure.card';
import { kernteamlidCase, requesterCase } from './contact.access';
import { contactErrors } from './contact.errors';
import { ContactSharedService } from './contact.shared.service';
import {
  destinationOf,
  inactivityCheck,
  inactivityDeadline,
  inactivityJobId,
  retentionSeconds,
  timeoutJobId,
} from './contact.rules';
import type { ClosedBy, ContactCase, Outcome } from './contact.types';

/**
 * Closing a case: it keeps only what anonymous statistics need (whitelisted below), dates coarsened
 * to the day; the link from the requester to the case is deleted; the record expires after the
 * retention period. Both sides get a closing card that repeats where formal reports and urgent help go.
 */
export class ContactClosureService extends ContactSharedService {
  async closeByKernteamlid(
    actor: Actor,
    caseId: string,
    outcome: Outcome,
    destinationId?: string,
  ): Promise<ContactCase> {
    const c = kernteamlidCase(actor, (await this.repo.getCase(caseId))?.data);
    if (destinationId && !destinationOf(this.org, destinationId)) throw contactErrors.unknownDestination();
    return this.close(c.caseId, outcome, destinationId ?? c.referralDestination, 'kernteamlid');
  }

  /** "stop" or "Gesprek beëindigen": the medewerker leaves; before pick-up that withdraws the request. */
  async stopByRequester(actor: Actor, caseId?: string): Promise<ContactCase> {
    const link = await this.repo.getLink(actor.aadObjectId);
    const id = caseId ?? link?.caseId;
    if (!id) throw contactErrors.noAccess();
    const c = requesterCase(actor, (await this.repo.getCase(id))?.data);
    return this.close(
      c.caseId,
      c.status === 'waiting' ? 'withdrawn' : 'endedByMedewerker',
      c.referralDestination,
      'medewerker',
    );
  }

  /**
   * The inactivity job: a case nobody wrote in for `contactInactiveCloseDays` closes by itself, so
   * identities are not kept for the whole retention. Activity since the job was set moves it on.
   */
  async onInactivityCheck(caseId: string): Promise<void> {
    const c = (await this.repo.getCase(caseId))?.data;
    if (!c || c.status === 'closed' || !c.lastActivityOn) return;
    if (inactivityDeadline(this.org, c.lastActivityOn) > this.clock.now())
      return this.scheduler.schedule(inactivityCheck(this.org, caseId, c.lastActivityOn));
    await this.close(caseId, 'inactive', c.referralDestination, 'inactivity').catch((err: unknown) => {
      // Closed by someone in the meantime: nothing left to do.
      if (!(isAppError(err) && err.code === contactErrors.closed.code)) throw err;
    });
  }

  private async close(
    caseId: string,
    outcome: Outcome,
    referralDestination: string | undefined,
    by: ClosedBy,
  ): Promise<ContactCase> {
    const zone = this.org.timeZone;
    const day = (iso?: string) => (iso ? localDate(iso, zone) : undefined);
    const result = await this.repo.updateCase<{ before: ContactCase; after: ContactCase } | undefined>(
      caseId,
      (cur) => {
        if (!cur || cur.status === 'closed') return { kind: 'skip', result: undefined };
        const after: ContactCase = {
          caseId: cur.caseId,
          code: cur.code,
          status: 'closed',
          createdAt: day(cur.createdAt) as string,
          pickedUpAt: day(cur.pickedUpAt),
          closedAt: day(this.clock.now().toISOString()),
          quarter: cur.quarter,
          topic: cur.topic,
          contactChannel: cur.contactChannel,
          referralDestination,
          outcome,
        };
        return {
          kind: 'write',
          data: dropUndefined(after),
          result: { before: cur, after },
          ttlSeconds: retentionSeconds(this.org),
        };
      },
    );
    if (!result) throw contactErrors.closed();
    const { before, after } = result;
    if (before.requesterId) await this.repo.deleteLink(before.requesterId);
    await this.scheduler.cancel(timeoutJobId(caseId));
    if (by !== 'inactivity') await this.scheduler.cancel(inactivityJobId(caseId));
    this.logger.info({ caseId, code: after.code, outcome }, 'contact.case_closed');

    if (before.status === 'waiting')
      await this.offers.close(
        before.code,
        before.offers ?? [],
        by === 'inactivity' ? 'expired' : 'withdrawn',
        caseId,
      );
    if (by === 'inactivity') {
      // Nobody acted: both sides hear it (a waiting request has no kernteamlid yet).
      const days = this.org.settings.contactInactiveCloseDays;
      for (const [who, key, reader] of [
        [before.requesterId, 'contact.close.inactiveForRequester', 'medewerker'],
        [before.kernteamlidId, 'contact.close.inactiveForKernteam', 'kernteamlid'],
      ] as const) {
        if (who)
          await this.notifier.sendCard(
            who,
            (text) => renderClosedCard(text, after.code, key, reader, { days }),
            caseId,
          );
      }
      return after;
    }
    // The actor sees the closing card as the answer to their own action; the other side gets it here.
    const other = by === 'kernteamlid' ? before.requesterId : before.kernteamlidId;
    const otherKey =
      by === 'kernteamlid' ? 'contact.close.closedByKernteam' : 'contact.close.closedByRequester';
    const otherReader = by === 'kernteamlid' ? 'medewerker' : 'kernteamlid';
    if (other)
      await this.notifier.sendCard(
        other,
        (text) => renderClosedCard(text, after.code, otherKey, otherReader),
        caseId,
      );
    return after;
  }
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
