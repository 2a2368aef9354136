import { z } from 'zod';
import type { PanelApp } from '../../platform/bot/panel-app';
import type { AppDeps } from '../../platform/deps';
import { everyone } from '../../platform/help';
import { hasRole } from '../../platform/org/organisation';
import { registerRequestHandlers } from './contact.handlers';
import { registerKernteamHandlers } from './contact.kernteam.handlers';
import { registerRelayHandlers } from './contact.relay.handlers';
import { createContactServices } from './contact.module';
import { contactVerbs, inactivityJob, pickupTimeoutJob } from './contact.verbs';
import en from './i18n/en.json';
import nl from './i18n/nl.json';

/** Registers the contact feature's routes, help entries, message catalogues and jobs. */
export function registerContact(app: PanelApp, deps: AppDeps): void {
  deps.i18n.register(nl, en);
  const services = createContactServices(deps);

  deps.help.add({ id: 'contact.start', order: 30, titleKey: 'contact.help.start.title', descriptionKey: 'contact.help.start.description', verb: contactVerbs.start, visibleTo: everyone });
  deps.help.add({ id: 'contact.availability', order: 31, titleKey: 'contact.help.availability.title', descriptionKey: 'contact.help.availability.description', verb: contactVerbs.availability, visibleTo: (a) => hasRole(a, 'kernteamlid') });
  deps.help.add({ id: 'contact.myCases', order: 32, titleKey: 'contact.help.myCases.title', descriptionKey: 'contact.help.myCases.description', verb: contactVerbs.myCases, visibleTo: (a) => hasRole(a, 'kernteamlid') });
  deps.help.add({ id: 'contact.stats', order: 33, titleKey: 'contact.help.stats.title', descriptionKey: 'contact.help.stats.description', verb: contactVerbs.stats, visibleTo: (a) => hasRole(a, 'programmateam') });

  // Commands with fixed words first; the free-text relay routes last, so they never swallow a command.
  registerKernteamHandlers(app, deps, services);
  registerRequestHandlers(app, deps, services);
  registerRelayHandlers(app, deps, services);

  const caseJob = z.object({ caseId: z.string().min(1).max(100) });
  deps.scheduler.on(pickupTimeoutJob, caseJob, ({ caseId }) => services.requests.onPickupTimeout(caseId));
  deps.scheduler.on(inactivityJob, caseJob, ({ caseId }) => services.closure.onInactivityCheck(caseId));
}
