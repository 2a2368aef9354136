import { CardText } from '../../platform/card-text';
import { cardActivity, type AdaptiveCard } from '../../platform/cards';
import type { Clock } from '../../platform/clock';
import type {
  Delivery,
  DeliveryRecipient,
  RecipientKey,
  Urgency,
} from '../../platform/delivery/delivery.port';
import { userKey } from '../../platform/delivery/delivery.port';
import type { Downloads } from '../../platform/downloads';
import type { I18n } from '../../platform/i18n/i18n';
import type { Locale, Organisation } from '../../platform/org/organisation';
import { currentOwner, unitsOf } from './sturingsgesprek.access';
import { sheetView } from './sturingsgesprek.answering.service';
import { renderAnswerCard } from './cards/answer.card';
import { renderClosedCard, renderConfirmCard, renderReminderCard } from './cards/notices.card';
import type { RoundPeople } from './sturingsgesprek.people.service';
import type { SturingsgesprekRepository } from './sturingsgesprek.repository';
import { t } from './sturingsgesprek.text.format';
import type { AnswerRole, RoundDoc, SheetDoc, StatusRow, UnitSnapshot } from './sturingsgesprek.types';
import { downloadKinds, type ReportLinks } from './sturingsgesprek.verbs';

export interface NotifierDeps {
  repo: SturingsgesprekRepository;
  org: Organisation;
  clock: Clock;
  i18n: I18n;
  delivery: Delivery;
  downloads: Downloads;
  people: RoundPeople;
  localeOf(aadObjectId: string): Promise<Locale>;
}

export const broadcastIds = {
  /** One broadcast per unit: a person who answers for two units gets both cards. */
  round: (roundId: string, unitId: string) => `sg:${roundId}:round:${unitId}`,
  deputy: (roundId: string, unitId: string, n: number) => `sg:${roundId}:deputy:${unitId}:${n}`,
  confirm: (roundId: string) => `sg:${roundId}:confirm`,
  reminder: (roundId: string, days: number) => `sg:${roundId}:reminder:${days}`,
  nudge: (roundId: string, token: string, target: string) => `sg:${roundId}:nudge:${token}:${target}`,
  closed: (roundId: string) => `sg:${roundId}:closed`,
};

/** Everything the feature sends on its own (not as a reply): through the outbox, with idempotent ids. */
export class RoundNotifier {
  constructor(private readonly d: NotifierDeps) {}

  /** Words in the recipient's own language (the one their Teams last used with the bot). */
  private async words(id: string): Promise<CardText> {
    return CardText.for(this.d, await this.d.localeOf(id));
  }

  /** Who answers for a unit: the director (or head) now, and the deputy if one is named. */
  private answerers(
    unit: UnitSnapshot,
    sheet: SheetDoc | undefined,
  ): Array<{ id: string; role: AnswerRole }> {
    const owner = currentOwner(this.d.org, unit) ?? unit.ownerId;
    return [
      { id: owner, role: 'owner' as const },
      ...(sheet?.deputyId ? [{ id: sheet.deputyId, role: 'deputy' as const }] : []),
    ];
  }

  private async sheetCard(
    round: RoundDoc,
    unit: UnitSnapshot,
    sheet: SheetDoc,
    viewer: { id: string; role: AnswerRole },
  ) {
    const loaded = { round, unit, sheet, role: viewer.role };
    const view = await sheetView(this.d.repo, this.d.clock, this.d.people, loaded, viewer.id);
    return renderAnswerCard(await this.words(viewer.id), view);
  }

  async sendRoundCards(round: RoundDoc): Promise<void> {
    const sheets = await this.d.repo.sheets(round.roundId);
    for (const unit of round.units) {
      const sheet = sheets.find((s) => s.unitId === unit.unitId);
      if (!sheet) continue;
      const recipients: DeliveryRecipient[] = [];
      for (const viewer of this.answerers(unit, sheet)) {
        recipients.push({
          key: userKey(viewer.id),
          activity: cardActivity(await this.sheetCard(round, unit, sheet, viewer), round.periodLabel),
        });
      }
      await this.d.delivery.enqueue({
        broadcastId: broadcastIds.round(round.roundId, unit.unitId),
        purpose: 'sturingsgesprek.round',
        urgency: 'normal',
        createdBy: round.createdBy,
        recipients,
      });
    }
  }

  /** Per unit, who its round cards (to the director, and to each deputy named) did not reach, and why. */
  async notReached(round: RoundDoc, sheets: SheetDoc[]): Promise<Map<string, StatusRow['notReached']>> {
    const byUnit = new Map<string, StatusRow['notReached']>();
    for (const unit of round.units) {
      const sheet = sheets.find((s) => s.unitId === unit.unitId);
      const ids = [broadcastIds.round(round.roundId, unit.unitId)];
      for (let n = 1; n <= (sheet?.deputyAssignments ?? 0); n++)
        ids.push(broadcastIds.deputy(round.roundId, unit.unitId, n));
      const missed = (await Promise.all(ids.map((id) => this.d.delivery.notReached(id)))).flat();
      byUnit.set(
        unit.unitId,
        missed.map((m) => ({ id: m.key.slice('user:'.length), reason: m.reason, graph: m.graph })),
      );
    }
    return byUnit;
  }

