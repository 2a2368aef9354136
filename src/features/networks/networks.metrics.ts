import { baseLocale } from '../../platform/i18n/locale';
import { countIn, levelIn } from '../../platform/aggregates/aggregate-tables';
import { quarterOf } from '../../platform/aggregates/quarters';
import type { AppDeps } from '../../platform/deps';
import { bilingualOf, text as labelText, type Bilingual, type MetricCell } from '../../platform/metrics';
import { SignupService } from '../../platform/signups';
import { cellOf } from '../../platform/stats/small-cells';
import { AnnouncementRepository, meetupListId } from './networks.announcement.repository';
import { MembershipRepository } from './networks.membership.repository';

const FAMILY = 'networks';

/**
 * Network figures: members per network over time (a count measured each time the fold runs, the
 * last one of a quarter stays; under 5 shown as "<5": membership is special-category data, a count
 * is all that leaves the feature), announcements sent and meetup sign-ups.
 */
export function registerNetworksMetrics(
  deps: Pick<AppDeps, 'store' | 'clock' | 'org' | 'aggregates' | 'metrics'>,
): void {
  const members = new MembershipRepository(deps.store);
  const announcements = new AnnouncementRepository(deps.store);
  const signups = new SignupService(deps.store, deps.clock);
  const zone = deps.org.data.organisation.timeZone;
  const networks = () => deps.org.networks.map((n) => ({ id: n.id, label: bilingualOf(n.name) }));
  const byNetwork = (title: Bilingual, description: Bilingual, key: string, unit: 'members' | 'count') => ({
    title,
    description,
    async table(ctx: { trend: string[]; quarters: string[] }) {
      const quarters = unit === 'members' ? ctx.trend : ctx.quarters;
      const docs = await deps.aggregates.quarters(FAMILY, quarters);
      const rows = networks().map((n) => ({
        key: n.id,
        label: n.label,
        cells: quarters.map((q): MetricCell => {
          const n2 = countIn(docs, q, `${key}:${n.id}`);
          // Sign-ups for a network's meetup say something about who is in it: counted with suppression.
          if (unit === 'count') return key === 'rsvps' ? cellOf(n2) : { kind: 'exact', value: n2 };
          const level = levelIn(docs, q, `${key}:${n.id}`);
          return level === undefined ? { kind: 'none' } : cellOf(level);
        }),
      }));
      return { columns: quarters.map((q) => ({ key: q, label: q })), rows, unit: 'count' as const };
    },
  });

  deps.metrics.add({
    id: 'networks',
    order: 40,
    title: { nl: 'Netwerken', en: 'Networks' },
    async collect(now) {
      const quarter = quarterOf(now, zone);
      const levels: Record<string, number> = {};
      for (const n of deps.org.networks) levels[`members:${n.id}`] = await members.count(n.id);
      await deps.aggregates.measure(FAMILY, quarter, levels);
      const ids = deps.org.networks.map((n) => n.id);
      for (const a of await announcements.recent(ids, 1000)) {
        if (a.status !== 'sent' || !a.sentAt) continue;
        await deps.aggregates.fold(FAMILY, quarterOf(a.sentAt, zone), `sent:${a.id}`, {
          [`announcements:${a.networkId}`]: 1,
        });
        const meetup = a.meetup;
        if (a.kind !== 'meetup' || !meetup?.rsvp || Date.parse(meetup.startsAt) > now.getTime()) continue;
        const list = await signups.summary(meetupListId(a.id)).catch(() => undefined);
        if (!list) continue;
        await deps.aggregates.fold(FAMILY, quarterOf(meetup.startsAt, zone), `meetup:${a.id}`, {
          [`meetups:${a.networkId}`]: 1,
          [`rsvps:${a.networkId}`]: list.attending,
        });
      }
    },
    metrics: [
      {
        id: 'networks.members',
        order: 1,
        chart: 'line',
        ...byNetwork(
          { nl: 'Leden per netwerk', en: 'Members per network' },
          {
            nl: 'Aantal leden aan het eind van elk kwartaal. Minder dan 5 tonen we als "<5".',
            en: 'Members at the end of each quarter. Fewer than 5 are shown as "<5".',
          },
          'members',
          'members',
        ),
        summarise(table, locale) {
          const last = table.rows
            .map((r) => {
              const c = r.cells.at(-1);
              const shown = c?.kind === 'exact' ? String(c.value) : c?.kind === 'under5' ? '<5' : '–';
              return `${labelText(r.label, locale)} ${shown}`;
            })
            .join(', ');
          return baseLocale(locale) === 'nl'
            ? `Leden aan het eind van de periode: ${last}.`
            : `Members at the end of the period: ${last}.`;
        },
      },
      {
        id: 'networks.announcements',
        order: 2,
        chart: 'bar',
        ...byNetwork(
          { nl: 'Aankondigingen per netwerk', en: 'Announcements per network' },
          {
            nl: 'Verstuurde aankondigingen in de gekozen periode.',
            en: 'Announcements sent in the chosen period.',
          },
          'announcements',
          'count',
        ),
      },
      {
        id: 'networks.rsvps',
        order: 3,
        chart: 'bar',
        ...byNetwork(
          { nl: 'Aanmeldingen voor meetups', en: 'Meetup sign-ups' },
          {
            nl: 'Aanmeldingen voor meetups die in de gekozen periode plaatsvonden.',
            en: 'Sign-ups for meetups held in the chosen period.',
          },
          'rsvps',
          'count',
        ),
      },
    ],
  });
}
