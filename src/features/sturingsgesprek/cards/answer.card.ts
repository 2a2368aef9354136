import { doorbrakenOf } from '../sturingsgesprek.doorbraken.rules';
import type { CardText } from '../../../platform/card-text';
import { renderCard, type AdaptiveCard } from '../../../platform/cards';
import { formatWhen } from '../../../platform/i18n/format';
import { inputId, whyInputId } from '../sturingsgesprek.answers.rules';
import { flattenQuestions } from '../sturingsgesprek.question-set.schemas';
import { cardAnswer, cardPerson, pick, t, unitName } from '../sturingsgesprek.text.format';
import type { Problem, SheetView } from '../sturingsgesprek.types';
import { sturingsgesprekVerbs } from '../sturingsgesprek.verbs';
import template from './answer.card.json';

/** Earlier answers are for reference; cut so the card stays under Teams' message size (about 28 KB). */
const PREVIOUS_LIMIT = 1000;
const CARD_LIMIT = 26_000;

const bannerStyle: Record<string, string> = {
  conflict: 'warning',
  problems: 'attention',
  closed: 'attention',
  resubmitNeeded: 'warning',
};

function problemText(w: CardText, problems: Problem[], questionId: string): string {
  return problems
    .filter((p) => p.questionId === questionId)
    .map((p) => t(w, `problem.${p.code}`, p.params))
    .join(' ');
}

