import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import { formatDate } from '../../../platform/i18n/format';
import type { Locale } from '../../../platform/org/organisation';
import type { MemberPage, NetworkOverview } from '../networks.membership.service';
import { networksVerbs } from '../networks.verbs';
import type { CardEnv } from './announcement.card';
import browseTemplate from './browse.card.json';
import membersTemplate from './members.card.json';

/** The list of networks with the actor's own membership; sent only in their 1:1 chat. */
export function renderBrowseCard(env: CardEnv, locale: Locale, overview: NetworkOverview[], notice = ''): AdaptiveCard {
  const { i18n, org } = env;
  const zone = org.data.organisation.timeZone;
  return renderCard(browseTemplate, {
    t: i18n.tree(locale, 'networks.browse'),
    notice,
    networks: overview.map(({ network, member, snoozedUntil }) => {
      const names = network.coordinators.map((id) => org.person(id)?.name).filter((n): n is string => !!n);
      return {
        networkId: network.id,
        name: org.text(network.name, locale),
        description: org.text(network.description, locale),
        coordinators: names.length ? i18n.t(locale, 'networks.browse.coordinators', { names: names.join(', ') }) : i18n.t(locale, 'networks.browse.noCoordinators'),
        state: !member ? '' : snoozedUntil ? i18n.t(locale, 'networks.browse.snoozed', { date: formatDate(snoozedUntil, locale, zone) }) : i18n.t(locale, 'networks.browse.member'),
        button: i18n.t(locale, member ? 'networks.browse.leave' : 'networks.browse.join'),
        verb: member ? networksVerbs.leave : networksVerbs.join,
      };
    }),
  });
}

/** A page of a network's members, for that network's coordinators only. */
export function renderMembersCard(env: CardEnv, locale: Locale, page: MemberPage, otherNetworks: Array<{ id: string; name: string }>): AdaptiveCard {
  const { i18n, org } = env;
  const m = (key: string, params?: Record<string, string | number>) => i18n.t(locale, `networks.members.${key}`, params);
  return renderCard(membersTemplate, {
    t: i18n.tree(locale, 'networks.members'),
    title: m('title', { network: org.text(page.network.name, locale) }),
    countLine: m('count', { count: page.total }),
    names: page.members.map((p) => ({ line: `${p.name ? escapeUserText(p.name) : m('unknownName')}${p.snoozed ? ` ${m('snoozed')}` : ''}` })),
    pageLine: page.pages > 1 ? m('page', { page: page.page, pages: page.pages }) : '',
    networkId: page.network.id,
    hasPrevious: page.page > 1,
    previousPage: String(page.page - 1),
    hasNext: page.page < page.pages,
    nextPage: String(page.page + 1),
    others: otherNetworks.map((n) => ({ title: n.name, networkId: n.id })),
  });
}
