import { randomInt } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Grades } from '../../platform/org/org-grades.schema';
import { bandOf } from './advies.grades.rules';
import type { AdviesRequest, RequestFigure, RequestKind } from './advies.types';

/** No 0/O, 1/I/L: codes are read aloud and typed by hand. "A-" tells them apart from contact codes. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const newRequestCode = (): string =>
  `A-${Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')}`;

/** The end of a local date (yyyy-mm-dd) in the zone, as ISO UTC; undefined for a date that does not exist. */
export function endOfLocalDay(day: string, zone: string): string | undefined {
  const dt = DateTime.fromISO(day, { zone });
  return dt.isValid ? (dt.endOf('day').toUTC().toISO() ?? undefined) : undefined;
}

export function quarterOf(at: string, zone: string): string {
  const local = DateTime.fromISO(at).setZone(zone);
  return `${local.year}-Q${local.quarter}`;
}

/** Only visible https links: the card shows the address itself, never a hidden target. */
export function isHttpsUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const u = new URL(url);
  return u.protocol === 'https:' && !!u.hostname && !u.username && !u.password;
}

/** Kinds where the requester sees who joins (with each one's consent): committees and meetings. */
export const namesShownToRequester = (kind: RequestKind) => kind === 'ws' || kind === 'beleidstafel';

/** Still waiting for the programmateam (open, or a question back unanswered) and past its deadline. */
export const isOverdue = (r: AdviesRequest, now: Date) =>
  (r.status === 'open' || r.status === 'question') && r.deadline < now.toISOString();

/**
 * A request counted for the figures: what kind, where, how it went, and for W&S the band of its grade
 * in the organisation file (recounted on every change, so a stored fsk number lands in today's band).
 * No person, no text.
 */
export function figureOf(
  r: AdviesRequest,
  zone: string,
  joined: number,
  grades: Grades | undefined,
): RequestFigure {
  const band = r.ws && bandOf(grades, r.ws);
  const outcome =
    r.status === 'declined'
      ? 'declined'
      : r.status === 'advised' || r.status === 'closed'
        ? 'advised'
        : r.status === 'accepted'
          ? 'accepted'
          : 'pending';
  return {
    quarter: quarterOf(r.createdAt, zone),
    kind: r.kind,
    clusterId: r.clusterId,
    unsolicited: !!r.unsolicitedBy,
    outcome,
    followUp: r.followUp?.outcome ?? 'none',
    ...(r.ws ? { ...(band ? { fskBand: band } : {}), joined } : {}),
  };
}

/** Seconds a closed request is kept: its text and requester go, its figure stays. */
export const retentionSeconds = (days: number) => days * 86_400;
