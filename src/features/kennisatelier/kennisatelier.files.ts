import { createEvent } from 'ics';
import type { DownloadFile } from '../../platform/downloads';
import { isOrganiser } from './kennisatelier.access';
import { defaultLocale, type AtelierContext } from './kennisatelier.context';
import { whereText } from './kennisatelier.format';
import { signupListId, type Atelier } from './kennisatelier.repository';

/**
 * Download producers. Each link carries the person it was made for; the producer checks again that
 * this person may have the file now (the link may be old or forwarded).
 */

/** A personal calendar file: no attendees in it, so nobody learns who else goes. */
export async function icsFor(ctx: AtelierContext, atelierId: string, subject: string): Promise<DownloadFile | undefined> {
  const atelier = await ctx.repo.get(atelierId);
  if (!atelier) return undefined;
  const status = await ctx.signups.status(signupListId(atelier.id), subject);
  if (status.state === 'none') return undefined;
  const locale = defaultLocale(ctx);
  const description = [atelier.description, atelier.meetingUrl].filter(Boolean).join('\n\n');
  const { error, value } = createEvent({
    uid: `${atelier.id}@panelbot`,
    sequence: atelier.revision,
    start: new Date(atelier.startsAt).getTime(),
    end: new Date(atelier.endsAt).getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    endInputType: 'utc',
    endOutputType: 'utc',
    title: atelier.title,
    description,
    location: whereText(atelier, ctx.deps.i18n, locale) || undefined,
    url: atelier.meetingUrl,
    status: atelier.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    method: 'PUBLISH',
    productId: 'panelbot/kennisatelier',
    classification: 'PRIVATE',
  });
  if (error || !value) throw error ?? new Error('ics produced nothing');
  return { filename: `kennisatelier-${atelier.id}.ics`, contentType: 'text/calendar; charset=utf-8', body: value };
}

/** CSV cells: quoted, and formula-looking values defused (spreadsheets would run them). */
const cell = (v: string) => `"${(/^[=+\-@\t\r]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"`;

export async function csvFor(ctx: AtelierContext, atelierId: string, subject: string): Promise<DownloadFile | undefined> {
  const atelier: Atelier | undefined = await ctx.repo.get(atelierId);
  const locale = defaultLocale(ctx);
  if (!atelier || !isOrganiser(ctx.deps.org.actor(subject, locale), atelier)) return undefined;
  const roster = await ctx.signups.roster(signupListId(atelier.id));
  const t = (key: string) => ctx.deps.i18n.t(locale, `kennisatelier.roster.${key}`);
  const attended = new Set(atelier.attendance?.attendeeIds ?? []);
  const name = (id: string) => ctx.deps.org.person(id)?.name ?? id;
  const rows = [
    [t('csvName'), t('csvStatus'), t('csvPosition'), t('csvAttended')],
    ...roster.attending.map((id, i) => [name(id), t('csvAttending'), String(i + 1), atelier.attendance ? t(attended.has(id) ? 'yes' : 'no') : '']),
    ...roster.waitlist.map((id, i) => [name(id), t('csvWaitlisted'), String(i + 1), '']),
  ];
  ctx.log.info({ atelierId, subject, rows: rows.length - 1 }, 'atelier roster exported');
  return {
    filename: `kennisatelier-${atelier.id}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: `\uFEFF${rows.map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`,
  };
}
