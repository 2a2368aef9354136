import type { Logger } from '../../platform/logger';
import type { Actor, Organisation } from '../../platform/org/organisation';
import type { ReferralDestination } from '../../platform/org/org.schema';
import { renderReferralCard } from './cards/closure.card';
import { kernteamlidCase, requesterCase } from './contact.access';
import { contactErrors } from './contact.errors';
import type { ContactNotifier } from './contact.notifier';
import type { ContactRepository } from './contact.repository';
import { destinationOf } from './contact.rules';
import type { ContactCase, HandoverResult } from './contact.types';

/**
 * Doorverwijzen: the kernteamlid picks a destination and sees the guidance; the medewerker gets the
 * referral and decides about a warm handover. Only a "yes" shows the kernteamlid the medewerker's
 * name (sent once, never stored). The bot itself never contacts the destination.
 */
export class ContactReferralService {
  constructor(
    private readonly repo: ContactRepository,
    private readonly notifier: ContactNotifier,
    private readonly org: Organisation,
    private readonly logger: Logger,
  ) {}

  async caseForReferral(actor: Actor, caseId: string): Promise<ContactCase> {
    return this.kernteamlidCase(actor, caseId);
  }

  async guidance(
    actor: Actor,
    caseId: string,
    destinationId: string,
  ): Promise<{ c: ContactCase; destination: ReferralDestination }> {
    const c = await this.kernteamlidCase(actor, caseId);
    return { c, destination: this.destination(destinationId) };
  }

  async sendReferral(
    actor: Actor,
    caseId: string,
    destinationId: string,
  ): Promise<{ c: ContactCase; destination: ReferralDestination }> {
    const c = await this.kernteamlidCase(actor, caseId);
    const destination = this.destination(destinationId);
    // A new referral asks the consent question afresh; the same one again (a retried click) changes nothing.
    const fresh = await this.repo.updateCase<boolean>(caseId, (cur) =>
      cur?.status === 'open' &&
      (cur.referralDestination !== destination.id || cur.handoverConsent !== undefined)
        ? {
            kind: 'write',
            data: { ...withoutConsent(cur), referralDestination: destination.id },
            result: true,
          }
        : { kind: 'skip', result: false },
    );
    if (fresh && c.requesterId) {
      const sent = await this.notifier.sendCard(
        c.requesterId,
        (text) => renderReferralCard(text, { caseId, code: c.code, destination }),
        caseId,
      );
      if (!sent) throw contactErrors.delivery();
      this.logger.info({ caseId, destination: destination.id }, 'contact.referred');
    }
    return { c: { ...c, referralDestination: destination.id }, destination };
  }

  /** The medewerker's explicit answer; a retried click returns the first answer and sends nothing again. */
  async answerHandover(
    actor: Actor,
    caseId: string,
    consent: 'yes' | 'no',
    displayName: string,
  ): Promise<HandoverResult> {
    const c = requesterCase(actor, (await this.repo.getCase(caseId))?.data);
    if (c.status !== 'open' || !c.kernteamlidId) throw contactErrors.notPickedUp();
    const destination = destinationOf(this.org, c.referralDestination);
    if (!destination) throw contactErrors.noReferral();
    const first = await this.repo.updateCase<boolean>(caseId, (cur) =>
      cur?.status === 'open' && cur.handoverConsent === undefined
        ? { kind: 'write', data: { ...cur, handoverConsent: consent === 'yes' }, result: true }
        : { kind: 'skip', result: false },
    );
    if (!first) {
      const now = (await this.repo.getCase(caseId))?.data;
      return { c, destination, answer: now?.handoverConsent ? 'yes' : 'no' };
    }
    const kernteamlid = c.kernteamlidId;
    await this.notifier.sendText(
      kernteamlid,
      (text) => {
        const params = { code: c.code, destination: text.local(destination.name) };
        // The name goes out only with the explicit "yes", once, and is not kept.
        return consent === 'yes'
          ? text.t('contact.refer.kernteamYes', { ...params, name: c.requesterName ?? displayName })
          : text.t('contact.refer.kernteamNo', params);
      },
      caseId,
    );
    this.logger.info({ caseId, consent }, 'contact.handover_answered');
    return { c, destination, answer: consent };
  }

  private async kernteamlidCase(actor: Actor, caseId: string): Promise<ContactCase> {
    return kernteamlidCase(actor, (await this.repo.getCase(caseId))?.data);
  }

  private destination(id: string): ReferralDestination {
    const d = destinationOf(this.org, id);
    if (!d) throw contactErrors.unknownDestination();
    return d;
  }
}

function withoutConsent(c: ContactCase): ContactCase {
  const { handoverConsent: _h, ...rest } = c;
  return rest;
}
