import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { Actor } from '../../platform/org/organisation';
import { requireKernteam } from './contact.access';
import type { ContactOfferService } from './contact.offer.service';
import type { ContactRepository } from './contact.repository';

/** Kernteamleden set themselves available or not (holiday, busy); unavailable ones get no new requests. */
export class ContactAvailabilityService {
  constructor(
    private readonly repo: ContactRepository,
    private readonly offers: ContactOfferService,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async status(actor: Actor): Promise<boolean> {
    requireKernteam(actor);
    return this.repo.isAvailable(actor.aadObjectId);
  }

  /** Setting oneself available also hands over the requests still waiting that were open to anyone. */
  async set(actor: Actor, available: boolean): Promise<{ available: boolean; waitingOffered: number }> {
    requireKernteam(actor);
    const me = actor.aadObjectId;
    await this.repo.setAvailability(me, available, this.clock.now().toISOString());
    this.logger.info({ available }, 'contact.availability_set');
    if (!available) return { available, waitingOffered: 0 };

    let waitingOffered = 0;
    for (const waiting of await this.repo.waitingCases()) {
      if (waiting.requesterId === me || waiting.preferredKernteamlidId || waiting.offeredTo?.includes(me))
        continue;
      const added = await this.repo.updateCase<boolean>(waiting.caseId, (cur) =>
        cur?.status === 'waiting' && !cur.offeredTo?.includes(me)
          ? { kind: 'write', data: { ...cur, offeredTo: [...(cur.offeredTo ?? []), me] }, result: true }
          : { kind: 'skip', result: false },
      );
      if (added) waitingOffered += await this.offers.send(waiting, [me], undefined, true);
    }
    return { available, waitingOffered };
  }
}
