import type { TurnContext } from 'botbuilder';
import { renderCard, type AdaptiveCard } from '../cards';
import type { AppDeps } from '../deps';
import type { AppError } from '../errors';
import { localeFrom } from '../i18n/i18n';
import type { Actor, Locale } from '../org/organisation';
import noticeTemplate from '../cards/notice.card.json';

/** Bot-edge helpers for feature handlers: who is acting, and how to answer in their language. */

export function localeOf(context: TurnContext, deps: Pick<AppDeps, 'org'>): Locale {
  return givenLocaleOf(context, deps) ?? deps.org.defaultLocale;
}

/**
 * The client's language if this activity says it, among those the organisation offers (see
 * `resolveLocale`); install events (conversationUpdate) often say none.
 */
export function givenLocaleOf(context: TurnContext, deps: Pick<AppDeps, 'org'>): Locale | undefined {
  const entity = context.activity.entities?.find((e) => e.type === 'clientInfo') as
    { locale?: string } | undefined;
  const tag = context.activity.locale ?? entity?.locale;
  return tag ? localeFrom(tag, deps.org) : undefined;
}

/**
 * The acting person, from the server-side org file; whatever a card claimed is ignored. Only the Entra
 * object id counts: the edge guard refused every activity without one (never `from.id`).
 */
export function actorOf(context: TurnContext, deps: Pick<AppDeps, 'org'>): Actor {
  const aadObjectId = context.activity.from?.aadObjectId;
  if (!aadObjectId) throw new Error('activity without aadObjectId passed the edge guard');
  return deps.org.actor(aadObjectId, localeOf(context, deps));
}

export function noticeCard(
  text: string,
  title = '',
  color: 'Default' | 'Attention' | 'Warning' = 'Default',
): AdaptiveCard {
  return renderCard(noticeTemplate, { title, text, color });
}

export function errorCard(deps: Pick<AppDeps, 'i18n'>, locale: Locale, error: AppError): AdaptiveCard {
  return noticeCard(deps.i18n.t(locale, error.messageKey, error.params), '', 'Attention');
}
