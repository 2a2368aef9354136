import { AppError } from '../../platform/errors';
import type { Actor, Organisation } from '../../platform/org/organisation';
import type { Network } from '../../platform/org/org.schema';

/** Expected failures; each key has a message in i18n/{nl,en}.json under `networks.error`. */
const err = (key: string, params: Record<string, string | number> = {}) => new AppError(`networks.${key}`, `networks.error.${key}`, params);

export const networksErrors = {
  unknownNetwork: () => err('unknownNetwork'),
  notCoordinator: () => err('notCoordinator'),
  notMember: () => err('notMember'),
  personalOnly: () => err('personalOnly'),
  announcementNotFound: () => err('announcementNotFound'),
  retracted: () => err('retracted'),
  alreadySent: () => err('alreadySent'),
  notSent: () => err('notSent'),
  meetupInPast: () => err('meetupInPast'),
  badDateTime: () => err('badDateTime'),
  noChannel: () => err('noChannel'),
  noRecipients: () => err('noRecipients'),
  noRsvp: () => err('noRsvp'),
  meetupStarted: () => err('meetupStarted'),
  changedMeanwhile: () => err('changedMeanwhile'),
  kindFixed: () => err('kindFixed'),
  changeWindowClosed: () => err('changeWindowClosed'),
};

export function networkOf(org: Organisation, networkId: string): Network {
  const network = org.data.networks.find((n) => n.id === networkId);
  if (!network) throw networksErrors.unknownNetwork();
  return network;
}

/**
 * The one authorisation rule of the feature: only a network's own coordinators (from the organisation
 * file, read per turn) may announce to it, see its members or manage its announcements.
 */
export function requireCoordinator(org: Organisation, actor: Actor, networkId: string): Network {
  const network = networkOf(org, networkId);
  if (!actor.coordinatorOf.includes(network.id)) throw networksErrors.notCoordinator();
  return network;
}
