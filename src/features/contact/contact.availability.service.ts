import type { Actor } from '../../platform/org/organisation';
import { requireKernteam } from './contact.access';
import type { ContactEnv } from './contact.env';
import { sendOffers } from './contact.offer.service';

/** Kernteamleden set themselves available or not (holiday, busy); unavailable ones get no new requests. */
export class ContactAvailabilityService {
  constructor(private readonly env: ContactEnv) {}

  async status(actor: Actor): Promise<boolean> {
    requireKernteam(actor);
    return this.env.repo.isAvailable(actor.aadObjectId);
  }

  /** Setting oneself available also hands over the requests still waiting that were open to anyone. */
  async set(actor: Actor, available: boolean): Promise<{ available: boolean; waitingOffered: number }> {
    requireKernteam(actor);
    const { env } = this;
    const me = actor.aadObjectId;
    await env.repo.setAvailability(me, available, env.clock.now().toISOString());
    env.logger.info({ available }, 'contact.availability_set');
    if (!available) return { available, waitingOffered: 0 };

    let waitingOffered = 0;
    for (const waiting of await env.repo.waitingCases()) {
      if (waiting.requesterId === me || waiting.preferredKernteamlidId || waiting.offeredTo?.includes(me)) continue;
      const added = await env.repo.updateCase<boolean>(waiting.caseId, (cur) =>
        cur?.status === 'waiting' && !cur.offeredTo?.includes(me)
          ? { kind: 'write', data: { ...cur, offeredTo: [...(cur.offeredTo ?? []), me] }, result: true }
          : { kind: 'skip', result: false },
      );
      if (added) waitingOffered += await sendOffers(env, waiting, [me], undefined, true);
    }
    return { available, waitingOffered };
  }
}
