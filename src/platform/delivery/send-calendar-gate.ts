import type { RecipientKey, Urgency } from './delivery.port';
import type { PersonSendCaps } from './person-send-caps';
import type { SendCalendar } from './send-calendar';

/**
 * Where the organisation's calendar meets the sending path (docs/calendar.md): a normal message waits for
 * the next sending window, and a person's normal messages are capped per day and per week. Urgent ones
 * pass untouched. Channels have no cap (a channel post reaches nobody's chat personally).
 */
export class SendCalendarGate {
  constructor(
    readonly calendar: SendCalendar,
    private readonly caps: PersonSendCaps,
  ) {}

  /** When a message of this urgency may go out, from `now` (equal to `now`: at once). */
  earliest(urgency: Urgency | undefined, now: Date): Date {
    return isUrgent(urgency) ? now : this.calendar.nextOpen(now);
  }

  /** Undefined when it may go now: a normal message is then counted for its recipient; else, when to try again. */
  async admit(key: RecipientKey, urgency: Urgency | undefined, now: Date): Promise<Date | undefined> {
    if (isUrgent(urgency)) return undefined;
    const open = this.calendar.nextOpen(now);
    if (open > now) return open;
    if (!key.startsWith('user:')) return undefined;
    const verdict = await this.caps.reserve(key, now);
    if (verdict.ok) return undefined;
    return verdict.full === 'day' ? this.calendar.nextDayOpen(now) : this.calendar.nextWeekOpen(now);
  }

  /** Gives back what {@link admit} counted, for a send that did not happen. */
  async refund(key: RecipientKey, urgency: Urgency | undefined, at: Date): Promise<void> {
    if (isUrgent(urgency) || !key.startsWith('user:')) return;
    await this.caps.release(key, at);
  }
}

/** Items written before urgency existed count as normal: the calendar applies unless told otherwise. */
const isUrgent = (urgency: Urgency | undefined) => urgency === 'urgent';
