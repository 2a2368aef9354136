import type { Actor } from '../../platform/org/organisation';
import type { ReferralDestination } from '../../platform/org/org.schema';
import { destinationOf } from './cards/info.card';
import { renderReferral } from './cards/closure.card';
import { caseForKernteamlid, caseForRequester, contactErrors } from './contact.access';
import type { ContactEnv } from './contact.env';
import type { ContactCase } from './contact.types';

export interface HandoverResult {
  c: ContactCase;
  destination: ReferralDestination;
  answer: 'yes' | 'no';
}

/**
 * Doorverwijzen: the kernteamlid picks a destination and sees the guidance; the medewerker gets the
 * referral and decides about a warm handover. Only a "yes" shows the kernteamlid the medewerker's
 * name (sent once, never stored). The bot itself never contacts the destination.
 */
export class ContactReferralService {
  constructor(private readonly env: ContactEnv) {}

  async caseForReferral(actor: Actor, caseId: string): Promise<ContactCase> {
    return caseForKernteamlid(this.env.repo, actor, caseId);
  }

  async guidance(actor: Actor, caseId: string, destinationId: string): Promise<{ c: ContactCase; destination: ReferralDestination }> {
    const c = await caseForKernteamlid(this.env.repo, actor, caseId);
    return { c, destination: this.destination(destinationId) };
  }

  async sendReferral(actor: Actor, caseId: string, destinationId: string): Promise<{ c: ContactCase; destination: ReferralDestination }> {
    const { env } = this;
    const c = await caseForKernteamlid(env.repo, actor, caseId);
    const destination = this.destination(destinationId);
    // A new referral asks the consent question afresh; the same one again (a retried click) changes nothing.
    const fresh = await env.repo.updateCase<boolean>(caseId, (cur) =>
      cur?.status === 'open' && (cur.referralDestination !== destination.id || cur.handoverConsent !== undefined)
        ? { kind: 'write', data: { ...withoutConsent(cur), referralDestination: destination.id }, result: true }
        : { kind: 'skip', result: false },
    );
    if (fresh && c.requesterId) {
      const sent = await env.messenger.sendCard(c.requesterId, (locale) =>
        renderReferral(env.kit, locale, { caseId, code: c.code, destination }), caseId);
      if (!sent) throw contactErrors.delivery();
      env.logger.info({ caseId, destination: destination.id }, 'contact.referred');
    }
    return { c: { ...c, referralDestination: destination.id }, destination };
  }

  /** The medewerker's explicit answer; a retried click returns the first answer and sends nothing again. */
  async answerHandover(actor: Actor, caseId: string, consent: 'yes' | 'no', displayName: string): Promise<HandoverResult> {
    const { env } = this;
    const c = await caseForRequester(env.repo, actor, caseId);
    if (c.status !== 'open' || !c.kernteamlidId) throw contactErrors.notPickedUp();
    const destination = destinationOf(env.kit, c.referralDestination);
    if (!destination) throw contactErrors.noReferral();
    const first = await env.repo.updateCase<boolean>(caseId, (cur) =>
      cur?.status === 'open' && cur.handoverConsent === undefined
        ? { kind: 'write', data: { ...cur, handoverConsent: consent === 'yes' }, result: true }
        : { kind: 'skip', result: false },
    );
    if (!first) {
      const now = (await env.repo.getCase(caseId))?.data;
      return { c, destination, answer: now?.handoverConsent ? 'yes' : 'no' };
    }
    const kernteamlid = c.kernteamlidId;
    await env.messenger.sendText(kernteamlid, (locale) => {
      const params = { code: c.code, destination: env.org.text(destination.name, locale) };
      // The name goes out only with the explicit "yes", once, and is not kept.
      return consent === 'yes'
        ? env.kit.i18n.t(locale, 'contact.refer.kernteamYes', { ...params, name: c.requesterName ?? displayName })
        : env.kit.i18n.t(locale, 'contact.refer.kernteamNo', params);
    }, caseId);
    env.logger.info({ caseId, consent }, 'contact.handover_answered');
    return { c, destination, answer: consent };
  }

  private destination(id: string): ReferralDestination {
    const d = destinationOf(this.env.kit, id);
    if (!d) throw contactErrors.unknownDestination();
    return d;
  }
}

function withoutConsent(c: ContactCase): ContactCase {
  const { handoverConsent: _h, ...rest } = c;
  return rest;
}
