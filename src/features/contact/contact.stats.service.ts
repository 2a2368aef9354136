import type { Actor, Organisation } from '../../platform/org/organisation';
import { requireProgrammateam } from './contact.access';
import type { ContactRepository } from './contact.repository';
import { quarterStats } from './contact.stats.rules';
import type { QuarterStats } from './contact.types';

/** Only the programmateam; nothing here can say who contacted the panel (no ids are kept on closed cases). */
export class ContactStatsService {
  constructor(
    private readonly repo: ContactRepository,
    private readonly org: Organisation,
  ) {}

  async quarters(actor: Actor): Promise<QuarterStats[]> {
    requireProgrammateam(actor);
    const cases = await this.repo.closedCases();
    return quarterStats(
      cases,
      this.org.contactTopics.map((t) => t.id),
      this.org.referralDestinations.map((d) => d.id),
    );
  }
}
