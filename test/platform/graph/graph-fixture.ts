import { Writable } from 'node:stream';
import type { TokenCredential } from '@azure/identity';
import { createLogger, type Logger } from '../../../src/platform/logger';
import { GraphHttp } from '../../../src/platform/graph/graph-http';
import type { FakeGraph } from '../../support/fake-graph';

export const TOKEN = 'test-graph-token';
export const MANIFEST_ID = '7a11e1b0-a990-4e5c-8a1b-5a4e1b07d340';
export const CATALOG_ID = 'c47a1060-0000-4000-8000-00000000ca7a';
export const catalog = [
  {
    id: CATALOG_ID,
    externalId: MANIFEST_ID,
    displayName: 'Panelbot',
    distributionMethod: 'organization' as const,
  },
];

/** A deterministic Entra-style object id. */
export const userId = (n: number) =>
  `0000${n.toString(16).padStart(4, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** A credential that always hands out the same token (what the tests inject instead of a real one). */
export const staticCredential: TokenCredential = {
  getToken: async () => ({ token: TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 }),
};

/** Time that only moves when someone waits: limiter pauses and back-offs are recorded, never slept. */
export function virtualTime() {
  let t = 0;
  const waits: number[] = [];
  return {
    now: () => t,
    wait: async (ms: number) => {
      waits.push(ms);
      t += Math.max(0, ms);
    },
    waits,
    /** Waits of at least `ms` (pauses, as opposed to the limiter's token spacing). */
    pausesOf: (ms: number) => waits.filter((w) => w >= ms),
  };
}

export function graphHttp(graph: FakeGraph, time = virtualTime(), ratePerSecond = 100) {
  return new GraphHttp({
    baseUrl: graph.url,
    credential: staticCredential,
    ratePerSecond,
    now: time.now,
    wait: time.wait,
    random: () => 0.5,
  });
}

/** A real logger (with the production redaction) writing JSON lines into an array. */
export function capturedLogger(level = 'debug'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ level }, sink), lines };
}
