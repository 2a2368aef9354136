import type { AppDeps } from '../../platform/deps';
import { localeFrom } from '../../platform/i18n/i18n';
import type { Logger } from '../../platform/logger';
import type { Locale } from '../../platform/org/organisation';
import type { SignupService } from '../../platform/signups';
import type { AtelierRepository } from './kennisatelier.repository';

/** The parts of AppDeps this feature's services use (no bot framework in here). */
export type AtelierDeps = Pick<AppDeps, 'clock' | 'org' | 'i18n' | 'delivery' | 'scheduler' | 'conversations' | 'downloads'>;

export interface AtelierContext {
  deps: AtelierDeps;
  repo: AtelierRepository;
  signups: SignupService;
  log: Logger;
}

export const defaultLocale = (ctx: AtelierContext): Locale => ctx.deps.org.data.organisation.defaultLocale;
export const zoneOf = (ctx: AtelierContext): string => ctx.deps.org.data.organisation.timeZone;
export const localeOrDefault = (ctx: AtelierContext, tag: string | undefined): Locale => localeFrom(tag, defaultLocale(ctx));
