import type { PanelApp } from '../../platform/bot/panel-app';
import type { AppDeps } from '../../platform/deps';
import { everyone } from '../../platform/help';
import { registerSignupMessages } from '../../platform/signups';
import { canCreateAteliers } from './kennisatelier.access';
import { registerAtelierHandlers } from './kennisatelier.handlers';
import { registerKennisatelierJobs } from './kennisatelier.jobs';
import { createKennisatelierModule } from './kennisatelier.module';
import { registerOrganiserHandlers } from './kennisatelier.organiser.handlers';
import { kennisatelierFiles, kennisatelierVerbs } from './kennisatelier.verbs';
import en from './i18n/en.json';
import italian from './i18n/it.json';
import flemish from './i18n/nl-BE.json';
import nl from './i18n/nl.json';
import { registerKennisatelierMetrics } from './kennisatelier.metrics';

/** Registers the kennisatelier feature's routes, help entries, message catalogues, jobs and downloads. */
export function registerKennisatelier(app: PanelApp, deps: AppDeps): void {
  deps.i18n.register({ nl, en, it: italian, 'nl-BE': flemish });
  registerSignupMessages(deps.i18n);
  const module = createKennisatelierModule(deps);

  registerAtelierHandlers(app, deps, module);
  registerOrganiserHandlers(app, deps, module);

  deps.help.addAll([
    {
      id: 'kennisatelier.list',
      order: 10,
      titleKey: 'kennisatelier.help.list.title',
      descriptionKey: 'kennisatelier.help.list.description',
      verb: kennisatelierVerbs.list,
      visibleTo: everyone,
    },
    {
      id: 'kennisatelier.create',
      order: 11,
      titleKey: 'kennisatelier.help.create.title',
      descriptionKey: 'kennisatelier.help.create.description',
      verb: kennisatelierVerbs.newForm,
      visibleTo: canCreateAteliers,
    },
  ]);

  registerKennisatelierJobs(deps.scheduler, module);
  deps.downloads.register(kennisatelierFiles.ics, (id, subject) => module.files.ics(id, subject));
  deps.downloads.register(kennisatelierFiles.csv, (id, subject) => module.files.csv(id, subject));
  registerKennisatelierMetrics(deps);
}
