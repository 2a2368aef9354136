import { baseLocale } from '../../platform/i18n/locale';
import { suppressedBreakdown, type BreakdownRow } from '../../platform/aggregates/aggregate-tables';
import type { AppDeps } from '../../platform/deps';
import { bilingualOf, type Bilingual, type MetricDefinition, type MetricTable } from '../../platform/metrics';
import { ContactRepository } from './contact.repository';
import { NONE } from './contact.stats.rules';
import { contactChannels, type ContactCase } from './contact.types';

const FAMILY = 'contact';
const total: Bilingual = { nl: 'Totaal', en: 'Total' };
const none: Bilingual = { nl: 'Niet vastgelegd', en: 'Not recorded' };
const channelLabels: Record<(typeof contactChannels)[number], Bilingual> = {
  chat: { nl: 'Chat via de bot', en: 'Chat through the bot' },
  teamsCall: { nl: 'Teams-gesprek', en: 'Teams call' },
  inPerson: { nl: 'Persoonlijk gesprek', en: 'In person' },
};

/** What a closed case adds to its quarter: one per dimension. The case keeps nothing identifying either. */
function countsOf(c: ContactCase): Record<string, number> {
  return {
    cases: 1,
    [`topic:${c.topic ?? NONE}`]: 1,
    [`channel:${c.contactChannel}`]: 1,
    [`referral:${c.referralDestination ?? NONE}`]: 1,
  };
}

/**
 * The contact figures for the Inzicht tab: closed cases per quarter by topic, channel and referral,
 * with small-cell suppression. Closed cases are folded into the aggregates long before their
 * retention ends (the fold runs every few hours and before every read), so year figures survive them.
 */
export function registerContactMetrics(
  deps: Pick<AppDeps, 'store' | 'org' | 'aggregates' | 'metrics'>,
): void {
  const repo = new ContactRepository(deps.store);
  const breakdown = (
    id: string,
    order: number,
    title: Bilingual,
    description: Bilingual,
    rows: () => BreakdownRow[],
  ): MetricDefinition => ({
    id,
    order,
    title,
    description,
    chart: 'stackedBar',
    async table(ctx): Promise<MetricTable> {
      const docs = await deps.aggregates.quarters(FAMILY, ctx.quarters);
      return {
        columns: ctx.quarters.map((q) => ({ key: q, label: q })),
        rows: suppressedBreakdown(docs, ctx.quarters, rows(), 'cases', total),
        unit: 'count',
      };
    },
    summarise:
      id !== 'contact.topic'
        ? undefined
        : (table, locale) => {
            // Suppressed quarters stay "<5"/"≥5" in the text too.
            const totals = table.rows.at(-1)?.cells ?? [];
            const list = table.columns
              .map((c, i) => {
                const cell = totals[i];
                const shown =
                  cell?.kind === 'exact' ? String(cell.value) : cell?.kind === 'atLeast5' ? '≥5' : '<5';
                return `${String(c.label)}: ${shown}`;
              })
              .join(', ');
            return baseLocale(locale) === 'nl'
              ? `Afgesloten contacten per kwartaal: ${list}.`
              : `Closed contacts per quarter: ${list}.`;
          },
  });
  const withNone = (items: Array<{ id: string; label: Bilingual }>, prefix: string): BreakdownRow[] => [
    ...items.map((i) => ({ key: i.id, label: i.label, countKey: `${prefix}:${i.id}` })),
    { key: NONE, label: none, countKey: `${prefix}:${NONE}` },
  ];

  deps.metrics.add({
    id: 'contact',
    order: 30,
    title: { nl: 'Vertrouwelijk contact', en: 'Confidential contact' },
    async collect() {
      for (const c of await repo.closedCases())
        await deps.aggregates.fold(FAMILY, c.quarter, c.caseId, countsOf(c));
    },
    metrics: [
      breakdown(
        'contact.topic',
        1,
        { nl: 'Contacten per onderwerp', en: 'Contacts by topic' },
        {
          nl: 'Afgesloten contacten per kwartaal, naar onderwerp. Minder dan 5 tonen we als "<5".',
          en: 'Closed contacts per quarter, by topic. Fewer than 5 are shown as "<5".',
        },
        () =>
          withNone(
            deps.org.contactTopics.map((t) => ({ id: t.id, label: bilingualOf(t.label) })),
            'topic',
          ),
      ),
      breakdown(
        'contact.channel',
        2,
        { nl: 'Contacten per kanaal', en: 'Contacts by channel' },
        {
          nl: 'Hoe het contact verliep, per kwartaal. Minder dan 5 tonen we als "<5".',
          en: 'How the contact took place, per quarter. Fewer than 5 are shown as "<5".',
        },
        () => contactChannels.map((ch) => ({ key: ch, label: channelLabels[ch], countKey: `channel:${ch}` })),
      ),
      breakdown(
        'contact.referral',
        3,
        { nl: 'Doorverwijzingen', en: 'Referrals' },
        {
          nl: 'Waarheen het kernteamlid doorverwees, per kwartaal. Minder dan 5 tonen we als "<5".',
          en: 'Where the kernteamlid referred to, per quarter. Fewer than 5 are shown as "<5".',
        },
        () =>
          withNone(
            deps.org.referralDestinations.map((d) => ({ id: d.id, label: bilingualOf(d.name) })),
            'referral',
          ),
      ),
    ],
  });
}