/** The picker's static choices: the organisation file's people and the current deputy, by name. */
function deputyChoices(w: CardText, view: SheetView): Array<{ title: string; value: string }> {
  const choices = new Map(w.org.people.map((p) => [p.aadObjectId.toLowerCase(), p.name] as const));
  const { deputyId } = view.sheet;
  if (deputyId && !choices.has(deputyId)) {
    choices.set(deputyId, w.person(view.names.get(deputyId) ?? view.sheet.deputyName));
  }
  choices.delete(view.unit.ownerId);
  return [...choices]
    .map(([value, title]) => ({ title, value }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

/** The personal card of a round: all questions, the deadline, earlier answers, save / submit / deputy. */
export function renderAnswerCard(w: CardText, view: SheetView): AdaptiveCard {
  const { round, unit, sheet } = view;
  const zone = w.timeZone;
  const when = (iso: string) => formatWhen(iso, w.locale, zone);
  const unitLabel = unitName(w, unit.name);
  const person = (id: string | undefined) => cardPerson(w, view.names, id);
  const director = person(unit.ownerId);
  const state = !view.editable
    ? t(w, 'card.answer.state.closed')
    : sheet.state === 'submitted'
      ? t(w, 'card.answer.state.submitted', {
          name: person(sheet.submittedBy),
          when: when(sheet.submittedAt as string),
        })
      : t(w, `card.answer.state.${sheet.state}`);
  const facts = [
    {
      title: t(w, unit.departmentId ? 'card.answer.facts.department' : 'card.answer.facts.cluster'),
      value: unitLabel,
    },
    { title: t(w, 'card.answer.facts.deadline'), value: when(round.deadline) },
    { title: t(w, 'card.answer.facts.status'), value: state },
    ...(sheet.deputyId ? [{ title: t(w, 'card.answer.facts.deputy'), value: person(sheet.deputyId) }] : []),
    ...(sheet.lastEditedBy && sheet.lastEditedAt
      ? [
          {
            title: t(w, 'card.answer.facts.lastEdit'),
            value: t(w, 'card.answer.byAt', {
              name: person(sheet.lastEditedBy),
              when: when(sheet.lastEditedAt),
            }),
          },
        ]
      : []),
  ];
  const yesNoChoices = [
    { title: t(w, 'card.answer.yes'), value: 'yes' },
    { title: t(w, 'card.answer.no'), value: 'no' },
  ];
  // The round's own copy of the doorbraken: a list edited after the round opened does not change it.
  const doorbraken = doorbrakenOf(round, w.org);
  const doorbraakChoices = doorbraken.map((d) => ({ title: w.local(d.title), value: d.id }));
  const flat = flattenQuestions(round.questions);
  // The 11 doorbraken are listed in full once; a later doorbraken question offers them as a drop-down.
  const firstDoorbraken = flat.find(({ q }) => q.kind === 'doorbraken')?.q.id;
  const followUpsOf = (id: string) => flat.filter((f) => f.parentId === id);
  const questions = flat.map(({ q, number, parentId }) => {
    const value = view.inputValues[inputId(q.id)] ?? '';
    const filled = (id: string) => !!view.inputValues[inputId(id)] || !!view.inputValues[whyInputId(id)];
    const followUps = followUpsOf(q.id);
    const labelParams = { number, unit: q.kind === 'number' ? pick(q.unit, w.locale) : '' };
    // Beside a conflict the card carries two versions of every answer: earlier rounds make room.
    const prev = view.conflict ? undefined : view.previous[q.id];
    const parentNumber = parentId ? flat.find((f) => f.q.id === parentId)?.number : undefined;
    return {
      number,
      text: pick(q.text, w.locale),
      kind: q.kind,
      isFollowUp: !!parentId,
      hint: parentNumber ? t(w, 'card.answer.followUpHint', { number: parentNumber }) : '',
      inputId: inputId(q.id),
      whyInputId: whyInputId(q.id),
      // Labels carry the question number: "Waarom?" twice on one card must not sound the same.
      label:
        q.kind === 'number'
          ? t(w, 'card.answer.numberLabel', labelParams)
          : t(w, `card.answer.inputLabel.${q.kind}`, labelParams),
      whyLabel:
        q.kind === 'doorbraken'
          ? t(w, 'card.answer.whyLabel', { label: pick(q.whyLabel, w.locale), number })
          : '',
      choiceStyle: q.id === firstDoorbraken ? 'expanded' : 'compact',
      // Follow-ups fold away until "ja" is chosen (or they hold text); a button opens them.
      containerId: `q-${q.id}`,
      visible:
        !parentId ||
        !view.editable ||
        view.inputValues[inputId(parentId)] === 'yes' ||
        filled(q.id) ||
        view.problems.some((p) => p.questionId === q.id),
      toggle: followUps.length
        ? {
            title: t(w, 'card.answer.showFollowUps', {
              numbers: followUps.map((f) => f.number).join(', '),
              count: followUps.length,
            }),
            targets: followUps.map((f) => `q-${f.q.id}`),
          }
        : undefined,
      value,
      whyValue: view.inputValues[whyInputId(q.id)] ?? '',
      hasNumber: q.kind === 'number' && value !== '' && Number.isFinite(Number(value)),
      numberValue: Number(value),
      min: q.kind === 'number' ? q.min : 0,
      max: q.kind === 'number' ? q.max : 0,
      maxLength: q.kind === 'text' || q.kind === 'doorbraken' ? q.maxLength : 0,
      choices: q.kind === 'doorbraken' ? doorbraakChoices : q.kind === 'yesNo' ? yesNoChoices : [],
      answerText: cardAnswer(w, doorbraken, q, sheet.answers[q.id]),
      problem: problemText(w, view.problems, q.id),
      previousLabel: prev ? t(w, 'card.answer.previousLabel', { period: prev.periodLabel }) : '',
      previous: prev ? cardAnswer(w, doorbraken, q, prev.answer, PREVIOUS_LIMIT) : '',
    };
  });
  const attemptedItems = view.conflict ? flat.filter(({ q }) => view.conflict?.attempted[q.id]) : [];
  const attempted = (limit?: number) =>
    attemptedItems.map(({ q, number }) => ({
      label: `${number}. ${pick(q.text, w.locale)}`,
      text: cardAnswer(w, doorbraken, q, view.conflict?.attempted[q.id], limit),
    }));
  const someone = t(w, 'card.answer.someone');
  const bannerParams = {
    name: person(view.banner === 'conflict' ? view.conflict?.changedBy : sheet.deputyId) || someone,
    deadline: when(round.deadline),
  };
  const data = {
    t: w.i18n.tree(w.locale, 'sturingsgesprek.card.answer'),
    verbs: sturingsgesprekVerbs,
    title: t(w, 'card.answer.title', { period: round.periodLabel }),
    subtitle: view.role === 'deputy' ? t(w, 'card.answer.subtitleDeputy', { unit: unitLabel, director }) : '',
    facts,
    banner: view.banner ? t(w, `card.answer.banner.${view.banner}`, bannerParams) : '',
    bannerStyle: bannerStyle[view.banner ?? ''] ?? 'good',
    // A conflict explains the text right below it; every other outcome shows beside the buttons.
    bannerAtTop: view.banner === 'conflict',
    attempted: attempted(),
    questions,
    editable: view.editable,
    showDraft: view.editable && sheet.state !== 'submitted',
    submitTitle: t(w, sheet.state === 'submitted' ? 'card.answer.resubmit' : 'card.answer.submit'),
    footer: t(w, view.editable ? 'card.answer.footerEditable' : 'card.answer.footerClosed'),
    // A people picker: in Teams the choice set searches the whole organisation's directory
    // (`choices.data`: Data.Query on "graph.microsoft.com/users"; the value sent back is the person's
    // Entra object id). The static, searchable choices (the organisation file's people, and the deputy
    // named now) are what clients without directory search show, such as the Agents Playground. The
    // server checks the chosen id either way (AnsweringService.setDeputy).
    deputy: {
      show: view.editable && view.role === 'owner',
      value: sheet.deputyId ?? '',
      choices: deputyChoices(w, view),
    },
    roundId: round.roundId,
    unitId: unit.unitId,
    revision: sheet.revision,
    userIds: [`8:orgid:${view.viewerId}`],
  };
  const card = renderCard(template, data);
  const size = JSON.stringify(card).length;
  if (size <= CARD_LIMIT || !attemptedItems.length) return card;
  // Only in the rare worst case (both versions near the length limit) is the unsaved version shortened.
  const without = JSON.stringify(renderCard(template, { ...data, attempted: [] })).length;
  const perItem = Math.max(300, Math.floor(((CARD_LIMIT - without) * 0.85) / attemptedItems.length));
  return renderCard(template, { ...data, attempted: attempted(perItem) });
}
