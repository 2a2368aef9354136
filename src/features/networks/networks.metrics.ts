import { countIn, levelIn } from '../../platform/aggregates/aggregate-tables';
import { quarterOf } from '../../platform/aggregates/quarters';
import type { AppDeps } from '../../platform/deps';
import { local, message, textOf, type MetricCell } from '../../platform/metrics';
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
  const networks = () => deps.org.networks.map((n) => ({ id: n.id, label: local(n.name) }));
  // The figure's words are under `networks.figures.<key>` in the feature's catalogues.
  const byNetwork = (key: 'members' | 'announcements' | 'rsvps', unit: 'members' | 'count') => ({
    title: message(`networks.figures.${key}.title`),
    description: message(`networks.figures.${key}.description`),
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
    title: message('networks.figures.title'),
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
        ...byNetwork('members', 'members'),
        summarise(table, w) {
          const last = table.rows
            .map((r) => {
              const c = r.cells.at(-1);
              const shown = c?.kind === 'exact' ? String(c.value) : c?.kind === 'under5' ? '<5' : '–';
              return `${textOf(r.label, w)} ${shown}`;
            })
            .join(', ');
          return w.t('networks.figures.members.summary', { list: last });
        },
      },
      {
        id: 'networks.announcements',
        order: 2,
        chart: 'bar',
        ...byNetwork('announcements', 'count'),
      },
      {
        id: 'networks.rsvps',
        order: 3,
        chart: 'bar',
        ...byNetwork('rsvps', 'count'),
      },
    ],
  });
}
