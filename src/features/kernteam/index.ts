import type { PanelApp } from '../../platform/bot/panel-app';
import type { AppDeps } from '../../platform/deps';
import { everyone } from '../../platform/help';
import en from './i18n/en.json';
import italian from './i18n/it.json';
import flemish from './i18n/nl-BE.json';
import nl from './i18n/nl.json';
import { isKernteam, isProgrammateam } from './kernteam.access';
import { registerAgendaHandlers } from './kernteam.agenda.handlers';
import { registerJoinHandlers } from './kernteam.join.handlers';
import { registerKernteamJobs } from './kernteam.jobs';
import { createKernteamModule } from './kernteam.module';
import { registerSignalHandlers } from './kernteam.signals.handlers';
import { kernteamDownloads, kernteamVerbs } from './kernteam.verbs';

/** Registers the kernteam feature: signals, the kernteam agenda, meedoen and the signal figures. */
export function registerKernteam(app: PanelApp, deps: AppDeps): void {
  deps.i18n.register({ nl, en, it: italian, 'nl-BE': flemish });
  const kernteam = createKernteamModule(deps);

  registerSignalHandlers(app, deps, kernteam);
  registerAgendaHandlers(app, deps, kernteam);
  registerJoinHandlers(app, deps, kernteam);

  deps.help.addAll([
    {
      id: 'kernteam.signals',
      order: 70,
      titleKey: 'kernteam.help.signalsTitle',
      descriptionKey: 'kernteam.help.signalsDescription',
      verb: kernteamVerbs.signals,
      visibleTo: isKernteam,
    },
    {
      id: 'kernteam.agenda',
      order: 71,
      titleKey: 'kernteam.help.agendaTitle',
      descriptionKey: 'kernteam.help.agendaDescription',
      verb: kernteamVerbs.agenda,
      visibleTo: isKernteam,
    },
    {
      id: 'kernteam.joinList',
      order: 72,
      titleKey: 'kernteam.help.joinListTitle',
      descriptionKey: 'kernteam.help.joinListDescription',
      verb: kernteamVerbs.joinList,
      visibleTo: isProgrammateam,
    },
    {
      id: 'kernteam.join',
      order: 73,
      titleKey: 'kernteam.help.joinTitle',
      descriptionKey: 'kernteam.help.joinDescription',
      verb: kernteamVerbs.joinForm,
      visibleTo: everyone,
    },
  ]);

  registerKernteamJobs(deps.scheduler, kernteam);
  deps.downloads.register(kernteamDownloads.figures, (id, subject) => kernteam.files.csv(id, subject));
  // The next agenda job is planned at start and again after each agenda; scheduling is idempotent.
  kernteam.agenda
    .ensureScheduled()
    .catch((err: unknown) => deps.logger.error({ err }, 'kernteam: planning the agenda failed'));
}
