import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { PanelApp } from '../../platform/bot/panel-app';
import type { AdaptiveCard } from '../../platform/cards';
import { formatDate } from '../../platform/i18n/format';
import type { Actor } from '../../platform/org/organisation';
import { renderAnnouncementCard, type PersonalView } from './cards/announcement.card';
import { renderBrowseCard } from './cards/networks.card';
import { channelIdOf, command, execute, isPersonal } from './networks.common.handlers';
import type { NetworksModule } from './networks.module';
import { announcementRefSchema, networkRefSchema } from './networks.schemas';
import { networksCommands, networksVerbs } from './networks.verbs';

/** Medewerker flows: browse, join, leave, snooze (1:1 only) and meetup RSVP (also in the network's channel). */
export function registerMemberHandlers(app: PanelApp, m: NetworksModule): void {
  const { i18n } = m.deps;
  const browse = async (actor: Actor, notice = '') => renderBrowseCard(m.env, actor.locale, await m.membership.overview(actor), notice);
  const name = (actor: Actor, networkId: string) => m.deps.org.text(m.deps.org.data.networks.find((n) => n.id === networkId)?.name, actor.locale);

  /** After snooze or leave from an announcement: that card again, with a note for this person only. */
  const onAnnouncement = async (actor: Actor, networkId: string, announcementId: string | undefined, view: PersonalView): Promise<AdaptiveCard | undefined> => {
    const doc = announcementId ? await m.announcementsRepo.get(announcementId) : undefined;
    if (!doc || doc.networkId !== networkId || doc.status !== 'sent') return undefined;
    return renderAnnouncementCard(m.env, actor.locale, doc, 'member', view);
  };

  command(app, m, networksCommands.browse, (actor) => browse(actor));
  execute(app, m, networksVerbs.browse, z.object({}).passthrough(), (actor) => browse(actor), { personalOnly: true });

  execute(app, m, networksVerbs.join, networkRefSchema, async (actor, data, context) => {
    const { network, changed } = await m.membership.join(actor, data.networkId, context.activity.from?.name);
    const key = changed ? 'networks.browse.joined' : 'networks.browse.alreadyMember';
    return browse(actor, i18n.t(actor.locale, key, { network: m.deps.org.text(network.name, actor.locale) }));
  }, { personalOnly: true });

  execute(app, m, networksVerbs.leave, networkRefSchema, async (actor, data) => {
    const { network, changed } = await m.membership.leave(actor, data.networkId);
    const networkName = m.deps.org.text(network.name, actor.locale);
    const card = await onAnnouncement(actor, network.id, data.announcementId, { note: i18n.t(actor.locale, 'networks.card.left', { network: networkName }), left: true });
    return card ?? browse(actor, i18n.t(actor.locale, changed ? 'networks.browse.left' : 'networks.browse.notMember', { network: networkName }));
  }, { personalOnly: true });

  execute(app, m, networksVerbs.snooze, networkRefSchema, async (actor, data) => {
    const { network, until } = await m.membership.snooze(actor, data.networkId);
    const note = i18n.t(actor.locale, 'networks.card.snoozed', {
      network: name(actor, network.id),
      date: formatDate(until, actor.locale, m.deps.org.data.organisation.timeZone),
    });
    return (await onAnnouncement(actor, network.id, data.announcementId, { note })) ?? browse(actor, note);
  }, { personalOnly: true });

  const rsvpView = (actor: Actor, context: TurnContext, r: Awaited<ReturnType<typeof m.meetups.signUp>>) =>
    renderAnnouncementCard(m.env, actor.locale, r.doc, isPersonal(context) ? 'member' : 'channel', { rsvp: r.status });

  execute(app, m, networksVerbs.rsvp, announcementRefSchema, async (actor, data, context) => {
    const result = await m.meetups.signUp(actor, data.announcementId, { channelId: channelIdOf(context), displayName: context.activity.from?.name });
    return rsvpView(actor, context, result);
  });

  execute(app, m, networksVerbs.cancelRsvp, announcementRefSchema, async (actor, data, context) => {
    const result = await m.meetups.cancel(actor, data.announcementId, { channelId: channelIdOf(context) });
    return rsvpView(actor, context, result);
  });
}
