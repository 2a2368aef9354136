import type { StatusRow } from './sturingsgesprek.types';

/**
 * The director never got the round card (the delivery marked them unreachable or failed) and has not
 * opened it since. A deputy may still have it; the row then says so separately.
 */
export function isUnreached(row: StatusRow): boolean {
  const state = row.sheet?.state ?? 'notOpened';
  return state === 'notOpened' && row.notReached.some((m) => m.id === row.unit.ownerId.toLowerCase());
}

/** The catalogue key for why someone was not reached (the delivery engine's reasons, shared wording). */
export function reachReasonKey(m: StatusRow['notReached'][number]): string {
  if (m.reason === 'sendFailed') return 'sturingsgesprek.card.status.sendFailed';
  if (m.reason === 'notConfigured' && !m.graph) return 'delivery.reach.reason.notConfiguredNoGraph';
  return `delivery.reach.reason.${m.reason}`;
}
