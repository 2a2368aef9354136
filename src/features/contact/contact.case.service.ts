import { escapeUserText } from '../../platform/cards';
import { localDate } from '../../platform/local-time';
import { hasRole, type Actor } from '../../platform/org/organisation';
import { renderKernteamCaseCard, renderRequesterCaseCard } from './cards/conversation.card';
import {
  isKernteamlidOf,
  isRequesterOf,
  kernteamlidCase,
  requesterCase,
  requireKernteam,
} from './contact.access';
import { contactErrors } from './contact.errors';
import { ContactSharedService } from './contact.shared.service';
import { normaliseCode, timeoutJobId } from './contact.rules';
import type { CaseView, ContactCase, PlainTextTarget } from './contact.types';

type PickUp =
  | { kind: 'won'; before: ContactCase; after: ContactCase }
  | { kind: 'mine'; c: ContactCase }
  | { kind: 'taken' | 'closed' | 'own' | 'noAccess' };

const MAX_REPLY_IDS = 50;

/** Pick-up, relay both ways, and the kernteamlid's view of their cases. */
export class ContactCaseService extends ContactSharedService {
  private today(): string {
    return localDate(this.clock.now(), this.org.timeZone);
  }

  /** The first kernteamlid to click wins (etag-guarded); everyone else's card turns into "opgepakt". */
  async pickUp(actor: Actor, caseId: string): Promise<ContactCase> {
    requireKernteam(actor);
    const me = actor.aadObjectId;
    const result = await this.repo.updateCase<PickUp>(caseId, (cur) => {
      if (!cur) return { kind: 'skip', result: { kind: 'noAccess' } };
      if (cur.status === 'open' && isKernteamlidOf(cur, actor))
        return { kind: 'skip', result: { kind: 'mine', c: cur } };
      if (cur.status === 'closed') return { kind: 'skip', result: { kind: 'closed' } };
      if (cur.status !== 'waiting') return { kind: 'skip', result: { kind: 'taken' } };
      if (isRequesterOf(cur, actor)) return { kind: 'skip', result: { kind: 'own' } };
      if (!cur.offeredTo?.includes(me)) return { kind: 'skip', result: { kind: 'noAccess' } };
      const { offers: _o, offeredTo: _t, preferredKernteamlidId: _p, ...rest } = cur;
      const after: ContactCase = {
        ...rest,
        status: 'open',
        kernteamlidId: me,
        pickedUpAt: this.clock.now().toISOString(),
        lastActivityOn: this.today(),
      };
      return { kind: 'write', data: after, result: { kind: 'won', before: cur, after } };
    });
    if (result.kind === 'mine') return result.c;
    if (result.kind !== 'won') {
      const errors = {
        taken: contactErrors.taken,
        closed: contactErrors.closed,
        own: contactErrors.ownRequest,
        noAccess: contactErrors.noAccess,
      };
      throw errors[result.kind]();
    }

    const { before, after } = result;
    this.logger.info({ caseId, code: after.code }, 'contact.picked_up');
    await this.scheduler.cancel(timeoutJobId(caseId));
    await this.offers.close(
      after.code,
      (before.offers ?? []).filter((o) => o.kernteamlidId !== me),
      'taken',
      caseId,
    );
    if (after.requesterId) {
      const kernteamlidName = await this.kernteamlidName(me);
      await this.notifier.sendCard(
        after.requesterId,
        (text) =>
          renderRequesterCaseCard(text, {
            c: after,
            kernteamlidName,
            title: text.t('contact.case.requesterPickedUpTitle', {
              name: escapeUserText(text.person(kernteamlidName)),
              code: after.code,
            }),
            withPickUpNotes: true,
          }),
        caseId,
      );
    }
    return after;
  }

  /**
   * Forwards one message to the other side of the case, unstored. The case is always explicit
   * (from the card or the typed code). `replyId` (from a reply box) makes a retried click harmless.
   */
  async relay(
    actor: Actor,
    caseId: string,
    text: string,
    replyId?: string,
  ): Promise<{ c: ContactCase; duplicate: boolean }> {
    const c = (await this.repo.getCase(caseId))?.data;
    if (c?.status === 'closed') throw contactErrors.closed();
    const fromRequester = !!c && isRequesterOf(c, actor);
    if (!c || (!fromRequester && !isKernteamlidOf(c, actor))) throw contactErrors.noAccess();
    if (c.status !== 'open' || !c.kernteamlidId || !c.requesterId) throw contactErrors.notPickedUp();

    if (replyId) {
      const claim = await this.claimReplyId(caseId, replyId);
      if (claim === 'gone') throw contactErrors.closed();
      if (claim === 'used') return { c, duplicate: true };
    }
    const kernteamlidName = fromRequester ? undefined : await this.kernteamlidName(c.kernteamlidId);
    const sent = fromRequester
      ? await this.notifier.sendCard(
          c.kernteamlidId,
          (t) => renderKernteamCaseCard(t, { c, incoming: text }),
          caseId,
        )
      : await this.notifier.sendCard(
          c.requesterId,
          (t) => renderRequesterCaseCard(t, { c, kernteamlidName, incoming: text }),
          caseId,
        );
    if (!sent) {
      if (replyId) await this.releaseReplyId(caseId, replyId);
      throw contactErrors.delivery();
    }
    this.logger.info({ caseId, from: fromRequester ? 'medewerker' : 'kernteamlid' }, 'contact.relayed');
    await this.markActive(c);
    return { c, duplicate: false };
  }

