import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import type { Locale } from '../../../platform/org/organisation';
import { seatsText, whenText, type SeatSummary } from '../kennisatelier.format';
import type { Atelier } from '../kennisatelier.repository';
import { kennisatelierVerbs as verbs } from '../kennisatelier.verbs';
import attendanceTemplate from './atelier-attendance.card.json';
import confirmTemplate from './atelier-confirm.card.json';
import rosterTemplate from './atelier-roster.card.json';
import type { CardDeps } from './atelier.card';

export interface NamedPerson {
  id: string;
  name: string;
}

const numbered = (people: NamedPerson[], none: string) =>
  people.length ? people.map((p, i) => `${i + 1}. ${escapeUserText(p.name)}`).join('\n\n') : none;

/** Names for organisers only; the service has checked the role before this is rendered. */
export function renderRosterCard(
  deps: CardDeps,
  locale: Locale,
  input: { atelier: Atelier; summary: SeatSummary; attending: NamedPerson[]; waitlist: NamedPerson[]; csvUrl: string },
): AdaptiveCard {
  const { i18n, org } = deps;
  const tr = (key: string, params?: Record<string, string | number>) => i18n.t(locale, `kennisatelier.roster.${key}`, params);
  return renderCard(rosterTemplate, {
    t: i18n.tree(locale, 'kennisatelier.roster'),
    heading: tr('title', { title: escapeUserText(input.atelier.title) }),
    when: whenText(input.atelier, locale, org.data.organisation.timeZone),
    seats: seatsText(input.summary, i18n, locale),
    attendingHeading: tr('attending', { count: input.attending.length }),
    attendingText: numbered(input.attending, tr('none')),
    waitlistHeading: tr('waitlist', { count: input.waitlist.length }),
    waitlistText: numbered(input.waitlist, tr('none')),
    csvUrl: input.csvUrl,
    backTitle: i18n.t(locale, 'common.back'),
    viewVerb: verbs.view,
    atelierId: input.atelier.id,
  });
}

export function renderAttendanceCard(deps: CardDeps, locale: Locale, input: { atelier: Atelier; people: NamedPerson[]; selected: string[] }): AdaptiveCard {
  const { i18n } = deps;
  return renderCard(attendanceTemplate, {
    t: i18n.tree(locale, 'kennisatelier.attendance'),
    heading: i18n.t(locale, 'kennisatelier.attendance.title', { title: escapeUserText(input.atelier.title) }),
    people: input.people.map((p) => ({ id: p.id, name: p.name })),
    selected: input.selected.join(','),
    verb: verbs.markAttendance,
    atelierId: input.atelier.id,
  });
}

export function renderConfirmCancelCard(deps: CardDeps, locale: Locale, atelier: Atelier): AdaptiveCard {
  const { i18n, org } = deps;
  return renderCard(confirmTemplate, {
    t: i18n.tree(locale, 'kennisatelier.confirmCancel'),
    title: escapeUserText(atelier.title),
    when: whenText(atelier, locale, org.data.organisation.timeZone),
    confirmVerb: verbs.cancel,
    viewVerb: verbs.view,
    atelierId: atelier.id,
  });
}
