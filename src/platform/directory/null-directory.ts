import {
  DirectoryError,
  type AppInstaller,
  type Directory,
  type GroupWriter,
  type InstallOutcome,
  type PersonProfile,
} from './directory.port';

/** Without Microsoft Graph (local run, Agents Playground): nobody's name is known. */
export class NullDirectory implements Directory {
  async profiles(_ids: string[]): Promise<Map<string, PersonProfile>> {
    return new Map();
  }

  /** A group cannot be resolved without Graph: say so, so the caller keeps the people it listed. */
  async transitiveMemberIds(_groupId: string): Promise<string[]> {
    throw new DirectoryError('notConfigured');
  }
}

/** Without Microsoft Graph nobody can be reached by installing the app for them. */
export class NullInstaller implements AppInstaller {
  async installForUser(_aadObjectId: string): Promise<InstallOutcome> {
    return { ok: false, reason: 'notConfigured' };
  }
}

/** Without Microsoft Graph no group can be changed; role grants are stored instead. */
export class NullGroupWriter implements GroupWriter {
  async addMember(_groupId: string, _userId: string): Promise<void> {
    throw new DirectoryError('notConfigured');
  }
}
