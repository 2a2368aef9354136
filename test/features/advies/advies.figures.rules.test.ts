import { periodFigures } from '../../../src/features/advies/advies.figures.rules';
import { suppress } from '../../../src/platform/stats/small-cells';
import type { RequestFigure } from '../../../src/features/advies/advies.types';

const figure = (over: Partial<RequestFigure> = {}): RequestFigure => ({
  quarter: '2026-Q4',
  kind: 'ws',
  clusterId: 'a',
  unsolicited: false,
  outcome: 'advised',
  followUp: 'none',
  fskBand: '13plus',
  joined: 1,
  ...over,
});

describe('advies figures: small-cell suppression', () => {
  it('shows cells under 5 (0 included) as <5, and coarsens the smallest exact cell when only one is hidden', () => {
    expect(
      suppress([
        ['x', 7],
        ['y', 3],
        ['z', 6],
      ]).map((r) => r.cell),
    ).toEqual([{ kind: 'exact', value: 7 }, { kind: 'under5' }, { kind: 'atLeast5' }]);
    expect(
      suppress([
        ['x', 0],
        ['y', 3],
        ['z', 6],
      ]).map((r) => r.cell.kind),
    ).toEqual(['under5', 'under5', 'exact']);
  });

  it('a period with fewer than 5 requests shows only "<5"; years add up the quarters', () => {
    const few = periodFigures([figure(), figure()], ['a'], 'quarter');
    expect(few).toEqual([{ period: '2026-Q4', total: { kind: 'under5' } }]);
    const many = [
      ...Array.from({ length: 3 }, () => figure({ quarter: '2026-Q3' })),
      ...Array.from({ length: 3 }, () => figure({ fskBand: 'upTo8', joined: 0 })),
    ];
    const [year] = periodFigures(many, ['a'], 'year');
    expect(year?.period).toBe('2026');
    expect(year?.total).toEqual({ kind: 'exact', value: 6 });
    // Only procedures the panel joined count, by cluster and band; 3 is under 5.
    expect(year?.wsJoined).toEqual([{ key: 'a|13plus', cell: { kind: 'under5' } }]);
  });
});
