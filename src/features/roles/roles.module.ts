import type { AppDeps } from '../../platform/deps';

/** Reading role groups again on demand needs only the sync and words. */
export type RolesDeps = Pick<AppDeps, 'org' | 'i18n' | 'logger' | 'roles'>;
