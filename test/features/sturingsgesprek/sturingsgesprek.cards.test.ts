import { unitsOf } from '../../../src/features/sturingsgesprek/sturingsgesprek.access';
import { renderAnswerCard } from '../../../src/features/sturingsgesprek/cards/answer.card';
import {
  renderOverviewCard,
  renderRoundForm,
  renderStatusCard,
} from '../../../src/features/sturingsgesprek/cards/manage.card';
import {
  renderClosedCard,
  renderConfirmCard,
  renderReminderCard,
} from '../../../src/features/sturingsgesprek/cards/notices.card';
import { renderReportCard } from '../../../src/features/sturingsgesprek/cards/report.card';
import {
  renderMineCard,
  renderScheduleCard,
  renderSetEditor,
  renderSetsCard,
} from '../../../src/features/sturingsgesprek/cards/setup.card';
import en from '../../../src/features/sturingsgesprek/i18n/en.json';
import italian from '../../../src/features/sturingsgesprek/i18n/it.json';
import nl from '../../../src/features/sturingsgesprek/i18n/nl.json';
import { defaultSchedule } from '../../../src/features/sturingsgesprek/sturingsgesprek.schedule.service';
import { answersToInputs } from '../../../src/features/sturingsgesprek/sturingsgesprek.sheet-view.rules';
import type {
  Answers,
  ReportModel,
  RoundDoc,
  SheetDoc,
  SheetView,
} from '../../../src/features/sturingsgesprek/sturingsgesprek.types';
import {
  templateById,
  templates,
} from '../../../src/features/sturingsgesprek/sturingsgesprek.templates.rules';
import { CardText } from '../../../src/platform/card-text';
import { I18n } from '../../../src/platform/i18n/i18n';
import { Organisation } from '../../../src/platform/org/organisation';
import { seedDoorbraken } from '../../../src/features/sturingsgesprek/sturingsgesprek.doorbraken.rules';
import { expectCardHouseRules, walk, type CardNode } from '../../support/cards';

const org = Organisation.load('config/org.demo.json');
const i18n = new I18n((l) => org.terms(l));
i18n.register({ nl, en, it: italian });
const k1 = templateById('kwartaal-1')!;
const units = unitsOf(org, false);
const long = 'Een lang antwoord met (haakjes), *sterren* en\nregels. '.repeat(80).slice(0, 4000);
const answers: Answers = {
  'k1-prioriteit': { kind: 'doorbraken', ids: ['db-01', 'db-02', 'db-03', 'db-04', 'db-05'], why: long },
  'k1-weerstand': { kind: 'yesNo', yes: true },
  'k1-weerstand-welke': { kind: 'doorbraken', ids: ['db-01', 'db-02'], why: long },
  'k1-weerstand-helpen': { kind: 'text', text: long },
};
const round: RoundDoc = {
  roundId: 'm-0123456789abcdef',
  status: 'open',
  setId: 'kwartaal-1',
  setName: k1.name,
  questions: k1.questions,
  periodLabel: 'Sturingsgesprek december 2026',
  opensAt: '2026-11-23T08:00:00.000Z',
  deadline: '2026-12-11T16:00:00.000Z',
  includeDepartments: false,
  reminderDays: [7, 2, 0],
  units,
  createdBy: 'x',
  createdAt: '2026-11-23T08:00:00.000Z',
  updatedAt: '2026-11-23T08:00:00.000Z',
  revision: 2,
};
const sheet: SheetDoc = {
  roundId: round.roundId,
  unitId: units[0].unitId,
  state: 'submitted',
  answers,
  revision: 3,
  deputyId: '7a11e1b0-0000-4000-8000-000000000008',
  deputyAssignments: 1,
  submittedBy: units[0].ownerId,
  submittedAt: '2026-12-01T10:00:00.000Z',
  lastEditedBy: units[0].ownerId,
  lastEditedAt: '2026-12-01T10:00:00.000Z',
};
const previous = Object.fromEntries(
  Object.entries(answers).map(([k, a]) => [
    k,
    { roundId: 'p', periodLabel: 'Sturingsgesprek augustus 2026', answer: a },
  ]),
);
/** The services name everyone a card mentions; here the organisation file does (the renderers' fallback). */
const names = new Map<string, string>();
const view: SheetView = {
  ...{ round, unit: units[0], sheet, role: 'owner', viewerId: units[0].ownerId, editable: true, previous },
  ...{ inputValues: answersToInputs(k1.questions, answers), problems: [], names },
};
const report: ReportModel = {
  round,
  doorbraken: seedDoorbraken(org),
  generatedAt: round.deadline,
  missing: units.slice(5),
  submitted: units
    .slice(0, 5)
    .map((unit) => ({ unit, answeredBy: unit.ownerId, submittedAt: round.opensAt })),
  questions: [
    {
      q: k1.questions[0],
      number: '1',
      rows: units.map((unit) => ({
        unit,
        answeredBy: unit.ownerId,
        answer: answers['k1-prioriteit'],
        previous: previous['k1-prioriteit'],
      })),
      previousRound: { roundId: 'p', periodLabel: 'Sturingsgesprek augustus 2026' },
      counts: { kind: 'doorbraken', items: [{ id: 'db-01', now: 5, previous: 3 }] },
    },
  ],
  names,
};

