import type { CardText } from '../../../platform/card-text';
import { renderCard, type AdaptiveCard } from '../../../platform/cards';
import type { RoleRefresh } from '../../../platform/org/role-sync';
import template from './roles-refreshed.card.json';

/** What each group now grants, by count; people are never listed. */
export function renderRolesRefreshedCard(text: CardText, result: RoleRefresh): AdaptiveCard {
  const label = (grants: string) => {
    const [kind, id] = grants.split(':');
    if (kind === 'coordinator')
      return text.t('roles.grant.coordinator', { network: text.local(text.org.network(id)?.name) || id });
    if (kind === 'director')
      return text.t('roles.grant.director', { cluster: text.local(text.org.cluster(id)?.name) || id });
    return text.t(`roles.grant.${kind}`);
  };
  return renderCard(template, {
    title: text.t('roles.refreshed.title'),
    intro: text.t(result.grants.length ? 'roles.refreshed.intro' : 'roles.refreshed.noGroups'),
    rows: result.grants.map((g) => ({
      label: label(g.grants),
      value: text.t('roles.refreshed.members', { count: g.members }),
    })),
    kept: result.kept.length
      ? text.t('roles.refreshed.kept', { grants: result.kept.map(label).join(', ') })
      : '',
  });
}
