import { statSync } from 'node:fs';
import type { Logger } from '../logger';
import type { OrgFile } from './org.schema';
import { OrgFileError, Organisation } from './organisation';

export interface ReloadOptions {
  /** What the running bot cannot take beyond the schema (e.g. role groups without Graph); problems, or none. */
  accept?: (data: OrgFile) => string[];
  onChange?: () => Promise<unknown>;
}

/**
 * Picks up an edited organisation file without a restart. The new file is validated first; a bad one
 * leaves the running organisation as it was and logs where the problems are (paths, not contents: a
 * parse error's message can quote the file, and the file holds names).
 */
export class OrgReloader {
  private stamp: string | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly org: Organisation,
    private readonly file: string,
    private readonly logger: Logger,
    private readonly options: ReloadOptions = {},
  ) {
    this.stamp = this.stampOf();
  }

  /** Reloads when the file changed since the last look; true when a new organisation took effect. */
  async check(): Promise<boolean> {
    const stamp = this.stampOf();
    if (stamp === this.stamp) return false;
    this.stamp = stamp;
    try {
      const data = Organisation.readFile(this.file);
      const refused = this.options.accept?.(data) ?? [];
      if (refused.length) throw new OrgFileError(this.file, refused);
      this.org.replaceData(data);
    } catch (err) {
      const problems = err instanceof OrgFileError ? err.problems.map(safeProblem) : ['unreadable'];
      this.logger.error(
        { file: this.file, problems },
        'organisation file rejected; the previous one stays in force',
      );
      return false;
    }
    this.logger.info({ file: this.file }, 'organisation file reloaded');
    await this.options.onChange?.();
    return true;
  }

  start(intervalMs: number): void {
    this.stop();
    this.timer = setInterval(
      () =>
        void this.check().catch((err: unknown) => this.logger.error({ err }, 'organisation reload failed')),
      intervalMs,
    );
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private stampOf(): string | undefined {
    try {
      const s = statSync(this.file);
      return `${s.mtimeMs}:${s.size}`;
    } catch {
      return undefined;
    }
  }
}

/** "networks.0.coordinators.0: not in people" stays; "not valid JSON: …<quoted text>…" loses the quote. */
function safeProblem(problem: string): string {
  return /^not valid /.test(problem) ? problem.split(':')[0] : problem;
}
