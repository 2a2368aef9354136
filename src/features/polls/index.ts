import type { PanelApp } from '../../platform/bot/panel-app';
import type { AppDeps } from '../../platform/deps';
import { canCreatePolls } from './polls.access';
import { registerPollAdminHandlers } from './polls.admin.handlers';
import { registerPollHandlers } from './polls.handlers';
import { registerPollsJobs } from './polls.jobs';
import { createPollsModule } from './polls.module';
import { pollsDownloads, pollsVerbs } from './polls.verbs';
import en from './i18n/en.json';
import italian from './i18n/it.json';
import flemish from './i18n/nl-BE.json';
import nl from './i18n/nl.json';
import { registerPollsMetrics } from './polls.metrics';

/** Registers the polls feature's routes, help entries, message catalogues and jobs. */
export function registerPolls(app: PanelApp, deps: AppDeps): void {
  deps.i18n.register({ nl, en, it: italian, 'nl-BE': flemish });
  const polls = createPollsModule(deps);

  registerPollHandlers(app, deps, polls);
  registerPollAdminHandlers(app, deps, polls);

  deps.help.addAll([
    {
      id: 'polls.create',
      order: 40,
      titleKey: 'polls.help.createTitle',
      descriptionKey: 'polls.help.createDescription',
      verb: pollsVerbs.createForm,
      visibleTo: canCreatePolls,
    },
    {
      id: 'polls.list',
      order: 41,
      titleKey: 'polls.help.listTitle',
      descriptionKey: 'polls.help.listDescription',
      verb: pollsVerbs.list,
      visibleTo: canCreatePolls,
    },
  ]);

  registerPollsJobs(deps.scheduler, polls);
  deps.downloads.register(pollsDownloads.export, (id, subject) => polls.files.exportCsv(id, subject));
  registerPollsMetrics(deps);
}
