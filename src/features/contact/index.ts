import type { PanelApp } from '../../platform/bot/panel-app';
import type { AppDeps } from '../../platform/deps';
import { everyone } from '../../platform/help';
import { hasRole } from '../../platform/org/organisation';
import { registerRequestHandlers } from './contact.handlers';
import { registerContactJobs } from './contact.jobs';
import { registerContactMetrics } from './contact.metrics';
import { registerKernteamHandlers } from './contact.kernteam.handlers';
import { createContactModule } from './contact.module';
import { registerRelayHandlers } from './contact.relay.handlers';
import { contactVerbs } from './contact.verbs';
import en from './i18n/en.json';
import italian from './i18n/it.json';
import flemish from './i18n/nl-BE.json';
import nl from './i18n/nl.json';

/** Registers the contact feature's message catalogues, routes, help entries and jobs. */
export function registerContact(app: PanelApp, deps: AppDeps): void {
  deps.i18n.register({ nl, en, it: italian, 'nl-BE': flemish });
  const contact = createContactModule(deps);

  // Commands with fixed words first; the free-text relay routes last, so they never swallow a command.
  registerKernteamHandlers(app, deps, contact);
  registerRequestHandlers(app, deps, contact);
  registerRelayHandlers(app, deps, contact);

  deps.help.addAll([
    {
      id: 'contact.start',
      order: 30,
      titleKey: 'contact.help.start.title',
      descriptionKey: 'contact.help.start.description',
      verb: contactVerbs.start,
      visibleTo: everyone,
    },
    {
      id: 'contact.availability',
      order: 31,
      titleKey: 'contact.help.availability.title',
      descriptionKey: 'contact.help.availability.description',
      verb: contactVerbs.availability,
      visibleTo: (a) => hasRole(a, 'kernteamlid'),
    },
    {
      id: 'contact.myCases',
      order: 32,
      titleKey: 'contact.help.myCases.title',
      descriptionKey: 'contact.help.myCases.description',
      verb: contactVerbs.myCases,
      visibleTo: (a) => hasRole(a, 'kernteamlid'),
    },
    {
      id: 'contact.stats',
      order: 33,
      titleKey: 'contact.help.stats.title',
      descriptionKey: 'contact.help.stats.description',
      verb: contactVerbs.stats,
      visibleTo: (a) => hasRole(a, 'programmateam'),
    },
  ]);

  registerContactJobs(deps.scheduler, contact);
  registerContactMetrics(deps);
}
