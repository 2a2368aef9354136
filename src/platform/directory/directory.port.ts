/**
 * What the rest of Panelbot may know about people beyond the organisation file, and how it reaches
 * someone who never opened the bot. Plain types: the Microsoft Graph adapters live in
 * `src/platform/graph/`, the stand-ins for a run without Graph in `./null-directory.ts`.
 *
 * @remarks Every id here is an Entra ID object id (`aadObjectId`), lower-case, as in `userKey()`.
 * A person's name is personal data: keep it only where a feature needs it, never log it.
 */

export interface PersonProfile {
  displayName: string;
  /** BCP 47 tag from Entra ID (e.g. `nl-NL`), when the tenant set one. */
  preferredLanguage?: string;
}

export interface Directory {
  /**
   * Names (and preferred languages) for many people at once. The map is keyed by the lower-case id;
   * ids the directory does not know (deleted, mistyped, not a person) are absent, never an error.
   *
   * @throws {DirectoryError} `unavailable` when the directory could not be asked (outage, throttling
   * beyond the retry budget): callers keep what they had.
   */
  profiles(ids: string[]): Promise<Map<string, PersonProfile>>;
  /**
   * Every person in a group, through nested groups too: users only, lower-case ids, no duplicates.
   *
   * @throws {DirectoryError} `groupNotFound` for an unknown group, `forbidden` when the app may not read
   * it, `unavailable` on an outage, `notConfigured` without a directory. Callers keep the last good set.
   */
  transitiveMemberIds(groupId: string): Promise<string[]>;
}

export type DirectoryErrorCode = 'groupNotFound' | 'forbidden' | 'unavailable' | 'notConfigured';

export class DirectoryError extends Error {
  constructor(
    readonly code: DirectoryErrorCode,
    /** Status or error code for logs (never names or message text from the service). */
    readonly detail?: string,
  ) {
    super(detail ? `directory: ${code} (${detail})` : `directory: ${code}`);
    this.name = 'DirectoryError';
  }
}

/**
 * Why the app could not be installed for a person (and so a 1:1 chat could not be made):
 * - `blocked`: a Teams app permission policy blocks the app for this person;
 * - `userNotFound`: no such user in the tenant (deleted, or not a user id);
 * - `noLicense`: the person has no Teams licence;
 * - `disabled`: the account is disabled (cannot sign in);
 * - `notConfigured`: Graph is not configured here, or the app is not in the organisation's catalog;
 * - `failed`: anything else; `retryable` says whether trying again later may help (throttling, outage).
 */
export type InstallFailureReason =
  'blocked' | 'userNotFound' | 'noLicense' | 'disabled' | 'notConfigured' | 'failed';

export type InstallOutcome =
  | { ok: true; chatId: string; alreadyInstalled: boolean }
  | {
      ok: false;
      reason: InstallFailureReason;
      /** HTTP status and service error code, e.g. `HTTP_403:Forbidden`; never message text. */
      detail?: string;
      /** True when the cause is transient (429 or 5xx beyond the retry budget, network). */
      retryable?: boolean;
    };

export interface AppInstaller {
  /**
   * Installs the Teams app in the person's personal scope (idempotent: an existing installation
   * counts as success) and returns the id of the 1:1 chat between the person and the bot.
   *
   * @remarks Installing makes Teams send the bot an install event for this person as well.
   */
  installForUser(aadObjectId: string): Promise<InstallOutcome>;
}

/** Writing role groups (meedoen: an accepted kernteamlid joins the kernteam group). */
export interface GroupWriter {
  /**
   * Adds a user to a group; a person already in it counts as success.
   *
   * @throws {DirectoryError} `forbidden` without `GroupMember.ReadWrite.All`, `groupNotFound`,
   * `unavailable` on an outage, `notConfigured` without Graph.
   */
  addMember(groupId: string, userId: string): Promise<void>;
}
