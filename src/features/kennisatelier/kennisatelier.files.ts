import { calendarFile } from '../../platform/calendar/calendar-file';
import { CardText } from '../../platform/card-text';
import type { DownloadFile } from '../../platform/downloads';
import type { I18n } from '../../platform/i18n/i18n';
import type { Logger } from '../../platform/logger';
import type { Organisation } from '../../platform/org/organisation';
import type { PeopleNames } from '../../platform/people/people-names';
import type { SignupService } from '../../platform/signups';
import { isOrganiser } from './kennisatelier.access';
import { whereText } from './kennisatelier.format';
import { signupListId, type AtelierRepository } from './kennisatelier.repository';
import type { Atelier } from './kennisatelier.types';

/** CSV cells: quoted, and formula-looking values defused (spreadsheets would run them). */
const cell = (v: string) => `"${(/^[=+\-@\t\r]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"`;

/**
 * Download producers. Each link carries the person it was made for; the producer checks again that
 * this person may have the file now (the link may be old or forwarded).
 */
export class AtelierFiles {
  constructor(
    private readonly repo: AtelierRepository,
    private readonly signups: SignupService,
    private readonly org: Organisation,
    private readonly i18n: I18n,
    private readonly people: PeopleNames,
    private readonly log: Logger,
  ) {}

  /** A personal calendar file: no attendees in it, so nobody learns who else goes. */
  async ics(atelierId: string, subject: string): Promise<DownloadFile | undefined> {
    const atelier = await this.repo.get(atelierId);
    if (!atelier) return undefined;
    const status = await this.signups.status(signupListId(atelier.id), subject);
    if (status.state === 'none') return undefined;
    const text = new CardText(this.i18n, this.org, this.org.defaultLocale);
    const description = [atelier.description, atelier.meetingUrl].filter(Boolean).join('\n\n');
    return calendarFile({
      uid: `${atelier.id}@panelbot`,
      sequence: atelier.revision,
      startsAt: atelier.startsAt,
      endsAt: atelier.endsAt,
      title: atelier.title,
      description,
      location: whereText(atelier, text),
      url: atelier.meetingUrl,
      cancelled: atelier.status === 'cancelled',
      productId: 'panelbot/kennisatelier',
      filename: `kennisatelier-${atelier.id}.ics`,
    });
  }

  /** The roster for its organisers, in the organisation's language. */
  async csv(atelierId: string, subject: string): Promise<DownloadFile | undefined> {
    const atelier: Atelier | undefined = await this.repo.get(atelierId);
    const locale = this.org.defaultLocale;
    if (!atelier || !isOrganiser(this.org.actor(subject, locale), atelier)) return undefined;
    const roster = await this.signups.namedRoster(signupListId(atelier.id));
    const t = (key: string) => this.i18n.t(locale, `kennisatelier.roster.${key}`);
    const attended = new Set(atelier.attendance?.attendeeIds ?? []);
    // Names kept with the seats, else the organisation file, recent turns, the directory; never an id.
    const names = await this.people.namesOf([...roster.attending, ...roster.waitlist], roster.names);
    const text = new CardText(this.i18n, this.org, locale);
    const name = (id: string) => text.person(names.get(id));
    const rows = [
      [t('csvName'), t('csvStatus'), t('csvPosition'), t('csvAttended')],
      ...roster.attending.map((id, i) => [
        name(id),
        t('csvAttending'),
        String(i + 1),
        atelier.attendance ? t(attended.has(id) ? 'yes' : 'no') : '',
      ]),
      ...roster.waitlist.map((id, i) => [name(id), t('csvWaitlisted'), String(i + 1), '']),
    ];
    this.log.info({ atelierId, subject, rows: rows.length - 1 }, 'atelier roster exported');
    return {
      filename: `kennisatelier-${atelier.id}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: `\uFEFF${rows.map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`,
    };
  }
}
