import type { PanelApp } from '../../platform/bot/panel-app';
import type { AppDeps } from '../../platform/deps';
import { formatDate } from '../../platform/i18n/format';
import { everyone } from '../../platform/help';
import { registerSignupMessages } from '../../platform/signups';
import { isProgrammateam } from './advies.access';
import { registerAdviesHandlers } from './advies.handlers';
import { registerAdviesJobs } from './advies.jobs';
import { createAdviesModule, type AdviesModule } from './advies.module';
import { registerAdviesTriageHandlers } from './advies.triage.handlers';
import { adviesFiles, adviesVerbs } from './advies.verbs';
import en from './i18n/en.json';
import italian from './i18n/it.json';
import flemish from './i18n/nl-BE.json';
import nl from './i18n/nl.json';

/** Registers the advies feature (requests, triage, volunteers, advice, figures); returns its module. */
export function registerAdvies(app: PanelApp, deps: AppDeps): AdviesModule {
  deps.i18n.register({ nl, en, it: italian, 'nl-BE': flemish });
  registerSignupMessages(deps.i18n);
  const module = createAdviesModule(deps);

  registerAdviesHandlers(app, deps, module);
  registerAdviesTriageHandlers(app, deps, module);
  // Requests past their deadline without an answer go on the kernteam's agenda by themselves.
  deps.agenda.add(async (now) =>
    (await module.overdueRequests(now)).map((r) => ({
      messageKey: 'advies.agenda.overdue',
      params: {
        code: r.code,
        subject: r.subject,
        deadline: formatDate(r.deadline, deps.org.defaultLocale, deps.org.timeZone),
      },
    })),
  );

  deps.help.addAll([
    {
      id: 'advies.request',
      order: 70,
      titleKey: 'advies.help.request.title',
      descriptionKey: 'advies.help.request.description',
      verb: adviesVerbs.newForm,
      visibleTo: everyone,
    },
    {
      id: 'advies.mine',
      order: 71,
      titleKey: 'advies.help.mine.title',
      descriptionKey: 'advies.help.mine.description',
      verb: adviesVerbs.mine,
      visibleTo: everyone,
    },
    {
      id: 'advies.queue',
      order: 72,
      titleKey: 'advies.help.queue.title',
      descriptionKey: 'advies.help.queue.description',
      verb: adviesVerbs.queue,
      visibleTo: isProgrammateam,
    },
  ]);

  registerAdviesJobs(deps.scheduler, module);
  deps.downloads.register(adviesFiles.figuresCsv, (id, subject) => module.files.csv(id, subject));
  return module;
}
