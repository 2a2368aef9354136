import type { ContactServiceDeps } from './contact.service-deps.types';
import type { AppDeps } from '../../platform/deps';
import { ContactAvailabilityService } from './contact.availability.service';
import { ContactCaseService } from './contact.case.service';
import { ContactClosureService } from './contact.closure.service';
import { ContactNotifier } from './contact.notifier';
import { ContactOfferService } from './contact.offer.service';
import { ContactReferralService } from './contact.referral.service';
import { ContactRepository } from './contact.repository';
import { ContactRequestService } from './contact.request.service';
import { ContactStatsService } from './contact.stats.service';

/** What confidential contact may use; it offers no downloads. */
export type ContactDeps = Pick<
  AppDeps,
  'store' | 'clock' | 'org' | 'i18n' | 'logger' | 'delivery' | 'conversations' | 'scheduler' | 'people'
>;

export interface ContactModule {
  requests: ContactRequestService;
  cases: ContactCaseService;
  referrals: ContactReferralService;
  closure: ContactClosureService;
  availability: ContactAvailabilityService;
  stats: ContactStatsService;
}

/** Builds the repository and the services once; the app, tests and benchmarks call it. */
export function createContactModule(deps: ContactDeps): ContactModule {
  const { clock, org, scheduler, people } = deps;
  const logger = deps.logger.child({ feature: 'contact' });
  const repo = new ContactRepository(deps.store);
  const notifier = new ContactNotifier(deps, logger);
  const offers = new ContactOfferService(repo, notifier, org);
  const shared: ContactServiceDeps = { repo, offers, notifier, scheduler, org, clock, logger, people };
  return {
    requests: new ContactRequestService(shared),
    cases: new ContactCaseService(shared),
    referrals: new ContactReferralService(repo, notifier, org, logger),
    closure: new ContactClosureService(shared),
    availability: new ContactAvailabilityService(repo, offers, clock, logger),
    stats: new ContactStatsService(repo, org),
  };
}
