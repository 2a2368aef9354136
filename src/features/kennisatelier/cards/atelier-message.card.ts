import type { CardText } from '../../../platform/card-text';
import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import { whenText, whereText } from '../kennisatelier.format';
import type { Atelier, AtelierMessageKind } from '../kennisatelier.types';
import { kennisatelierVerbs as verbs } from '../kennisatelier.verbs';
import template from './atelier-message.card.json';

const colors: Record<AtelierMessageKind, string> = {
  promoted: 'Default',
  changed: 'Warning',
  cancelled: 'Attention',
  reminder: 'Default',
  attendancePrompt: 'Default',
  attendanceNudge: 'Warning',
};

/** A proactive message about one atelier, rendered once per locale. */
export function renderAtelierMessage(text: CardText, kind: AtelierMessageKind, a: Atelier): AdaptiveCard {
  const key = `kennisatelier.message.${kind}`;
  const body = text.t(key, {
    title: escapeUserText(a.title),
    when: whenText(a, text.locale, text.timeZone),
    where: escapeUserText(whereText(a, text)),
  });
  const asksAttendance = kind === 'attendancePrompt' || kind === 'attendanceNudge';
  const button =
    kind === 'cancelled'
      ? []
      : [
          {
            title: text.t(asksAttendance ? 'kennisatelier.card.attendance' : 'kennisatelier.card.open'),
            verb: asksAttendance ? verbs.attendanceForm : verbs.view,
            data: { atelierId: a.id },
          },
        ];
  const showJoin = (kind === 'reminder' || kind === 'changed' || kind === 'promoted') && !!a.meetingUrl;
  return renderCard(template, {
    heading: text.t(`${key}Title`),
    text: body,
    color: colors[kind],
    actions: button,
    joinTitle: text.t('kennisatelier.card.join'),
    meetingUrl: showJoin ? a.meetingUrl : '',
  });
}

/** For organisers under their list of ateliers: the way to make a new one. */
export function renderCreatePrompt(text: CardText): AdaptiveCard {
  return renderCard(template, {
    heading: text.t('kennisatelier.help.create.title'),
    text: text.t('kennisatelier.help.create.description'),
    color: 'Default',
    actions: [{ title: text.t('kennisatelier.card.newAtelier'), verb: verbs.newForm, data: {} }],
    joinTitle: '',
    meetingUrl: '',
  });
}
