import type { Actor } from '../../platform/org/organisation';
import { hasRole } from '../../platform/org/organisation';
import { renderKernteamCase, renderRequesterCase } from './cards/conversation.card';
import { caseForKernteamlid, contactErrors, isKernteamlidOf, isRequesterOf, requireKernteam } from './contact.access';
import { normaliseCode } from './contact.rules';
import { localDay, timeoutJobId, type ContactEnv } from './contact.env';
import { closeOffers } from './contact.offer.service';
import type { ContactCase } from './contact.types';

type PickUp = { kind: 'won'; before: ContactCase; after: ContactCase } | { kind: 'mine'; c: ContactCase } | { kind: 'taken' | 'closed' | 'own' | 'noAccess' };

export type PlainTextTarget = { kind: 'relay'; caseId: string } | { kind: 'ask'; codes: string[] } | { kind: 'none' };

const MAX_REPLY_IDS = 50;

/** Pick-up, relay both ways, and the kernteamlid's view of their cases. */
export class ContactCaseService {
  constructor(private readonly env: ContactEnv) {}

  /** The first kernteamlid to click wins (etag-guarded); everyone else's card turns into "opgepakt". */
  async pickUp(actor: Actor, caseId: string): Promise<ContactCase> {
    requireKernteam(actor);
    const { env } = this;
    const me = actor.aadObjectId;
    const result = await env.repo.updateCase<PickUp>(caseId, (cur) => {
      if (!cur) return { kind: 'skip', result: { kind: 'noAccess' } };
      if (cur.status === 'open' && isKernteamlidOf(cur, actor)) return { kind: 'skip', result: { kind: 'mine', c: cur } };
      if (cur.status === 'closed') return { kind: 'skip', result: { kind: 'closed' } };
      if (cur.status !== 'waiting') return { kind: 'skip', result: { kind: 'taken' } };
      if (isRequesterOf(cur, actor)) return { kind: 'skip', result: { kind: 'own' } };
      if (!cur.offeredTo?.includes(me)) return { kind: 'skip', result: { kind: 'noAccess' } };
      const { offers: _o, offeredTo: _t, preferredKernteamlidId: _p, ...rest } = cur;
      const after: ContactCase = { ...rest, status: 'open', kernteamlidId: me, pickedUpAt: env.clock.now().toISOString(), lastActivityOn: localDay(env) };
      return { kind: 'write', data: after, result: { kind: 'won', before: cur, after } };
    });
    if (result.kind === 'mine') return result.c;
    if (result.kind !== 'won') {
      const errors = { taken: contactErrors.taken, closed: contactErrors.closed, own: contactErrors.ownRequest, noAccess: contactErrors.noAccess };
      throw errors[result.kind]();
    }

    const { before, after } = result;
    env.logger.info({ caseId, code: after.code }, 'contact.picked_up');
    await env.scheduler.cancel(timeoutJobId(caseId));
    await closeOffers(env, after.code, (before.offers ?? []).filter((o) => o.kernteamlidId !== me), 'taken', caseId);
    if (after.requesterId) {
      const kernteamlidName = this.nameOf(me);
      await env.messenger.sendCard(after.requesterId, (locale) =>
        renderRequesterCase(env.kit, locale, {
          c: after,
          kernteamlidName,
          title: env.kit.i18n.t(locale, 'contact.case.requesterPickedUpTitle', { name: kernteamlidName, code: after.code }),
          withPickUpNotes: true,
        }), caseId);
    }
    return after;
  }

