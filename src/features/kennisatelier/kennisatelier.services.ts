import type { AtelierAdminService } from './kennisatelier.admin.service';
import type { AtelierContext } from './kennisatelier.context';
import type { AtelierRosterService } from './kennisatelier.roster.service';
import type { AtelierNotifier } from './kennisatelier.notifier';
import type { AtelierSignupService } from './kennisatelier.signup.service';

/** What the handlers are given; built once in index.ts. */
export interface AtelierServices {
  ctx: AtelierContext;
  notifier: AtelierNotifier;
  signup: AtelierSignupService;
  admin: AtelierAdminService;
  roster: AtelierRosterService;
}
