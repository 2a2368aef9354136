import type { ContactServiceDeps } from './contact.service-deps.types';

/** What the case-handling services (requests, cases, closure) share, taken from one deps object. */
export abstract class ContactSharedService {
  protected readonly repo: ContactServiceDeps['repo'];
  protected readonly offers: ContactServiceDeps['offers'];
  protected readonly notifier: ContactServiceDeps['notifier'];
  protected readonly scheduler: ContactServiceDeps['scheduler'];
  protected readonly org: ContactServiceDeps['org'];
  protected readonly clock: ContactServiceDeps['clock'];
  protected readonly logger: ContactServiceDeps['logger'];
  protected readonly people: ContactServiceDeps['people'];

  constructor(deps: ContactServiceDeps) {
    this.repo = deps.repo;
    this.offers = deps.offers;
    this.notifier = deps.notifier;
    this.scheduler = deps.scheduler;
    this.org = deps.org;
    this.clock = deps.clock;
    this.logger = deps.logger;
    this.people = deps.people;
  }
}
