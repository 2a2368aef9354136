import type { CardText } from '../../../platform/card-text';
import { renderCard, type AdaptiveCard } from '../../../platform/cards';
import { formatDate, formatWhen } from '../../../platform/i18n/format';
import { flattenQuestions, type QuestionKind } from '../sturingsgesprek.question-set.schemas';
import type { Locale } from '../../../platform/i18n/locale';
import type { Bilingual } from '../sturingsgesprek.question-set.schemas';
import { editorValue, fieldId } from '../sturingsgesprek.set-texts.rules';
import { languageKey, languageName, pick, t, unitName } from '../sturingsgesprek.text.format';
import type {
  AnswerRole,
  ResolvedSet,
  RoundDoc,
  ScheduleDoc,
  StoredSetDoc,
  UnitSnapshot,
} from '../sturingsgesprek.types';
import { sturingsgesprekVerbs } from '../sturingsgesprek.verbs';
import mineTemplate from './mine.card.json';
import scheduleTemplate from './schedule.card.json';
import setEditorTemplate from './set-editor.card.json';
import setsTemplate from './sets.card.json';

const kinds: QuestionKind[] = ['text', 'doorbraken', 'yesNo', 'number'];

export function renderSetsCard(w: CardText, sets: ResolvedSet[], token: string): AdaptiveCard {
  return renderCard(setsTemplate, {
    t: w.i18n.tree(w.locale, 'sturingsgesprek.card.sets'),
    verbs: sturingsgesprekVerbs,
    token,
    sets: sets.map((s) => ({
      setId: s.setId,
      isTemplate: s.isTemplate,
      name: pick(s.name, w.locale),
      // Buttons name their set: a screen reader lists them without the text around them.
      editTitle: t(w, 'card.sets.edit', { name: pick(s.name, w.locale) }),
      copyTitle: t(w, 'card.sets.copy', { name: pick(s.name, w.locale) }),
      detail: t(w, s.isTemplate ? 'card.sets.templateDetail' : 'card.sets.ownDetail', {
        count: flattenQuestions(s.questions).length,
      }),
    })),
  });
}

/** One text input of the editor, for one language. */
interface EditorField {
  id: string;
  label: string;
  value: string;
  required: boolean;
  multiline: boolean;
  maxLength: number;
}

/**
 * The question-set editor: one input per language the organisation offers for the name and every text,
 * labelled in the editor's language. The default language's are required; another left empty takes the
 * default language's text, which its label says (the service applies the same rule).
 */
