import { localToUtc } from '../../platform/i18n/format';
import { errors } from './kennisatelier.errors';
import type { AtelierDetailsInput } from './kennisatelier.schemas';
import type { AtelierDetails } from './kennisatelier.types';

function httpsUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.protocol === 'https:') return url.toString();
  } catch {
    /* not a URL */
  }
  throw errors.badUrl();
}

/**
 * Turns the form's local date and times (organisation zone) into stored UTC details, or refuses with a
 * message the organiser can act on. The deadline defaults to the start; a deadline given as a date
 * only means the end of that day, but never later than the start.
 */
export function parseDetails(input: Omit<AtelierDetailsInput, 'atelierId'>, zone: string): AtelierDetails {
  const startsAt = localToUtc(input.date, input.start, zone);
  const endsAt = localToUtc(input.date, input.end, zone);
  if (!startsAt || !endsAt) throw errors.invalidDate();
  if (endsAt <= startsAt) throw errors.endBeforeStart();
  let deadline = startsAt;
  if (input.deadlineDate || input.deadlineTime) {
    const explicitTime = !!input.deadlineTime;
    const chosen = localToUtc(input.deadlineDate ?? input.date, input.deadlineTime ?? '23:59', zone);
    if (!chosen) throw errors.invalidDate();
    if (chosen > startsAt && explicitTime) throw errors.deadlineAfterStart();
    deadline = chosen < startsAt ? chosen : startsAt;
  }
  if (!input.room && !input.meetingUrl) throw errors.noLocation();
  if (input.capacity !== null && input.capacity < 1) throw errors.capacityTooLow();
  return {
    title: input.title,
    description: input.description,
    startsAt,
    endsAt,
    deadline,
    room: input.room,
    meetingUrl: input.meetingUrl ? httpsUrl(input.meetingUrl) : undefined,
    capacity: input.capacity,
  };
}
