import type { BroadcastStatus, ReachCounts } from '../delivery.port';

/** Looks up a platform message (`delivery.reach.*`) in the reader's language. */
export type ReachTranslate = (key: string, params?: Record<string, string | number>) => string;

const knownReasons = new Set([
  'blocked',
  'noLicense',
  'disabled',
  'userNotFound',
  'notConfigured',
  'appRemoved',
  'failed',
  'noReference',
]);

/** Every text on the card, in the reader's language (from i18n); the template hard-codes none. */
export interface BroadcastStatusTexts {
  title: string;
  inProgress: string;
  finished: string;
  total: string;
  sent: string;
  queued: string;
  failed: string;
  inactive: string;
  duration: string;
  refresh: string;
}

/** Data for `broadcast-status.card.json`. */
export interface BroadcastStatusCardData {
  t: BroadcastStatusTexts;
  counts: Pick<BroadcastStatus, 'total' | 'sent' | 'queued' | 'failed' | 'inactive'>;
  finished: boolean;
  /** Time taken, `h:mm:ss` or `m:ss`; empty while sending. */
  duration: string;
  /** A feature's Action.Execute verb (and its data) to refresh the card; no button without it. */
  refresh?: { verb: string; data: Record<string, string> };
  /** How people were reached, and each reason for not reaching some (one line each). */
  reachLines: Array<{ text: string }>;
}

/**
 * Never silent: how many were reached which way, each reason for not reaching someone with its count,
 * and, without Graph, that only people who talked to the bot can be reached.
 */
export function reachLines(reach: ReachCounts | undefined, tr: ReachTranslate): string[] {
  if (!reach) return [];
  const { stored, install, createConversation } = reach;
  const lines = [tr('delivery.reach.reached', { stored, install, createConversation })];
  const reasons = Object.entries(reach.unreachable).sort((a, b) => b[1] - a[1]);
  for (const [reason, count] of reasons) {
    const known = knownReasons.has(reason) ? reason : 'other';
    const key = reason === 'notConfigured' && !reach.graph ? 'notConfiguredNoGraph' : known;
    lines.push(tr('delivery.reach.unreachable', { reason: tr(`delivery.reach.reason.${key}`), count }));
  }
  if (!reach.graph) lines.push(tr('delivery.reach.graphOff'));
  return lines;
}

export function broadcastStatusCardData(
  status: BroadcastStatus,
  t: BroadcastStatusTexts,
  refresh?: BroadcastStatusCardData['refresh'],
  /** Platform messages in the reader's language; without it the card shows no reach lines. */
  tr?: ReachTranslate,
): BroadcastStatusCardData {
  const finished = status.queued === 0 && status.finishedAt !== undefined;
  const ms = finished ? Date.parse(status.finishedAt as string) - Date.parse(status.createdAt) : 0;
  return {
    t,
    counts: {
      total: status.total,
      sent: status.sent,
      queued: status.queued,
      failed: status.failed,
      inactive: status.inactive,
    },
    finished,
    duration: finished ? formatDuration(ms) : '',
    ...(refresh ? { refresh } : {}),
    reachLines: tr ? reachLines(status.reach, tr).map((text) => ({ text })) : [],
  };
}

/** Language-neutral `h:mm:ss` / `m:ss`, so the card needs no plural rules. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
