import type { TurnContext } from 'botbuilder';
import type { ZodType, ZodTypeDef } from 'zod';
import { renderCard, type AdaptiveCard } from '../cards';
import type { AppDeps } from '../deps';
import { isAppError, type AppError } from '../errors';
import { localeFrom } from '../i18n/i18n';
import type { Actor, Locale } from '../org/organisation';
import noticeTemplate from '../cards/notice.card.json';

/** Bot-edge helpers for feature handlers: who is acting, and how to answer in their language. */

export function localeOf(context: TurnContext, deps: Pick<AppDeps, 'org'>): Locale {
  const entity = context.activity.entities?.find((e) => e.type === 'clientInfo') as { locale?: string } | undefined;
  return localeFrom(context.activity.locale ?? entity?.locale, deps.org.defaultLocale);
}

/** The acting person, from the server-side org file; whatever a card claimed is ignored. */
export function actorOf(context: TurnContext, deps: Pick<AppDeps, 'org'>): Actor {
  const from = context.activity.from;
  return deps.org.actor(from.aadObjectId ?? from.id, localeOf(context, deps));
}

export function noticeCard(text: string, title = '', color: 'Default' | 'Attention' | 'Good' | 'Warning' = 'Default'): AdaptiveCard {
  return renderCard(noticeTemplate, { title, text, color });
}

export function errorCard(deps: Pick<AppDeps, 'i18n'>, locale: Locale, error: AppError): AdaptiveCard {
  return noticeCard(deps.i18n.t(locale, error.messageKey, error.params), '', 'Attention');
}

/** Validates untrusted card data; undefined means "tell the user, change nothing". */
export function parsePayload<T>(schema: ZodType<T, ZodTypeDef, unknown>, data: unknown): T | undefined {
  const result = schema.safeParse(data ?? {});
  return result.success ? result.data : undefined;
}

/**
 * Runs a card action: expected failures become an error card in the user's language; anything else
 * propagates to the app's error boundary.
 */
export async function answerCard(
  deps: Pick<AppDeps, 'i18n'>,
  locale: Locale,
  work: () => Promise<AdaptiveCard>,
): Promise<AdaptiveCard> {
  try {
    return await work();
  } catch (err) {
    if (isAppError(err)) return errorCard(deps, locale, err);
    throw err;
  }
}
