import type { I18n } from './i18n/i18n';
import type { LocalizedText } from './org/org.schema';
import type { Locale, Organisation } from './org/organisation';

/**
 * What a card renderer needs to put words on a card: the person's language, the message catalogues
 * and the organisation's own terms and zone. Renderers take this and their data, never the whole deps.
 */
export class CardText {
  constructor(
    readonly i18n: I18n,
    readonly org: Organisation,
    readonly locale: Locale,
  ) {}

  static for(deps: { i18n: I18n; org: Organisation }, locale: Locale): CardText {
    return new CardText(deps.i18n, deps.org, locale);
  }

  /** A catalogue message in this person's language. */
  t(key: string, params: Record<string, string | number> = {}): string {
    return this.i18n.t(this.locale, key, params);
  }

  /** An organisation-file text (a network's name, the panel's name) in this person's language. */
  local(text: LocalizedText | undefined): string {
    return this.org.text(text, this.locale);
  }

  /**
   * A person as people read them: the name, or the catalogue's neutral word when nobody could name
   * them. Never the id. Not escaped: a card escapes it as user text.
   */
  person(name: string | undefined): string {
    return name?.trim() || this.t('common.unknownPerson');
  }

  get timeZone(): string {
    return this.org.timeZone;
  }
}
