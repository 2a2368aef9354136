import type { AdaptiveCard } from '../../platform/cards';
import type { Locale } from '../../platform/org/organisation';
import { renderOffer, renderOfferClosed, type OfferClosedReason } from './cards/conversation.card';
import type { ContactEnv } from './contact.env';
import type { ContactCase, Offer } from './contact.types';

/** Kernteamleden who may receive a new request now: available, and never the person asking. */
export async function availableKernteamleden(env: ContactEnv, excluding: string): Promise<string[]> {
  const ids = env.org.peopleWithRole('kernteamlid').map((p) => p.aadObjectId.toLowerCase()).filter((id) => id !== excluding.toLowerCase());
  const available = await Promise.all(ids.map(async (id) => ((await env.repo.isAvailable(id)) ? id : undefined)));
  return available.filter((id): id is string => id !== undefined);
}

/**
 * Sends the request card to each kernteamlid (who must already be in `offeredTo`) and records where
 * the cards landed. If someone picked the case up meanwhile, the new cards are marked "opgepakt".
 */
export async function sendOffers(env: ContactEnv, c: ContactCase, to: string[], firstMessage: string | undefined, late: boolean): Promise<number> {
  const cards = new Map<Locale, AdaptiveCard>();
  const offers: Offer[] = [];
  for (const id of to) {
    const sent = await env.messenger.sendCard(id, (locale) => {
      if (!cards.has(locale)) cards.set(locale, renderOffer(env.kit, locale, { c, firstMessage, late }));
      return cards.get(locale) as AdaptiveCard;
    }, c.caseId);
    if (sent) offers.push({ kernteamlidId: id, activityId: sent.activityId, locale: sent.locale });
  }
  if (!offers.length) return 0;
  const stillWaiting = await env.repo.updateCase<boolean>(c.caseId, (cur) =>
    cur?.status === 'waiting'
      ? { kind: 'write', data: { ...cur, offers: [...(cur.offers ?? []), ...offers] }, result: true }
      : { kind: 'skip', result: false },
  );
  if (!stillWaiting) {
    // Picked up (or withdrawn) while the cards went out: mark them, except the winner's own view.
    const now = (await env.repo.getCase(c.caseId))?.data;
    const others = offers.filter((o) => o.kernteamlidId !== now?.kernteamlidId);
    await closeOffers(env, c.code, others, now?.outcome === 'withdrawn' ? 'withdrawn' : 'taken', c.caseId);
  }
  return offers.length;
}

/** Replaces request cards with "opgepakt" or "ingetrokken", so nobody else acts on them. */
export async function closeOffers(env: ContactEnv, code: string, offers: Offer[], why: OfferClosedReason, caseId: string): Promise<void> {
  for (const offer of offers) {
    await env.messenger.updateCard(offer.kernteamlidId, offer.activityId, renderOfferClosed(env.kit, offer.locale, code, why), caseId);
  }
}
