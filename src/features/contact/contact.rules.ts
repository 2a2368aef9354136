import { randomInt, randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { ScheduledJob } from '../../platform/delivery/delivery.port';
import { atLocalHour } from '../../platform/local-time';
import type { Organisation } from '../../platform/org/organisation';
import type { ClosedBy, ContactCase } from './contact.types';
import { contactJobs } from './contact.verbs';

/** No 0/O, 1/I/L: codes are read aloud and typed by hand. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 4;
export const codePattern = new RegExp(`^[${ALPHABET}]{${CODE_LENGTH}}$`);

/** A case code: random, never derived from who is in the case. */
export function newCaseCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

export const newCaseId = (): string => randomUUID();

/** Case codes typed by people: case-insensitive, surrounding spaces ignored. */
export const normaliseCode = (raw: string): string => raw.trim().toUpperCase();

export function quarterOf(at: Date, zone: string): string {
  const local = DateTime.fromJSDate(at).setZone(zone);
  return `${local.year}-Q${local.quarter}`;
}

export const retentionSeconds = (org: Pick<Organisation, 'settings'>) =>
  org.settings.contactRetentionDays * 86_400;
export const timeoutJobId = (caseId: string) => `contact.pickupTimeout.${caseId}`;
export const inactivityJobId = (caseId: string) => `contact.inactivity.${caseId}`;

/** When a case last active on `day` closes for inactivity: that many days later, 09:00 local time. */
export function inactivityDeadline(org: Pick<Organisation, 'settings' | 'timeZone'>, day: string): Date {
  return atLocalHour(day, org.timeZone, 9, org.settings.contactInactiveCloseDays);
}

/** The case's inactivity check for a case last active on `day`; scheduling it again moves it (same id). */
export function inactivityCheck(
  org: Pick<Organisation, 'settings' | 'timeZone'>,
  caseId: string,
  day: string,
): ScheduledJob<{ caseId: string }> {
  return {
    id: inactivityJobId(caseId),
    kind: contactJobs.inactivity,
    runAt: inactivityDeadline(org, day),
    payload: { caseId },
  };
}

/** The referral destination with this id in the organisation file, if any. */
export function destinationOf(org: Pick<Organisation, 'referralDestinations'>, id: string | undefined) {
  return id ? org.referralDestinations.find((d) => d.id === id) : undefined;
}

/** The closing text for the person who closed. */
export function closingTextKey(c: ContactCase, by: ClosedBy): string {
  if (by === 'kernteamlid') return 'contact.close.closedForKernteam';
  return c.outcome === 'withdrawn'
    ? 'contact.close.withdrawnForRequester'
    : 'contact.close.closedForRequester';
}
