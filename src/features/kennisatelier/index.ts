import type { PanelApp } from '../../platform/bot/panel-app';
import type { AppDeps } from '../../platform/deps';
import { everyone } from '../../platform/help';
import { registerSignupMessages, SignupService } from '../../platform/signups';
import { canCreateAteliers } from './kennisatelier.access';
import { AtelierAdminService } from './kennisatelier.admin.service';
import type { AtelierContext } from './kennisatelier.context';
import { csvFor, icsFor } from './kennisatelier.files';
import { registerAtelierHandlers } from './kennisatelier.handlers';
import { registerAtelierJobs } from './kennisatelier.jobs';
import { AtelierNotifier } from './kennisatelier.notifier';
import { registerOrganiserHandlers } from './kennisatelier.organiser.handlers';
import { AtelierRepository } from './kennisatelier.repository';
import { AtelierRosterService } from './kennisatelier.roster.service';
import type { AtelierServices } from './kennisatelier.services';
import { AtelierSignupService } from './kennisatelier.signup.service';
import { kennisatelierFiles, kennisatelierVerbs } from './kennisatelier.verbs';
import en from './i18n/en.json';
import nl from './i18n/nl.json';

/** Builds the feature's services on the app's deps (also used by tests that skip the bot). */
export function createAtelierServices(deps: AppDeps): AtelierServices {
  const ctx: AtelierContext = {
    deps,
    repo: new AtelierRepository(deps.store),
    signups: new SignupService(deps.store, deps.clock),
    log: deps.logger.child({ feature: 'kennisatelier' }),
  };
  const notifier = new AtelierNotifier(ctx);
  const admin = new AtelierAdminService(ctx, notifier);
  return { ctx, notifier, signup: new AtelierSignupService(ctx, notifier), admin, roster: new AtelierRosterService(ctx, admin) };
}

/** Registers the kennisatelier feature's routes, help entries, message catalogues and jobs. */
export function registerKennisatelier(app: PanelApp, deps: AppDeps): void {
  deps.i18n.register(nl, en);
  registerSignupMessages(deps.i18n);
  const services = createAtelierServices(deps);

  deps.help.add({
    id: 'kennisatelier.list',
    order: 10,
    titleKey: 'kennisatelier.help.list.title',
    descriptionKey: 'kennisatelier.help.list.description',
    verb: kennisatelierVerbs.list,
    visibleTo: everyone,
  });
  deps.help.add({
    id: 'kennisatelier.create',
    order: 11,
    titleKey: 'kennisatelier.help.create.title',
    descriptionKey: 'kennisatelier.help.create.description',
    verb: kennisatelierVerbs.newForm,
    visibleTo: canCreateAteliers,
  });

  registerAtelierHandlers(app, deps, services);
  registerOrganiserHandlers(app, deps, services);
  registerAtelierJobs(deps.scheduler, services.ctx, services.notifier);
  deps.downloads.register(kennisatelierFiles.ics, (id, subject) => icsFor(services.ctx, id, subject));
  deps.downloads.register(kennisatelierFiles.csv, (id, subject) => csvFor(services.ctx, id, subject));
}
