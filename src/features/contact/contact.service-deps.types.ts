import type { Clock } from '../../platform/clock';
import type { Scheduler } from '../../platform/delivery/delivery.port';
import type { Logger } from '../../platform/logger';
import type { Organisation } from '../../platform/org/organisation';
import type { PeopleNames } from '../../platform/people/people-names';
import type { ContactNotifier } from './contact.notifier';
import type { ContactOfferService } from './contact.offer.service';
import type { ContactRepository } from './contact.repository';

/** What the case-handling services share, passed as one object (the module builds it once). */
export interface ContactServiceDeps {
  repo: ContactRepository;
  offers: ContactOfferService;
  notifier: ContactNotifier;
  scheduler: Scheduler;
  org: Organisation;
  clock: Clock;
  logger: Logger;
  people: PeopleNames;
}