  async sendDeputyCard(round: RoundDoc, unit: UnitSnapshot, sheet: SheetDoc): Promise<void> {
    if (!sheet.deputyId) return;
    const card = await this.sheetCard(round, unit, sheet, { id: sheet.deputyId, role: 'deputy' });
    await this.d.delivery.enqueue({
      broadcastId: broadcastIds.deputy(round.roundId, unit.unitId, sheet.deputyAssignments),
      purpose: 'sturingsgesprek.deputy',
      urgency: 'normal',
      recipients: [{ key: userKey(sheet.deputyId), activity: cardActivity(card, round.periodLabel) }],
    });
  }

  /** The DIG office confirms a round before it goes out; without a DIG office, the gemeentesecretaris. */
  async sendConfirmRequest(round: RoundDoc): Promise<void> {
    const org = this.d.org;
    const office = org.peopleWithRole('digOffice');
    const to = (office.length ? office : org.peopleWithRole('gemeentesecretaris')).map((p) =>
      p.aadObjectId.toLowerCase(),
    );
    const preview = round.units.length ? round.units : unitsOf(org, round.includeDepartments);
    const names = await this.d.people.names(preview, []);
    const recipients: DeliveryRecipient[] = [];
    for (const id of to) {
      const w = await this.words(id);
      const intro = t(w, 'card.confirm.introScheduled');
      const card = renderConfirmCard(w, { round, units: preview, names, intro });
      recipients.push({ key: userKey(id), activity: cardActivity(card) });
    }
    await this.d.delivery.enqueue({
      broadcastId: broadcastIds.confirm(round.roundId),
      purpose: 'sturingsgesprek.confirm',
      urgency: 'normal',
      recipients,
    });
  }

  /** A reminder or a nudge, only to units that have not submitted (director and deputy). */
  async sendReminder(
    round: RoundDoc,
    pending: Array<{ unit: UnitSnapshot; sheet: SheetDoc }>,
    broadcastId: string,
    kind: 'reminder' | 'nudge',
    urgency: Urgency,
  ): Promise<number> {
    const recipients: DeliveryRecipient[] = [];
    for (const { unit, sheet } of pending) {
      for (const viewer of this.answerers(unit, sheet)) {
        const card = renderReminderCard(await this.words(viewer.id), { round, unit, sheet, kind });
        recipients.push({ key: userKey(viewer.id), activity: cardActivity(card, round.periodLabel) });
      }
    }
    if (recipients.length)
      await this.d.delivery.enqueue({ broadcastId, purpose: `sturingsgesprek.${kind}`, urgency, recipients });
    return recipients.length;
  }

  managers(): string[] {
    const org = this.d.org;
    const ids = [...org.peopleWithRole('gemeentesecretaris'), ...org.peopleWithRole('digOffice')].map((p) =>
      p.aadObjectId.toLowerCase(),
    );
    return [...new Set(ids)];
  }

  /** At the deadline: the list of who did not answer, and the report, to the gemeentesecretaris and DIG office. */
  async sendClosed(round: RoundDoc, sheets: SheetDoc[]): Promise<void> {
    const submitted = sheets.filter((s) => s.state === 'submitted').map((s) => s.unitId);
    const missing = round.units.filter((u) => !submitted.includes(u.unitId));
    const names = await this.d.people.names(missing, []);
    const recipients: DeliveryRecipient[] = [];
    for (const id of this.managers()) {
      const w = await this.words(id);
      const total = round.units.length;
      const card = renderClosedCard(w, { round, submitted: submitted.length, total, missing, names });
      recipients.push({ key: userKey(id), activity: cardActivity(card, round.periodLabel) });
    }
    await this.d.delivery.enqueue({
      broadcastId: broadcastIds.closed(round.roundId),
      purpose: 'sturingsgesprek.closed',
      urgency: 'normal',
      recipients,
    });
  }

  reportLinks(roundId: string, subject: string, locale: Locale): ReportLinks {
    const id = `${roundId}~${locale}`;
    const link = (kind: keyof typeof downloadKinds) =>
      this.d.downloads.link(downloadKinds[kind], id, subject);
    return { docx: link('docx'), markdown: link('markdown'), csv: link('csv') };
  }

  /** Replaces the round cards people already have with the closed (read-only) version. */
  async closeDeliveredCards(round: RoundDoc, sheets: SheetDoc[]): Promise<void> {
    for (const unit of round.units) {
      const sheet = sheets.find((s) => s.unitId === unit.unitId);
      if (!sheet) continue;
      const byKey = new Map<RecipientKey, AdaptiveCard>();
      for (const viewer of this.answerers(unit, sheet))
        byKey.set(userKey(viewer.id), await this.sheetCard(round, unit, sheet, viewer));
      const activityFor = (key: RecipientKey) => {
        const card = byKey.get(key);
        return card && cardActivity(card, round.periodLabel);
      };
      const ids = [broadcastIds.round(round.roundId, unit.unitId)];
      for (let n = 1; n <= sheet.deputyAssignments; n++)
        ids.push(broadcastIds.deputy(round.roundId, unit.unitId, n));
      for (const id of ids) {
        // Idempotent per update id; a broadcast that never went out (no recipients) has nothing to replace.
        if (await this.d.delivery.status(id)) await this.d.delivery.enqueueUpdate(id, 'closed', activityFor);
      }
    }
  }
}
