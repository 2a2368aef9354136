import type { AppDeps } from '../../platform/deps';

/** Help needs the registry the other features filled, and words. */
export type HelpDeps = Pick<
  AppDeps,
  'org' | 'i18n' | 'logger' | 'help' | 'conversations' | 'delivery' | 'roles' | 'clock'
>;
