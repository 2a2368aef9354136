import {
  renderAnnouncementCard,
  renderPreviewCard,
  renderRetractedCard,
} from '../../../src/features/networks/cards/announcement.card';
import { emptyFormValues, renderFormCard } from '../../../src/features/networks/cards/form.card';
import { renderBrowseCard, renderMembersCard } from '../../../src/features/networks/cards/networks.card';
import {
  renderConfirmRetractCard,
  renderListCard,
  renderStatusCard,
} from '../../../src/features/networks/cards/status.card';
import type { AnnouncementDoc } from '../../../src/features/networks/networks.types';
import { CardText } from '../../../src/platform/card-text';
import { cardInputs, cardText, expectCardHouseRules } from '../../support/cards';
import { networksFixture, type NetworksFixture } from './networks.fixture';

const doc: AnnouncementDoc = {
  type: 'announcement',
  id: 'nw-1b4e28ba-2fa1-41d2-883f-0016d3cca427',
  networkId: 'r-pride',
  kind: 'meetup',
  text: 'Samen eten',
  link: 'https://intranet.example.org/pride',
  toMembers: true,
  toChannel: false,
  status: 'sent',
  revision: 2,
  createdBy: 'x',
  createdAt: '2026-11-23T09:00:00.000Z',
  updatedAt: '2026-11-23T09:00:00.000Z',
  sentAt: '2026-11-23T09:05:00.000Z',
  meetup: {
    title: 'Pride-diner',
    startsAt: '2026-12-04T17:00:00.000Z',
    place: 'Timmerhuis',
    capacity: 20,
    rsvp: true,
  },
};

describe('networks cards', () => {
  let f: NetworksFixture;
  beforeAll(async () => {
    f = await networksFixture();
  });
  afterAll(async () => f.close());

  it('every card follows the house rules, in both languages', () => {
    const networks = f.org.networks;
    for (const locale of ['nl', 'en'] as const) {
      const text = new CardText(f.i18n, f.org, locale);
      const cards = [
        renderAnnouncementCard(text, doc, 'member'),
        renderAnnouncementCard(text, doc, 'channel', { rsvp: { state: 'waitlisted', position: 2 } }),
        renderPreviewCard(text, doc, { members: 10, snoozed: 1 }),
        renderRetractedCard(text, 'r-pride'),
        renderFormCard(text, { mode: 'new', kind: 'plain', networks, values: emptyFormValues }),
        renderFormCard(text, { mode: 'new', kind: 'meetup', networks, values: emptyFormValues, error: 'x' }),
        renderFormCard(text, {
          mode: 'correct',
          kind: 'meetup',
          networks: [networks[0]!],
          values: emptyFormValues,
          announcementId: doc.id,
          baseRevision: 2,
        }),
        renderStatusCard(text, {
          doc,
          delivery: {
            broadcastId: doc.id,
            purpose: 'p',
            total: 3,
            queued: 0,
            sent: 2,
            failed: 1,
            inactive: 0,
            createdAt: doc.createdAt,
            finishedAt: doc.sentAt,
          },
          rsvp: {
            capacity: 20,
            attending: Array.from({ length: 150 }, (_, i) => `Collega met een lange naam ${i}`),
            waitlist: [],
          },
          changeableUntil: new Date('2026-12-15T10:00:00Z'),
          changeable: true,
        }),
        renderStatusCard(text, { doc, changeableUntil: new Date('2026-12-15T10:00:00Z'), changeable: false }),
        renderStatusCard(text, { doc: { ...doc, status: 'draft' } }),
        renderConfirmRetractCard(text, doc),
        renderListCard(text, [doc, { ...doc, status: 'draft' }]),
        renderListCard(text, []),
        renderBrowseCard(
          text,
          networks.map((network, i) => ({ network, member: i === 0 })),
        ),
        renderMembersCard(
          text,
          {
            network: networks[0]!,
            total: 120,
            page: 2,
            pages: 3,
            members: Array.from({ length: 50 }, (_, i) => ({ name: `Lid ${i}`, snoozed: i === 3 })),
          },
          [{ id: 'jong-r', name: "Jong'R" }],
        ),
      ];
      cards.forEach((card) => expectCardHouseRules(card, { verbPrefix: 'networks.' }));
    }
  });

  it('the meetup card shows when, where, seats and the visible link; the form asks what a meetup needs', () => {
    const nl = new CardText(f.i18n, f.org, 'nl');
    const text = cardText(renderAnnouncementCard(nl, doc, 'member'));
    expect(text).toContain('vrijdag 4 december 2026, 18:00');
    expect(text).toContain('Timmerhuis');
    expect(text).toContain('Plaatsen: 20');
    expect(text).toContain('Link: https://intranet.example.org/pride');
    const ids = cardInputs(
      renderFormCard(nl, { mode: 'new', kind: 'meetup', networks: f.org.networks, values: emptyFormValues }),
    ).map((i) => i.id);
    expect(ids).toEqual([
      'networkId',
      'text',
      'link',
      'title',
      'date',
      'time',
      'place',
      'capacity',
      'rsvp',
      'toMembers',
      'toChannel',
    ]);
  });

  it('the status card states the change window for a sent announcement only', () => {
    const nl = new CardText(f.i18n, f.org, 'nl');
    const until = new Date('2026-12-15T10:00:00Z');
    const open = cardText(renderStatusCard(nl, { doc, changeableUntil: until, changeable: true }));
    expect(open).toContain('Intrekken of corrigeren kan tot');
    const closed = cardText(renderStatusCard(nl, { doc, changeableUntil: until, changeable: false }));
    expect(closed).toContain('Panelbot bewaart niet meer wie deze aankondiging kreeg');
    const retracted = cardText(
      renderStatusCard(nl, {
        doc: { ...doc, status: 'retracted', retractedAt: '2026-11-24T09:00:00.000Z' },
        changeableUntil: until,
        changeable: false,
      }),
    );
    expect(retracted).not.toContain('bewaart niet meer');
    expect(retracted).not.toContain('Intrekken of corrigeren kan tot');
  });
});
