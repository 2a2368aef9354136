import { renderAttendanceCard } from '../../../src/features/kennisatelier/cards/atelier-attendance.card';
import { renderConfirmCancelCard } from '../../../src/features/kennisatelier/cards/atelier-confirm.card';
import { renderAtelierForm } from '../../../src/features/kennisatelier/cards/atelier-form.card';
import { renderAtelierList } from '../../../src/features/kennisatelier/cards/atelier-list.card';
import {
  renderAtelierMessage,
  renderCreatePrompt,
} from '../../../src/features/kennisatelier/cards/atelier-message.card';
import { renderRosterCard } from '../../../src/features/kennisatelier/cards/atelier-roster.card';
import { renderAtelierCard } from '../../../src/features/kennisatelier/cards/atelier.card';
import type { Atelier, AtelierMessageKind } from '../../../src/features/kennisatelier/kennisatelier.types';
import en from '../../../src/features/kennisatelier/i18n/en.json';
import italian from '../../../src/features/kennisatelier/i18n/it.json';
import nl from '../../../src/features/kennisatelier/i18n/nl.json';
import { CardText } from '../../../src/platform/card-text';
import { I18n } from '../../../src/platform/i18n/i18n';
import platformEn from '../../../src/platform/i18n/en.json';
import platformIt from '../../../src/platform/i18n/it.json';
import platformNl from '../../../src/platform/i18n/nl.json';
import { Organisation, type Locale } from '../../../src/platform/org/organisation';
import { cardInputs, cardText, expectCardHouseRules, walk } from '../../support/cards';

const org = Organisation.load('config/org.demo.json');
const i18n = new I18n(org);
i18n.register({ nl: platformNl, en: platformEn, it: platformIt });
i18n.register({ nl, en, it: italian });
const deps = { i18n, org };
const textIn = (locale: Locale) => CardText.for(deps, locale);
const now = new Date('2026-11-23T09:00:00Z');

const atelier: Atelier = {
  id: 'a1',
  title: 'Klik [hier](https://evil.example) <at>iedereen</at>',
  description: '# Kop\n- lijst\n**vet**',
  startsAt: '2026-12-01T13:00:00.000Z',
  endsAt: '2026-12-01T15:00:00.000Z',
  deadline: '2026-12-01T13:00:00.000Z',
  room: 'Zaal *1*',
  meetingUrl: 'https://teams.microsoft.com/l/meetup-join/x',
  capacity: 30,
  channelIds: ['19:c@thread.tacv2'],
  networkIds: [],
  createdBy: '7a11e1b0-0000-4000-8000-000000000001',
  createdAt: '2026-11-23T09:00:00.000Z',
  updatedAt: '2026-11-23T09:00:00.000Z',
  status: 'published',
  revision: 0,
  listedFrom: '2026-11-23T09:00:00.000Z',
};
const summary = { capacity: 30, attending: 12, waitlisted: 0 };
const people = [{ id: 'p1', name: 'Bram Mulder' }];

function allCards(locale: 'nl' | 'en') {
  const kinds: AtelierMessageKind[] = [
    'promoted',
    'changed',
    'cancelled',
    'reminder',
    'attendancePrompt',
    'attendanceNudge',
  ];
  return [
    renderAtelierCard(textIn(locale), { atelier, summary, now }),
    renderAtelierCard(textIn(locale), {
      atelier,
      summary,
      now,
      personal: { status: { state: 'attending' }, organiser: true, icsUrl: 'https://x/files/t' },
    }),
    renderAtelierCard(textIn(locale), {
      atelier,
      summary,
      now,
      personal: { status: { state: 'waitlisted', position: 3 }, organiser: false },
    }),
    renderAtelierCard(textIn(locale), { atelier: { ...atelier, status: 'cancelled' }, summary, now }),
    renderAtelierList(textIn(locale), [{ atelier, summary, ended: false }], true),
    renderAtelierList(textIn(locale), [], false),
    renderCreatePrompt(textIn(locale)),
    renderAtelierForm(textIn(locale), {
      mode: { kind: 'create', draftId: 'd1' },
      channels: [{ title: 'Panel › Algemeen', value: 'c1' }],
      networks: [{ title: 'R-Pride', value: 'r-pride' }],
      earlyAccessHours: 48,
    }),
    renderAtelierForm(textIn(locale), {
      mode: { kind: 'edit', atelierId: 'a1' },
      earlyAccessHours: 48,
      error: 'fout',
    }),
    renderRosterCard(textIn(locale), {
      atelier,
      summary,
      attending: people,
      waitlist: [],
      csvUrl: 'https://x/files/t',
    }),
    renderAttendanceCard(textIn(locale), { atelier, people, selected: ['p1'] }),
    renderConfirmCancelCard(textIn(locale), atelier),
    ...kinds.map((k) => renderAtelierMessage(textIn(locale), k, atelier)),
  ];
}

describe('kennisatelier cards', () => {
  it.each(['nl', 'en'] as const)(
    'follow the accessibility rules in %s: 1.5, wrapped text, labelled inputs, no unbound data',
    (locale) => {
      for (const card of allCards(locale)) {
        expectCardHouseRules(card);
        const headings: unknown[] = [];
        walk(card, (n) => n.style === 'heading' && headings.push(n));
        expect(headings.length).toBeGreaterThan(0);
      }
    },
  );

  it('escapes organiser text: no hidden links, no mentions, no markdown', () => {
    for (const card of allCards('nl')) {
      const json = JSON.stringify(card);
      expect(json).not.toContain('[hier](https://evil.example)');
      expect(json).not.toMatch(/<at>/);
    }
    const text = cardText(renderAtelierCard(textIn('nl'), { atelier, summary, now }));
    expect(text).toContain('Klik \\[hier\\]\\(https://evil.example\\)');
    expect(text).toContain('\\# Kop');
    expect(text).toContain('12 van 30 plekken bezet');
  });

  it('shows unlimited seats and the waitlist in words', () => {
    const unlimited = cardText(
      renderAtelierCard(textIn('nl'), {
        atelier: { ...atelier, capacity: null },
        summary: { capacity: null, attending: 7, waitlisted: 0 },
        now,
      }),
    );
    expect(unlimited).toContain('7 aangemeld (geen maximum)');
    const full = cardText(
      renderAtelierCard(textIn('en'), {
        atelier,
        summary: { capacity: 30, attending: 30, waitlisted: 4 },
        now,
      }),
    );
    expect(full).toContain('30 of 30 seats taken');
    expect(full).toContain('4 on the waiting list');
  });

  it('the form leaves empty date, time and number values out and keeps typed ones', () => {
    const card = renderAtelierForm(textIn('nl'), {
      mode: { kind: 'create', draftId: 'd1' },
      earlyAccessHours: 48,
      values: { title: 'T', capacity: '25', date: '' },
    });
    const inputs = Object.fromEntries(cardInputs(card).map((i) => [i.id as string, i]));
    expect(inputs.capacity!.value).toBe(25);
    expect('value' in inputs.date!).toBe(false);
    expect(inputs.title!.value).toBe('T');
  });
});
