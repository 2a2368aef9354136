import type { AdaptiveCard } from '../../platform/cards';
import type { Locale, Organisation } from '../../platform/org/organisation';
import { renderOfferCard, renderOfferClosedCard } from './cards/conversation.card';
import type { ContactNotifier } from './contact.notifier';
import type { ContactRepository } from './contact.repository';
import type { ContactCase, Offer, OfferClosedReason } from './contact.types';

/** The request cards kernteamleden get: who may get one, sending them, and marking them when they no longer apply. */
export class ContactOfferService {
  constructor(
    private readonly repo: ContactRepository,
    private readonly notifier: ContactNotifier,
    private readonly org: Organisation,
  ) {}

  /** Kernteamleden who may receive a new request now: available, and never the person asking. */
  async availableKernteamleden(excluding: string): Promise<string[]> {
    const ids = this.org
      .peopleWithRole('kernteamlid')
      .map((p) => p.aadObjectId.toLowerCase())
      .filter((id) => id !== excluding.toLowerCase());
    const available = await Promise.all(
      ids.map(async (id) => ((await this.repo.isAvailable(id)) ? id : undefined)),
    );
    return available.filter((id): id is string => id !== undefined);
  }

  /**
   * Sends the request card to each kernteamlid (who must already be in `offeredTo`) and records where
   * the cards landed. If someone picked the case up meanwhile, the new cards are marked "opgepakt".
   */
  async send(c: ContactCase, to: string[], firstMessage: string | undefined, late: boolean): Promise<number> {
    const cards = new Map<Locale, AdaptiveCard>();
    const offers: Offer[] = [];
    for (const id of to) {
      const sent = await this.notifier.sendCard(
        id,
        (text) => {
          if (!cards.has(text.locale))
            cards.set(text.locale, renderOfferCard(text, { c, firstMessage, late }));
          return cards.get(text.locale) as AdaptiveCard;
        },
        c.caseId,
      );
      if (sent) offers.push({ kernteamlidId: id, activityId: sent.activityId, locale: sent.locale });
    }
    if (!offers.length) return 0;
    const stillWaiting = await this.repo.updateCase<boolean>(c.caseId, (cur) =>
      cur?.status === 'waiting'
        ? { kind: 'write', data: { ...cur, offers: [...(cur.offers ?? []), ...offers] }, result: true }
        : { kind: 'skip', result: false },
    );
    if (!stillWaiting) {
      // Picked up (or withdrawn) while the cards went out: mark them, except the winner's own view.
      const now = (await this.repo.getCase(c.caseId))?.data;
      const others = offers.filter((o) => o.kernteamlidId !== now?.kernteamlidId);
      await this.close(c.code, others, now?.outcome === 'withdrawn' ? 'withdrawn' : 'taken', c.caseId);
    }
    return offers.length;
  }

  /** Replaces request cards with "opgepakt" or "ingetrokken", so nobody else acts on them. */
  async close(code: string, offers: Offer[], why: OfferClosedReason, caseId: string): Promise<void> {
    for (const offer of offers) {
      await this.notifier.updateCard(
        offer.kernteamlidId,
        offer.activityId,
        offer.locale,
        (text) => renderOfferClosedCard(text, code, why),
        caseId,
      );
    }
  }
}
