import { ContactAvailabilityService } from './contact.availability.service';
import { ContactCaseService } from './contact.case.service';
import { ContactClosureService } from './contact.closure.service';
import { ContactReferralService } from './contact.referral.service';
import { ContactRequestService } from './contact.request.service';
import { ContactStatsService } from './contact.stats.service';
import { createContactEnv, type ContactEnv } from './contact.env';

export interface ContactServices {
  env: ContactEnv;
  requests: ContactRequestService;
  cases: ContactCaseService;
  referrals: ContactReferralService;
  closure: ContactClosureService;
  availability: ContactAvailabilityService;
  stats: ContactStatsService;
}

export function createContactServices(deps: Parameters<typeof createContactEnv>[0]): ContactServices {
  const env = createContactEnv(deps);
  return {
    env,
    requests: new ContactRequestService(env),
    cases: new ContactCaseService(env),
    referrals: new ContactReferralService(env),
    closure: new ContactClosureService(env),
    availability: new ContactAvailabilityService(env),
    stats: new ContactStatsService(env),
  };
}
