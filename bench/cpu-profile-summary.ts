/**
 * Reads a V8 CPU profile (node:inspector `Profiler.stop`) into the tables a person looks at first:
 * self time per function and per code area, and inclusive time per function (each sample counted once
 * per function on its stack, so recursion does not count twice).
 */
import type { Profiler } from 'node:inspector';

export interface ProfileRow {
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  selfByFunction: ProfileRow[];
  selfByArea: ProfileRow[];
  inclusiveByFunction: ProfileRow[];
}

/** `node_modules/<package>`, `src/<folder>`, `node:<module>`, or V8's own entries such as (garbage collector). */
export function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const own = /\/(src|bench|test)\/(.+)$/.exec(url);
  if (own) {
    const parts = own[2]!.split('/');
    // Features and platform parts by folder; files at the top of src by name.
    return `${own[1]}/${parts.length > 2 ? parts.slice(0, 2).join('/') : parts[0]}`;
  }
  return url.startsWith('node:') ? url : url.replace(/^.*\//, '');
}

function frameKey(node: Profiler.ProfileNode): string {
  const f = node.callFrame;
  const where = f.url ? `${f.url.replace(/^.*node_modules\//, '').replace(/^.*\/(src|bench)\//, '$1/')}` : '';
  return `${f.functionName || '(anonymous)'} ${where}${where ? `:${f.lineNumber + 1}` : ''}`.trim();
}

function top(map: Map<string, number>, totalMs: number, n: number): ProfileRow[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, ms]) => ({ name, ms, share: ms / totalMs }));
}

export function summariseProfile(profile: Profiler.Profile, rows = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const area = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let totalMs = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]!)!;
    // A sample's delta is the time until it was taken; the first one covers the time before profiling.
    const ms = (deltas[i + 1] ?? 0) / 1000;
    // Idle is waiting; (program) is V8 and native work outside JS, which the turn does cost.
    if (node.callFrame.functionName === '(idle)') continue;
    totalMs += ms;
    const key = frameKey(node);
    self.set(key, (self.get(key) ?? 0) + ms);
    const a = areaOf(node.callFrame.url, node.callFrame.functionName);
    area.set(a, (area.get(a) ?? 0) + ms);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const k = frameKey(byId.get(id)!);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
    }
  }
  return {
    totalMs,
    selfByFunction: top(self, totalMs, rows),
    selfByArea: top(area, totalMs, rows),
    inclusiveByFunction: top(inclusive, totalMs, rows * 2),
  };
}

export function profileTables(summary: ProfileSummary, turns: number): string {
  const table = (title: string, rows: ProfileRow[]) =>
    [
      `| ${title} | ms | µs/turn | share |`,
      '|---|---:|---:|---:|',
      ...rows.map(
        (r) =>
          `| ${r.name} | ${r.ms.toFixed(1)} | ${((r.ms * 1000) / turns).toFixed(0)} | ${(r.share * 100).toFixed(1)} % |`,
      ),
    ].join('\n');
  return [
    `Profile: ${summary.totalMs.toFixed(0)} ms on the main thread for ${turns} turns ` +
      `(${((summary.totalMs * 1000) / turns).toFixed(0)} µs/turn; idle left out)`,
    '',
    table('self time by area', summary.selfByArea),
    '',
    table('self time by function', summary.selfByFunction),
    '',
    table('inclusive time by function', summary.inclusiveByFunction),
  ].join('\n');
}
