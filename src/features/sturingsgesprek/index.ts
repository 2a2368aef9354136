import type { PanelApp } from '../../platform/bot/panel-app';
import type { AppDeps } from '../../platform/deps';
import en from './i18n/en.json';
import italian from './i18n/it.json';
import flemish from './i18n/nl-BE.json';
import nl from './i18n/nl.json';
import { isManager } from './sturingsgesprek.access';
import { registerAnsweringHandlers } from './sturingsgesprek.answering.handlers';
import { registerDoorbrakenHandlers } from './sturingsgesprek.doorbraken.handlers';
import { registerCommandHandlers } from './sturingsgesprek.handlers';
import { registerSturingsgesprekJobs } from './sturingsgesprek.jobs';
import { createSturingsgesprekModule } from './sturingsgesprek.module';
import { reportFile, type ReportFormat } from './sturingsgesprek.report.files';
import { registerRoundHandlers } from './sturingsgesprek.rounds.handlers';
import { registerSetupHandlers } from './sturingsgesprek.setup.handlers';
import { downloadKinds, sturingsgesprekVerbs } from './sturingsgesprek.verbs';
import { registerSturingsgesprekMetrics } from './sturingsgesprek.metrics';

/** Registers the sturingsgesprek feature's routes, help entries, message catalogues, jobs and downloads. */
export function registerSturingsgesprek(app: PanelApp, deps: AppDeps): void {
  deps.i18n.register({ nl, en, it: italian, 'nl-BE': flemish });
  const sg = createSturingsgesprekModule(deps);

  registerCommandHandlers(app, deps, sg);
  registerAnsweringHandlers(app, deps, sg);
  registerRoundHandlers(app, deps, sg);
  registerSetupHandlers(app, deps, sg);
  registerDoorbrakenHandlers(app, deps, sg);

  deps.help.addAll([
    {
      id: 'sturingsgesprek.manage',
      order: 60,
      titleKey: 'sturingsgesprek.help.manageTitle',
      descriptionKey: 'sturingsgesprek.help.manageDescription',
      verb: sturingsgesprekVerbs.overview,
      visibleTo: isManager,
    },
    {
      id: 'sturingsgesprek.answer',
      order: 61,
      titleKey: 'sturingsgesprek.help.answerTitle',
      descriptionKey: 'sturingsgesprek.help.answerDescription',
      verb: sturingsgesprekVerbs.mine,
      visibleTo: (actor) => actor.roles.has('clusterdirecteur'),
    },
  ]);

  registerSturingsgesprekJobs(deps.scheduler, sg);

  for (const format of Object.keys(downloadKinds) as ReportFormat[]) {
    deps.downloads.register(downloadKinds[format], reportFile(deps, sg.report, format));
  }
  registerSturingsgesprekMetrics(deps);
}