  /** Keeps the case from closing for inactivity: one write a day at most, and only the date. */
  private async markActive(c: ContactCase): Promise<void> {
    const today = this.today();
    if (c.lastActivityOn === today) return;
    await this.repo.updateCase<void>(c.caseId, (cur) =>
      cur?.status === 'open' && cur.lastActivityOn !== today
        ? { kind: 'write', data: { ...cur, lastActivityOn: today }, result: undefined }
        : { kind: 'skip', result: undefined },
    );
  }

  /** "#K7Q2 text": the case named by its code, and only if the actor is in it. */
  async relayByCode(actor: Actor, code: string, text: string): Promise<ContactCase> {
    const c = await this.repo.activeCaseByCode(normaliseCode(code));
    if (!c || !(isRequesterOf(c, actor) || isKernteamlidOf(c, actor))) throw contactErrors.noAccess();
    return (await this.relay(actor, c.caseId, text)).c;
  }

  /**
   * Where plain typed text goes: to the person's one case when they have exactly one (handled or their
   * own); with several, the bot asks which (never guessed from "the last one").
   */
  async plainTextTarget(actor: Actor): Promise<PlainTextTarget> {
    const handled = hasRole(actor, 'kernteamlid') ? await this.repo.openCasesOf(actor.aadObjectId) : [];
    const link = await this.repo.getLink(actor.aadObjectId);
    // One case in all, handled or their own: plain text goes there, as the pick-up card promises.
    if (handled.length === 1 && !link) return { kind: 'relay', caseId: handled[0].caseId };
    if (handled.length) {
      const own = link ? (await this.repo.getCase(link.caseId))?.data.code : undefined;
      return { kind: 'ask', codes: [...handled.map((c) => c.code), ...(own ? [own] : [])] };
    }
    return link ? { kind: 'relay', caseId: link.caseId } : { kind: 'none' };
  }

  /** One case as its kernteamlid sees it (from "mijn zaken" or a Back button). */
  async forKernteamlid(actor: Actor, caseId: string): Promise<ContactCase> {
    return kernteamlidCase(actor, (await this.repo.getCase(caseId))?.data);
  }

  /** Either side may reopen its view of the case; anyone else gets "not yours". */
  async view(actor: Actor, caseId: string): Promise<CaseView> {
    const existing = (await this.repo.getCase(caseId))?.data;
    if (existing && isKernteamlidOf(existing, actor))
      return { side: 'kernteamlid', c: await this.forKernteamlid(actor, caseId) };
    const c = requesterCase(actor, existing);
    return { side: 'medewerker', c, kernteamlidName: await this.kernteamlidName(c.kernteamlidId) };
  }

  /** Whether the actor has a case of their own (waiting or open). */
  async hasOwnCase(actor: Actor): Promise<boolean> {
    return !!(await this.repo.getLink(actor.aadObjectId));
  }

  /** A case's code, or '' when it is gone. */
  async codeOf(caseId: string): Promise<string> {
    return (await this.repo.getCase(caseId))?.data.code ?? '';
  }

  async myCases(actor: Actor): Promise<ContactCase[]> {
    requireKernteam(actor);
    return this.repo.openCasesOf(actor.aadObjectId);
  }

  /**
   * The kernteamlid's name as the medewerker sees it: the organisation file, their own recent turn
   * (they just picked up or replied) or the directory. Undefined when nobody can name them: the card
   * then says "onbekende collega", never the id. Not stored.
   */
  async kernteamlidName(aadObjectId: string | undefined): Promise<string | undefined> {
    if (!aadObjectId) return undefined;
    return (await this.people.namesOf([aadObjectId])).get(aadObjectId.toLowerCase());
  }

  private async claimReplyId(caseId: string, replyId: string): Promise<'ok' | 'used' | 'gone'> {
    return this.repo.updateCase<'ok' | 'used' | 'gone'>(caseId, (cur) => {
      if (!cur || cur.status !== 'open') return { kind: 'skip', result: 'gone' };
      if (cur.usedReplyIds?.includes(replyId)) return { kind: 'skip', result: 'used' };
      return {
        kind: 'write',
        data: { ...cur, usedReplyIds: [...(cur.usedReplyIds ?? []), replyId].slice(-MAX_REPLY_IDS) },
        result: 'ok',
      };
    });
  }

  private async releaseReplyId(caseId: string, replyId: string): Promise<void> {
    await this.repo.updateCase<void>(caseId, (cur) =>
      cur?.usedReplyIds?.includes(replyId)
        ? {
            kind: 'write',
            data: { ...cur, usedReplyIds: cur.usedReplyIds.filter((r) => r !== replyId) },
            result: undefined,
          }
        : { kind: 'skip', result: undefined },
    );
  }
}
