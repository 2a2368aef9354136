import { quarterStats, suppress } from '../../../src/features/contact/contact.stats.rules';
import { renderStatsCard } from '../../../src/features/contact/cards/stats.card';
import { CardText } from '../../../src/platform/card-text';
import type { ContactCase, Outcome } from '../../../src/features/contact/contact.types';
import { containers } from '../../../src/storage/document-store.port';
import { cardText } from '../../support/cards';
import { contactFixture, people } from './contact.fixture';

let n = 0;
const closed = (
  quarter: string,
  topic: string | undefined,
  outcome: Outcome,
  referralDestination?: string,
): ContactCase => ({
  caseId: `c${++n}`,
  code: 'AAAA',
  status: 'closed',
  createdAt: '2026-10-01',
  closedAt: '2026-10-02',
  quarter,
  topic,
  contactChannel: 'chat',
  outcome,
  referralDestination,
});
const many = (count: number, make: () => ContactCase) => Array.from({ length: count }, make);

describe('small-cell suppression', () => {
  it('shows 0–4 as "<5" and 5 or more exactly', () => {
    expect(
      suppress([
        ['a', 0],
        ['b', 1],
        ['c', 4],
        ['d', 5],
        ['e', 12],
      ]).map((r) => r.cell),
    ).toEqual([
      { kind: 'under5' },
      { kind: 'under5' },
      { kind: 'under5' },
      { kind: 'exact', value: 5 },
      { kind: 'exact', value: 12 },
    ]);
  });

  it('coarsens the smallest exact cell when a single suppressed cell could be computed from the total', () => {
    expect(
      suppress([
        ['a', 3],
        ['b', 6],
        ['c', 9],
      ]).map((r) => r.cell),
    ).toEqual([{ kind: 'under5' }, { kind: 'atLeast5' }, { kind: 'exact', value: 9 }]);
  });

  it('a quarter with fewer than 5 cases shows no breakdown at all', () => {
    const stats = quarterStats(
      many(4, () => closed('2026-Q3', 'discriminatie', 'adviceGiven')),
      ['discriminatie'],
      ['hr'],
    );
    expect(stats).toEqual([{ quarter: '2026-Q3', total: { kind: 'under5' } }]);
  });
});

describe('statistics for the programmateam', () => {
  it('counts closed cases per quarter by topic, destination and outcome, with small groups as "<5" and no one identifiable', async () => {
    const f = await contactFixture();
    const cases = [
      ...many(6, () => closed('2026-Q4', 'uitsluiting', 'adviceGiven')),
      ...many(2, () => closed('2026-Q4', 'discriminatie', 'referred', 'vertrouwenspersoon')),
      ...many(5, () => closed('2026-Q4', undefined, 'referred', 'hr')),
      ...many(3, () => closed('2026-Q3', 'uitsluiting', 'noFollowUp')),
    ];
    for (const c of cases) await f.store.create(containers.contact, { pk: 'case', id: c.caseId, data: c });
    const stats = await f.s.stats.quarters(f.actor(people.sanne));
    expect(stats.map((q) => q.quarter)).toEqual(['2026-Q4', '2026-Q3']);
    const q4 = stats[0];
    expect(q4.total).toEqual({ kind: 'exact', value: 13 });
    const cell = (rows: typeof q4.byTopic, key: string) => rows?.find((r) => r.key === key)?.cell;
    expect(cell(q4.byTopic, 'uitsluiting')).toEqual({ kind: 'exact', value: 6 });
    expect(cell(q4.byTopic, 'discriminatie')).toEqual({ kind: 'under5' });
    expect(cell(q4.byTopic, 'none')).toEqual({ kind: 'exact', value: 5 });
    expect(cell(q4.byDestination, 'vertrouwenspersoon')).toEqual({ kind: 'under5' });
    expect(cell(q4.byOutcome, 'referred')).toEqual({ kind: 'exact', value: 7 });

    const text = cardText(renderStatsCard(new CardText(f.i18n, f.org, 'nl'), stats));
    expect(text).toContain('2026, kwartaal 4');
    expect(text).toContain('Totaal: 13');
    expect(text).toContain('Discriminatie: <5');
    expect(text).toContain('Uitsluiting: 6');
    expect(text).toContain('2026, kwartaal 3');
    expect(text).toContain('Minder dan 5 zaken');
    expect(text).not.toMatch(/: [1-4]\b/); // no count from 1 to 4 anywhere
    await f.store.close();
  });

  it('is only for the programmateam', async () => {
    const f = await contactFixture();
    await expect(f.s.stats.quarters(f.actor(people.noor))).rejects.toMatchObject({
      messageKey: 'contact.error.programmateamOnly',
    });
    await expect(f.s.stats.quarters(f.actor(people.lotte))).rejects.toMatchObject({
      messageKey: 'contact.error.programmateamOnly',
    });
    await f.store.close();
  });
});