export function renderSetEditor(
  w: CardText,
  set: StoredSetDoc,
  banner?: { text: string; style: 'good' | 'warning' | 'attention' },
): AdaptiveCard {
  const flat = flattenQuestions(set.questions);
  const { languages, defaultLocale } = w.org;
  const inLanguage = (lang: Locale) =>
    lang === defaultLocale
      ? languageName(w, lang)
      : t(w, 'card.setEditor.orDefault', {
          language: languageName(w, lang),
          fallback: languageKey(defaultLocale),
        });
  const fields = (
    key: string,
    text: Bilingual | undefined,
    label: (language: string) => string,
    shape: { required: boolean; multiline: boolean; maxLength: number },
  ): EditorField[] =>
    languages.map((lang) => ({
      id: fieldId(key, lang),
      label: label(inLanguage(lang)),
      value: editorValue(text, lang),
      ...shape,
      required: shape.required && lang === defaultLocale,
    }));
  const text = { required: true, multiline: true, maxLength: 1000 };
  const extra = { required: true, multiline: false, maxLength: 200 };
  return renderCard(setEditorTemplate, {
    t: w.i18n.tree(w.locale, 'sturingsgesprek.card.setEditor'),
    verbs: sturingsgesprekVerbs,
    setId: set.setId,
    revision: set.revision,
    banner: banner?.text ?? '',
    bannerStyle: banner?.style ?? 'good',
    nameFields: fields('name', set.name, (language) => t(w, 'card.setEditor.nameIn', { language }), {
      ...extra,
    }),
    questions: flat.map(({ q, number }) => {
      const own = q.kind === 'doorbraken' ? q.whyLabel : q.kind === 'number' ? q.unit : undefined;
      const extraKey = q.kind === 'number' ? 'unitIn' : 'whyIn';
      // Labels and the remove button carry the question number, so each field says where it belongs.
      const label = (key: string) => (language: string) =>
        t(w, `card.setEditor.${key}`, { number, language });
      return {
        id: q.id,
        // Not "1. kind": Teams reads that as a Markdown list and indents it.
        heading: t(w, 'card.setEditor.heading', { number, kind: t(w, `card.kinds.${q.kind}`) }),
        removeTitle: t(w, 'card.setEditor.remove', { number }),
        fields: [
          ...fields(`q_${q.id}`, q.text, label('questionIn'), text),
          ...(own ? fields(`q_${q.id}_extra`, own, label(extraKey), extra) : []),
        ],
      };
    }),
    kinds: kinds.map((k) => ({ title: t(w, `card.kinds.${k}`), value: k })),
    parents: [
      { title: t(w, 'card.setEditor.topLevel'), value: '_top' },
      ...flat
        .filter(({ q }) => q.kind === 'yesNo')
        .map(({ q, number }) => ({ title: t(w, 'card.setEditor.followUpOf', { number }), value: q.id })),
    ],
    // Not required: the form's other buttons (save, remove) send these fields too.
    newFields: [
      ...fields('new', undefined, (language) => t(w, 'card.setEditor.newTextIn', { language }), {
        ...text,
        required: false,
      }),
      ...fields('new_extra', undefined, (language) => t(w, 'card.setEditor.newExtraIn', { language }), {
        ...extra,
        required: false,
      }),
    ],
  });
}

export function renderScheduleCard(
  w: CardText,
  d: { schedule: ScheduleDoc; sets: ResolvedSet[]; next?: string; banner?: string },
): AdaptiveCard {
  const s = d.schedule;
  const nextText = d.next
    ? t(w, 'card.schedule.next', { date: formatDate(d.next, w.locale, w.timeZone) })
    : '';
  return renderCard(scheduleTemplate, {
    t: w.i18n.tree(w.locale, 'sturingsgesprek.card.schedule'),
    verbs: sturingsgesprekVerbs,
    banner: [d.banner, nextText].filter(Boolean).join(' '),
    bannerStyle: 'good',
    sets: d.sets.map((x) => ({ title: pick(x.name, w.locale), value: x.setId })),
    values: {
      active: String(s.active),
      mode: s.mode === 'dates' ? 'dates' : `cadence${s.cadenceMonths}`,
      startDate: s.startDate,
      dates: s.dates.join(', '),
      setSequence: s.setSequence.join(','),
      answerDays: s.answerDays,
      leadDays: s.leadDays,
    },
  });
}

export function renderMineCard(
  w: CardText,
  items: Array<{ round: RoundDoc; unit: UnitSnapshot; role: AnswerRole }>,
): AdaptiveCard {
  return renderCard(mineTemplate, {
    t: w.i18n.tree(w.locale, 'sturingsgesprek.card.mine'),
    verbs: sturingsgesprekVerbs,
    intro: t(w, items.length ? 'card.mine.intro' : 'card.mine.none'),
    items: items.map(({ round, unit, role }) => {
      const label = `${round.periodLabel} — ${unitName(w, unit.name)}`;
      return {
        label,
        openTitle: t(w, 'card.mine.open', { label }),
        detail: t(w, role === 'deputy' ? 'card.mine.detailDeputy' : 'card.mine.detail', {
          deadline: formatWhen(round.deadline, w.locale, w.timeZone),
        }),
        roundId: round.roundId,
        unitId: unit.unitId,
      };
    }),
  });
}
