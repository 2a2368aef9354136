import type { Scheduler } from '../../platform/delivery/delivery.port';
import type { ContactModule } from './contact.module';
import { caseJobPayload } from './contact.schemas';
import { contactJobs } from './contact.verbs';

/** The pick-up timeout and the inactivity check; both run once per case even with several instances. */
export function registerContactJobs(scheduler: Scheduler, contact: ContactModule): void {
  scheduler.on(contactJobs.pickupTimeout, caseJobPayload, ({ caseId }) =>
    contact.requests.onPickupTimeout(caseId),
  );
  scheduler.on(contactJobs.inactivity, caseJobPayload, ({ caseId }) =>
    contact.closure.onInactivityCheck(caseId),
  );
}
