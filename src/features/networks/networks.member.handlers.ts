import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { PanelApp } from '../../platform/bot/panel-app';
import { isPersonal, onCardAction, onCommand } from '../../platform/bot/routes';
import type { AdaptiveCard } from '../../platform/cards';
import { CardText } from '../../platform/card-text';
import { formatDate } from '../../platform/i18n/format';
import type { Actor } from '../../platform/org/organisation';
import { renderAnnouncementCard, type PersonalView } from './cards/announcement.card';
import { renderBrowseCard } from './cards/networks.card';
import { UNTIL_TURNED_ON } from './networks.membership.service';
import { networksErrors } from './networks.errors';
import type { NetworksDeps, NetworksModule } from './networks.module';
import { announcementRefSchema, networkRefSchema, snoozeSchema } from './networks.schemas';
import type { RsvpResult } from './networks.types';
import { networksCommands, networksVerbs } from './networks.verbs';

/** The Teams channel an activity came from (a channel post's conversation id carries `;messageid=`). */
function channelIdOf(context: TurnContext): string | undefined {
  if (isPersonal(context)) return undefined;
  const channelData = context.activity.channelData as { channel?: { id?: string } } | undefined;
  return channelData?.channel?.id ?? context.activity.conversation?.id?.split(';')[0];
}

/** Medewerker flows: browse, join, leave, snooze (1:1 only) and meetup RSVP (also in the network's channel). */
export function registerMemberHandlers(app: PanelApp, deps: NetworksDeps, m: NetworksModule): void {
  const personalOnly = { personalOnly: networksErrors.personalOnly };
  const browse = async (text: CardText, actor: Actor, notice = '') =>
    renderBrowseCard(text, await m.membership.overview(actor), notice);

  /** After snooze or leave from an announcement: that card again, with a note for this person only. */
  const onAnnouncement = async (
    text: CardText,
    networkId: string,
    announcementId: string | undefined,
    view: PersonalView,
  ): Promise<AdaptiveCard | undefined> => {
    const doc = await m.announcements.sentTo(networkId, announcementId);
    return doc && renderAnnouncementCard(text, doc, 'member', view);
  };

  onCommand(
    app,
    deps,
    networksCommands.browse,
    async (actor) => browse(CardText.for(deps, actor.locale), actor),
    personalOnly,
  );
  const anything = z.object({}).passthrough();
  onCardAction(
    app,
    deps,
    networksVerbs.browse,
    anything,
    (actor) => browse(CardText.for(deps, actor.locale), actor),
    personalOnly,
  );

  onCardAction(
    app,
    deps,
    networksVerbs.join,
    networkRefSchema,
    async (actor, input, context) => {
      const text = CardText.for(deps, actor.locale);
      const { network, changed } = await m.membership.join(
        actor,
        input.networkId,
        context.activity.from?.name,
      );
      const notice = text.t(changed ? 'networks.browse.joined' : 'networks.browse.alreadyMember', {
        network: text.local(network.name),
      });
      return browse(text, actor, notice);
    },
    personalOnly,
  );

  onCardAction(
    app,
    deps,
    networksVerbs.leave,
    networkRefSchema,
    async (actor, input) => {
      const text = CardText.for(deps, actor.locale);
      const { network, changed } = await m.membership.leave(actor, input.networkId);
      const networkName = text.local(network.name);
      const note = text.t('networks.card.left', { network: networkName });
      const card = await onAnnouncement(text, network.id, input.announcementId, { note, left: true });
      return (
        card ??
        browse(
          text,
          actor,
          text.t(changed ? 'networks.browse.left' : 'networks.browse.notMember', { network: networkName }),
        )
      );
    },
    personalOnly,
  );

  onCardAction(
    app,
    deps,
    networksVerbs.snooze,
    snoozeSchema,
    async (actor, input) => {
      const text = CardText.for(deps, actor.locale);
      const { network, until } = await m.membership.snooze(actor, input.networkId, input.period);
      const name = text.local(network.name);
      const note =
        until === UNTIL_TURNED_ON
          ? text.t('networks.card.snoozedUntilOff', { network: name })
          : text.t('networks.card.snoozed', {
              network: name,
              date: formatDate(until, actor.locale, text.timeZone),
            });
      return (
        (await onAnnouncement(text, network.id, input.announcementId, { note })) ?? browse(text, actor, note)
      );
    },
    personalOnly,
  );

  onCardAction(
    app,
    deps,
    networksVerbs.unsnooze,
    networkRefSchema,
    async (actor, input) => {
      const text = CardText.for(deps, actor.locale);
      const network = await m.membership.unsnooze(actor, input.networkId);
      return browse(text, actor, text.t('networks.card.unsnoozed', { network: text.local(network.name) }));
    },
    personalOnly,
  );

  const rsvpView = (actor: Actor, context: TurnContext, r: RsvpResult) =>
    renderAnnouncementCard(
      CardText.for(deps, actor.locale),
      r.doc,
      isPersonal(context) ? 'member' : 'channel',
      { rsvp: r.status, icsUrl: r.icsUrl },
    );

  onCardAction(app, deps, networksVerbs.rsvp, announcementRefSchema, async (actor, input, context) => {
    const where = { channelId: channelIdOf(context), displayName: context.activity.from?.name };
    const result = await m.meetups.signUp(actor, input.announcementId, where);
    return rsvpView(actor, context, result);
  });

  onCardAction(app, deps, networksVerbs.cancelRsvp, announcementRefSchema, async (actor, input, context) => {
    const result = await m.meetups.cancel(actor, input.announcementId, { channelId: channelIdOf(context) });
    return rsvpView(actor, context, result);
  });
}
