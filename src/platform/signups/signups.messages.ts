import type { I18n } from '../i18n/i18n';
import en from './i18n/en.json';
import italian from './i18n/it.json';
import flemish from './i18n/nl-BE.json';
import nl from './i18n/nl.json';

/** The `signups.error.*` messages; I18n.register merges, so every feature may call this. */
export function registerSignupMessages(i18n: I18n): void {
  i18n.register({ nl, en, it: italian, 'nl-BE': flemish });
}