/** Every card of the feature, in both languages, follows the house rules and fits in a Teams message. */
describe('sturingsgesprek cards', () => {
  for (const locale of ['nl', 'en'] as const) {
    const w = new CardText(i18n, org, locale);
    const cards: Record<string, unknown> = {
      answer: renderAnswerCard(w, view),
      answerClosed: renderAnswerCard(w, { ...view, editable: false, banner: 'closed' }),
      answerConflict: renderAnswerCard(w, {
        ...view,
        banner: 'conflict',
        conflict: { changedBy: sheet.deputyId, attempted: answers },
      }),
      reminder: renderReminderCard(w, { round, unit: units[0], sheet, kind: 'reminder' }),
      confirm: renderConfirmCard(w, { round: { ...round, status: 'draft' }, units, names }),
      closed: renderClosedCard(w, { round, submitted: 5, total: 7, missing: units.slice(5), names }),
      overview: renderOverviewCard(w, [{ round, submitted: 5 }]),
      form: renderRoundForm(w, {
        sets: templates.map((t) => ({ setId: t.id, name: t.name, questions: t.questions, isTemplate: true })),
        values: {
          setId: 'kwartaal-1',
          periodLabel: '',
          opensOn: '2026-11-23',
          opensTime: '09:00',
          deadlineOn: '2026-12-11',
          deadlineTime: '17:00',
          reminderDays: '7, 2, 0',
          includeDepartments: 'false',
        },
        token: 'abcdef123456',
      }),
      status: renderStatusCard(w, {
        round,
        rows: units.map((unit) => ({ unit, sheet, notReached: [] })),
        submitted: 7,
        token: 'abc123',
        names,
      }),
      reportOverview: renderReportCard(w, report, 0, {
        docx: 'https://x.example/w',
        markdown: 'https://x.example/a',
        csv: 'https://x.example/b',
      }),
      reportQuestion: renderReportCard(w, report, 1, {
        docx: 'https://x.example/w',
        markdown: 'https://x.example/a',
        csv: 'https://x.example/b',
      }),
      sets: renderSetsCard(
        w,
        templates.map((t) => ({ setId: t.id, name: t.name, questions: t.questions, isTemplate: true })),
        'abcdef123456',
      ),
      editor: renderSetEditor(w, {
        setId: 'set-abc',
        name: k1.name,
        questions: k1.questions,
        revision: 1,
        createdBy: 'x',
        updatedBy: 'x',
        updatedAt: '',
      }),
      schedule: renderScheduleCard(w, {
        schedule: defaultSchedule('x', '2026-11-23T09:00:00Z', ['kwartaal-1']),
        sets: [],
      }),
      mine: renderMineCard(w, [{ round, unit: units[0], role: 'deputy' }]),
    };
    for (const [name, card] of Object.entries(cards)) {
      it(`${locale}: ${name} is a complete 1.5 card within Teams' size`, () => {
        expectCardHouseRules(card, { verbPrefix: 'sturingsgesprek.' });
      });
    }
  }

  it('escapes answers in TextBlocks but gives them back unescaped in the inputs', () => {
    const w = new CardText(i18n, org, 'nl');
    const closed = JSON.stringify(renderAnswerCard(w, { ...view, editable: false }));
    expect(closed).toContain('\\\\*sterren\\\\*');
    const open = renderAnswerCard(w, view);
    const inputs: CardNode[] = [];
    walk(open, (n) => n.id === 'a_k1-weerstand-helpen' && inputs.push(n));
    expect(inputs[0].value).toBe(long);
  });
});
