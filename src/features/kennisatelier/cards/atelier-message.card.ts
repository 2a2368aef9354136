import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import type { Locale } from '../../../platform/org/organisation';
import { whenText, whereText } from '../kennisatelier.format';
import type { Atelier } from '../kennisatelier.repository';
import { kennisatelierVerbs as verbs } from '../kennisatelier.verbs';
import template from './atelier-message.card.json';
import type { CardDeps } from './atelier.card';

export type AtelierMessageKind = 'promoted' | 'changed' | 'cancelled' | 'reminder' | 'attendancePrompt' | 'attendanceNudge';

const colors: Record<AtelierMessageKind, string> = {
  promoted: 'Good',
  changed: 'Warning',
  cancelled: 'Attention',
  reminder: 'Default',
  attendancePrompt: 'Default',
  attendanceNudge: 'Warning',
};

/** A proactive message about one atelier, rendered once per locale. */
export function renderAtelierMessage(deps: CardDeps, locale: Locale, kind: AtelierMessageKind, a: Atelier): AdaptiveCard {
  const { i18n, org } = deps;
  const key = `kennisatelier.message.${kind}`;
  const text = i18n.t(locale, key, {
    title: escapeUserText(a.title),
    when: whenText(a, locale, org.data.organisation.timeZone),
    where: escapeUserText(whereText(a, i18n, locale)),
  });
  const asksAttendance = kind === 'attendancePrompt' || kind === 'attendanceNudge';
  const button =
    kind === 'cancelled'
      ? []
      : [{
          title: i18n.t(locale, asksAttendance ? 'kennisatelier.card.attendance' : 'kennisatelier.card.open'),
          verb: asksAttendance ? verbs.attendanceForm : verbs.view,
          data: { atelierId: a.id },
        }];
  const showJoin = (kind === 'reminder' || kind === 'changed' || kind === 'promoted') && !!a.meetingUrl;
  return renderCard(template, {
    heading: i18n.t(locale, `${key}Title`),
    text,
    color: colors[kind],
    actions: button,
    joinTitle: i18n.t(locale, 'kennisatelier.card.join'),
    meetingUrl: showJoin ? a.meetingUrl : '',
  });
}
