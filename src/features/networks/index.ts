import type { PanelApp } from '../../platform/bot/panel-app';
import type { AppDeps } from '../../platform/deps';
import { everyone } from '../../platform/help';
import { hasRole, type Actor } from '../../platform/org/organisation';
import { registerSignupMessages } from '../../platform/signups';
import en from './i18n/en.json';
import italian from './i18n/it.json';
import flemish from './i18n/nl-BE.json';
import nl from './i18n/nl.json';
import { registerAnnounceHandlers } from './networks.announce.handlers';
import { registerCoordinatorHandlers } from './networks.coordinator.handlers';
import { registerNetworksJobs } from './networks.jobs';
import { registerMemberHandlers } from './networks.member.handlers';
import { createNetworksModule } from './networks.module';
import { networksFiles, networksVerbs } from './networks.verbs';
import { registerNetworksMetrics } from './networks.metrics';

const coordinators = (actor: Actor) => hasRole(actor, 'netwerkcoordinator');

/** Registers the networks feature's routes, help entries, message catalogues and jobs. */
export function registerNetworks(app: PanelApp, deps: AppDeps): void {
  deps.i18n.register({ nl, en, it: italian, 'nl-BE': flemish });
  registerSignupMessages(deps.i18n);
  const m = createNetworksModule(deps);
  // Other features ask "is this person in the audience?"; they never learn who the members are.
  deps.networkMembership.provide((networkId, id) => m.membership.isMember(networkId, id));

  registerMemberHandlers(app, deps, m);
  registerAnnounceHandlers(app, deps, m);
  registerCoordinatorHandlers(app, deps, m);

  deps.help.addAll([
    {
      id: 'networks.browse',
      order: 50,
      titleKey: 'networks.help.browse.title',
      descriptionKey: 'networks.help.browse.description',
      verb: networksVerbs.browse,
      visibleTo: everyone,
    },
    {
      id: 'networks.announce',
      order: 51,
      titleKey: 'networks.help.announce.title',
      descriptionKey: 'networks.help.announce.description',
      verb: networksVerbs.form,
      data: { kind: 'plain' },
      visibleTo: coordinators,
    },
    {
      id: 'networks.members',
      order: 52,
      titleKey: 'networks.help.members.title',
      descriptionKey: 'networks.help.members.description',
      verb: networksVerbs.members,
      visibleTo: coordinators,
    },
  ]);

  registerNetworksJobs(deps.scheduler, m);
  deps.downloads.register(networksFiles.ics, (id, subject) => m.files.ics(id, subject));
  registerNetworksMetrics(deps);
}
