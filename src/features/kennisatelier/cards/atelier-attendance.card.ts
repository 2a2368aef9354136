import type { CardText } from '../../../platform/card-text';
import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import type { AttendanceChoices } from '../kennisatelier.types';
import { kennisatelierVerbs as verbs } from '../kennisatelier.verbs';
import attendanceTemplate from './atelier-attendance.card.json';

export function renderAttendanceCard(text: CardText, input: AttendanceChoices): AdaptiveCard {
  return renderCard(attendanceTemplate, {
    t: text.i18n.tree(text.locale, 'kennisatelier.attendance'),
    heading: text.t('kennisatelier.attendance.title', { title: escapeUserText(input.atelier.title) }),
    // The choice's value is the id (sent back, never shown); its title is the name or the neutral word.
    people: input.people.map((p) => ({ id: p.id, name: text.person(p.name) })),
    selected: input.selected.join(','),
    verb: verbs.markAttendance,
    atelierId: input.atelier.id,
  });
}
