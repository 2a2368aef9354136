import { renderCard, type AdaptiveCard } from '../../../platform/cards';
import type { CardText } from '../../../platform/card-text';
import type { HelpEntry } from '../../../platform/help';
import type { Actor } from '../../../platform/org/organisation';
import helpTemplate from '../../../platform/cards/help.card.json';
import welcomeTemplate from '../../../platform/cards/welcome.card.json';

/** Button titles longer than this (about a third of a chat-width card) go under their entry's text. */
const STACK_BUTTON_FROM = 28;

/** The help card: what this person may do, with one button each. */
export function renderHelpCard(text: CardText, entries: readonly HelpEntry[], actor: Actor): AdaptiveCard {
  const panel = text.local(text.org.panelName);
  const roles = [...actor.roles].map((r) => text.t(`help.roles.${r}`));
  return renderCard(helpTemplate, {
    title: text.t('help.title'),
    intro: text.t('help.intro', { panel }),
    rolesLine: text.t('help.rolesLine', { roles: roles.length ? roles.join(', ') : text.t('help.noRoles') }),
    footer: text.t('help.footer'),
    entries: entries.map((e) => {
      const button = text.t('help.openEntry', { title: text.t(e.titleKey) });
      return {
        title: text.t(e.titleKey),
        description: text.t(e.descriptionKey),
        button,
        // A long button beside the text squeezes it to a word a line: it goes under the text instead.
        stacked: button.length > STACK_BUTTON_FROM,
        verb: e.verb,
        data: e.data ?? {},
      };
    }),
  });
}

/**
 * The welcome. `languageKnown` false: Teams did not say the person's language (its install event often
 * carries none), so the card also says, in the organisation's other languages, that the bot answers in Teams' language.
 */
export function renderWelcomeCard(text: CardText, languageKnown = true): AdaptiveCard {
  const panel = text.local(text.org.panelName);
  // The hint in every other language the organisation offers, so whoever reads it finds their own.
  const others = text.org.languages.filter((l) => l !== text.locale);
  return renderCard(welcomeTemplate, {
    languageHint: languageKnown ? '' : others.map((l) => text.i18n.t(l, 'welcome.languageHint')).join('\n\n'),
    title: text.t('welcome.title', { panel }),
    body: text.t('welcome.body'),
    privacy: text.t('welcome.privacy'),
    helpButton: text.t('welcome.help'),
  });
}
