import { renderCard, type AdaptiveCard } from '../../platform/cards';
import type { AppDeps } from '../../platform/deps';
import type { Actor } from '../../platform/org/organisation';
import helpTemplate from '../../platform/cards/help.card.json';
import welcomeTemplate from '../../platform/cards/welcome.card.json';

export function renderHelpCard(deps: Pick<AppDeps, 'i18n' | 'help' | 'org'>, actor: Actor): AdaptiveCard {
  const { i18n, org } = deps;
  const locale = actor.locale;
  const panel = org.text(org.data.organisation.panelName, locale);
  const roles = [...actor.roles].map((r) => i18n.t(locale, `help.roles.${r}`));
  return renderCard(helpTemplate, {
    title: i18n.t(locale, 'help.title'),
    intro: i18n.t(locale, 'help.intro', { panel }),
    rolesLine: i18n.t(locale, 'help.rolesLine', { roles: roles.length ? roles.join(', ') : i18n.t(locale, 'help.noRoles') }),
    footer: i18n.t(locale, 'help.footer'),
    entries: deps.help.entriesFor(actor).map((e) => ({
      title: i18n.t(locale, e.titleKey),
      description: i18n.t(locale, e.descriptionKey),
      button: i18n.t(locale, 'help.open'),
      verb: e.verb,
      data: e.data ?? {},
    })),
  });
}

export function renderWelcomeCard(deps: Pick<AppDeps, 'i18n' | 'org'>, actor: Actor): AdaptiveCard {
  const { i18n, org } = deps;
  const panel = org.text(org.data.organisation.panelName, actor.locale);
  return renderCard(welcomeTemplate, {
    title: i18n.t(actor.locale, 'welcome.title', { panel }),
    body: i18n.t(actor.locale, 'welcome.body'),
    privacy: i18n.t(actor.locale, 'welcome.privacy'),
    helpButton: i18n.t(actor.locale, 'welcome.help'),
  });
}
