import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import type { CardText } from '../../../platform/card-text';
import { formatDate } from '../../../platform/i18n/format';
import type { MemberPage, NetworkOverview } from '../networks.types';
import { UNTIL_TURNED_ON } from '../networks.membership.service';
import { networksVerbs } from '../networks.verbs';
import browseTemplate from './browse.card.json';
import membersTemplate from './members.card.json';

/** The list of networks with the actor's own membership; sent only in their 1:1 chat. */
export function renderBrowseCard(text: CardText, overview: NetworkOverview[], notice = ''): AdaptiveCard {
  const { org, locale } = text;
  return renderCard(browseTemplate, {
    t: text.i18n.tree(locale, 'networks.browse'),
    mute: text.i18n.tree(locale, 'networks.card'),
    notice,
    networks: overview.map(({ network, member, snoozedUntil }) => {
      const names = network.coordinators.map((id) => org.person(id)?.name).filter((n): n is string => !!n);
      return {
        networkId: network.id,
        name: text.local(network.name),
        description: text.local(network.description),
        coordinators: names.length
          ? text.t('networks.browse.coordinators', { names: names.join(', ') })
          : text.t('networks.browse.noCoordinators'),
        state: !member
          ? ''
          : snoozedUntil === UNTIL_TURNED_ON
            ? text.t('networks.browse.snoozedUntilOff')
            : snoozedUntil
              ? text.t('networks.browse.snoozed', { date: formatDate(snoozedUntil, locale, text.timeZone) })
              : text.t('networks.browse.member'),
        // Each button names its network: "Lid worden" four times says nothing to a screen reader.
        button: text.t(member ? 'networks.browse.leaveOne' : 'networks.browse.joinOne', {
          network: text.local(network.name),
        }),
        verb: member ? networksVerbs.leave : networksVerbs.join,
        // Members pause or resume this network's announcements here too, not only from an announcement.
        showMute: member && !snoozedUntil,
        showUnmute: member && !!snoozedUntil,
        muteTitle: text.t('networks.browse.muteOne', { network: text.local(network.name) }),
        unmuteTitle: text.t('networks.browse.unmuteOne', { network: text.local(network.name) }),
        muteWeekTitle: text.t('networks.browse.muteWeekOne', { network: text.local(network.name) }),
        muteMonthTitle: text.t('networks.browse.muteMonthOne', { network: text.local(network.name) }),
        muteUntilOffTitle: text.t('networks.browse.muteUntilOffOne', { network: text.local(network.name) }),
      };
    }),
  });
}

/** A page of a network's members, for that network's coordinators only. */
export function renderMembersCard(
  text: CardText,
  page: MemberPage,
  otherNetworks: Array<{ id: string; name: string }>,
): AdaptiveCard {
  const m = (key: string, params?: Record<string, string | number>) =>
    text.t(`networks.members.${key}`, params);
  return renderCard(membersTemplate, {
    t: text.i18n.tree(text.locale, 'networks.members'),
    title: m('title', { network: text.local(page.network.name) }),
    countLine: m('count', { count: page.total }),
    names: page.members.map((p) => ({
      line: `${escapeUserText(text.person(p.name))}${p.snoozed ? ` ${m('snoozed')}` : ''}`,
    })),
    pageLine: page.pages > 1 ? m('page', { page: page.page, pages: page.pages }) : '',
    networkId: page.network.id,
    hasPrevious: page.page > 1,
    previousPage: String(page.page - 1),
    hasNext: page.page < page.pages,
    nextPage: String(page.page + 1),
    others: otherNetworks.map((n) => ({ title: n.name, networkId: n.id })),
  });
}
