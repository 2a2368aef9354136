import type { BroadcastStatus } from '../delivery.port';

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
}

export function broadcastStatusCardData(
  status: BroadcastStatus,
  t: BroadcastStatusTexts,
  refresh?: BroadcastStatusCardData['refresh'],
): BroadcastStatusCardData {
  const finished = status.queued === 0 && status.finishedAt !== undefined;
  const ms = finished ? Date.parse(status.finishedAt as string) - Date.parse(status.createdAt) : 0;
  return {
    t,
    counts: { total: status.total, sent: status.sent, queued: status.queued, failed: status.failed, inactive: status.inactive },
    finished,
    duration: finished ? formatDuration(ms) : '',
    ...(refresh ? { refresh } : {}),
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
