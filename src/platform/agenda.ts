/**
 * Lines that appear on the kernteam's agenda by themselves (overdue requests, old open signals).
 * A feature adds a source at registration; the kernteam feature asks every source when it compiles
 * the agenda. A line is a message key with parameters, so each reader gets it in their own language.
 *
 * @remarks A source must not put confidential text or names of people on a line: the agenda goes to
 * the whole kernteam and through the outbox.
 */
export interface AgendaLine {
  /** A catalogue key of the feature that made the line, e.g. `advies.agenda.overdue`. */
  messageKey: string;
  params?: Record<string, string | number>;
}

export type AgendaSource = (now: Date) => Promise<AgendaLine[]>;

export interface CompiledLines {
  lines: AgendaLine[];
  /** Sources that threw: the agenda still goes out, and says something is missing. */
  failed: number;
}

export class AgendaSources {
  private readonly sources: AgendaSource[] = [];

  add(source: AgendaSource): void {
    this.sources.push(source);
  }

  /** Every source's lines, in registration order; a failing source is counted, not fatal. */
  async lines(now: Date): Promise<CompiledLines> {
    const settled = await Promise.allSettled(this.sources.map((source) => source(now)));
    return {
      lines: settled.flatMap((s) => (s.status === 'fulfilled' ? s.value : [])),
      failed: settled.filter((s) => s.status === 'rejected').length,
    };
  }
}