  /**
   * Forwards one message to the other side of the case, unstored. The case is always explicit
   * (from the card or the typed code). `replyId` (from a reply box) makes a retried click harmless.
   */
  async relay(actor: Actor, caseId: string, text: string, replyId?: string): Promise<{ c: ContactCase; duplicate: boolean }> {
    const { env } = this;
    const c = (await env.repo.getCase(caseId))?.data;
    if (c?.status === 'closed') throw contactErrors.closed();
    const fromRequester = !!c && isRequesterOf(c, actor);
    if (!c || (!fromRequester && !isKernteamlidOf(c, actor))) throw contactErrors.noAccess();
    if (c.status !== 'open' || !c.kernteamlidId || !c.requesterId) throw contactErrors.notPickedUp();

    if (replyId) {
      const claim = await this.claimReplyId(caseId, replyId);
      if (claim === 'gone') throw contactErrors.closed();
      if (claim === 'used') return { c, duplicate: true };
    }
    const sent = fromRequester
      ? await env.messenger.sendCard(c.kernteamlidId, (locale) => renderKernteamCase(env.kit, locale, { c, incoming: text }), caseId)
      : await env.messenger.sendCard(c.requesterId, (locale) =>
          renderRequesterCase(env.kit, locale, { c, kernteamlidName: this.nameOf(c.kernteamlidId as string), incoming: text }), caseId);
    if (!sent) {
      if (replyId) await this.releaseReplyId(caseId, replyId);
      throw contactErrors.delivery();
    }
    env.logger.info({ caseId, from: fromRequester ? 'medewerker' : 'kernteamlid' }, 'contact.relayed');
    await this.markActive(c);
    return { c, duplicate: false };
  }

  /** Keeps the case from closing for inactivity: one write a day at most, and only the date. */
  private async markActive(c: ContactCase): Promise<void> {
    const today = localDay(this.env);
    if (c.lastActivityOn === today) return;
    await this.env.repo.updateCase<void>(c.caseId, (cur) =>
      cur?.status === 'open' && cur.lastActivityOn !== today
        ? { kind: 'write', data: { ...cur, lastActivityOn: today }, result: undefined }
        : { kind: 'skip', result: undefined },
    );
  }

  /** "#K7Q2 text": the case named by its code, and only if the actor is in it. */
  async relayByCode(actor: Actor, code: string, text: string): Promise<ContactCase> {
    const c = await this.env.repo.activeCaseByCode(normaliseCode(code));
    if (!c || !(isRequesterOf(c, actor) || isKernteamlidOf(c, actor))) throw contactErrors.noAccess();
    return (await this.relay(actor, c.caseId, text)).c;
  }

  /**
   * Where plain typed text goes. A kernteamlid with open cases is always asked which case (never
   * guessed from "the last one"); a medewerker has at most one case, so their text goes there.
   */
  async plainTextTarget(actor: Actor): Promise<PlainTextTarget> {
    const handled = hasRole(actor, 'kernteamlid') ? await this.env.repo.openCasesOf(actor.aadObjectId) : [];
    const link = await this.env.repo.getLink(actor.aadObjectId);
    if (handled.length) {
      const own = link ? (await this.env.repo.getCase(link.caseId))?.data.code : undefined;
      return { kind: 'ask', codes: [...handled.map((c) => c.code), ...(own ? [own] : [])] };
    }
    return link ? { kind: 'relay', caseId: link.caseId } : { kind: 'none' };
  }

  /** One case as its kernteamlid sees it (from "mijn zaken" or a Back button). */
  async forKernteamlid(actor: Actor, caseId: string): Promise<ContactCase> {
    return caseForKernteamlid(this.env.repo, actor, caseId);
  }

  async myCases(actor: Actor): Promise<ContactCase[]> {
    requireKernteam(actor);
    return this.env.repo.openCasesOf(actor.aadObjectId);
  }

  nameOf(aadObjectId: string): string {
    return this.env.org.person(aadObjectId)?.name ?? '';
  }

  private async claimReplyId(caseId: string, replyId: string): Promise<'ok' | 'used' | 'gone'> {
    return this.env.repo.updateCase<'ok' | 'used' | 'gone'>(caseId, (cur) => {
      if (!cur || cur.status !== 'open') return { kind: 'skip', result: 'gone' };
      if (cur.usedReplyIds?.includes(replyId)) return { kind: 'skip', result: 'used' };
      return { kind: 'write', data: { ...cur, usedReplyIds: [...(cur.usedReplyIds ?? []), replyId].slice(-MAX_REPLY_IDS) }, result: 'ok' };
    });
  }

  private async releaseReplyId(caseId: string, replyId: string): Promise<void> {
    await this.env.repo.updateCase<void>(caseId, (cur) =>
      cur?.usedReplyIds?.includes(replyId)
        ? { kind: 'write', data: { ...cur, usedReplyIds: cur.usedReplyIds.filter((r) => r !== replyId) }, result: undefined }
        : { kind: 'skip', result: undefined },
    );
  }
}
