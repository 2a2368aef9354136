import { z } from 'zod';
import type { PanelApp } from '../../platform/bot/panel-app';
import type { AdaptiveCard } from '../../platform/cards';
import { isAppError } from '../../platform/errors';
import type { Actor } from '../../platform/org/organisation';
import { formValuesFromDoc, formValuesFromRaw, renderFormCard, type FormValues } from './cards/form.card';
import { renderMembersCard } from './cards/networks.card';
import { renderConfirmRetractCard, renderStatusCard } from './cards/status.card';
import type { AnnouncementDoc } from './networks.announcement.repository';
import { command, execute } from './networks.common.handlers';
import { networksErrors } from './networks.errors';
import type { NetworksModule } from './networks.module';
import { announcementRefSchema, correctionFormSchema, errorKeyOf, membersRequestSchema, retractSchema } from './networks.schemas';
import { networksCommands, networksVerbs } from './networks.verbs';

const formErrors = new Set(['networks.meetupInPast', 'networks.badDateTime', 'networks.kindFixed', 'networks.changedMeanwhile']);

/** After sending (status, resend, retract, correct) and the member list: that network's coordinators, 1:1 only. */
export function registerCoordinatorHandlers(app: PanelApp, m: NetworksModule): void {
  const { i18n, org } = m.deps;
  const personalOnly = { personalOnly: true };
  const t = (actor: Actor, key: string, params?: Record<string, string | number>) => i18n.t(actor.locale, `networks.status.${key}`, params);

  const statusCard = async (actor: Actor, id: string, notice = '') => {
    const s = await m.admin.status(actor, id);
    return renderStatusCard(m.env, actor.locale, s, notice);
  };
  const correctionForm = (actor: Actor, doc: AnnouncementDoc, values: FormValues, error?: string, baseRevision = doc.revision) =>
    renderFormCard(m.env, actor.locale, {
      mode: 'correct',
      kind: doc.kind,
      networks: org.data.networks.filter((n) => n.id === doc.networkId),
      networkId: doc.networkId,
      values,
      error,
      announcementId: doc.id,
      baseRevision,
    });

  execute(app, m, networksVerbs.status, announcementRefSchema, (actor, data) => statusCard(actor, data.announcementId), personalOnly);

  execute(app, m, networksVerbs.retryFailed, announcementRefSchema, async (actor, data) => {
    const count = await m.admin.retryFailed(actor, data.announcementId);
    return statusCard(actor, data.announcementId, t(actor, 'retried', { count }));
  }, personalOnly);

  execute(app, m, networksVerbs.retract, retractSchema, async (actor, data) => {
    if (data.confirm !== 'yes') return renderConfirmRetractCard(m.env, actor.locale, await m.admin.changeable(actor, data.announcementId));
    await m.admin.retract(actor, data.announcementId);
    return statusCard(actor, data.announcementId, t(actor, 'retractDone'));
  }, personalOnly);

  execute(app, m, networksVerbs.correctForm, announcementRefSchema, async (actor, data) => {
    const doc = await m.admin.changeable(actor, data.announcementId);
    return correctionForm(actor, doc, formValuesFromDoc(doc, org.data.organisation.timeZone));
  }, personalOnly);

  execute(app, m, networksVerbs.correct, z.object({ announcementId: announcementRefSchema.shape.announcementId }).passthrough(), async (actor, raw): Promise<AdaptiveCard> => {
    const doc = await m.announcements.owned(actor, raw.announcementId);
    const parsed = correctionFormSchema.safeParse(raw);
    const base = Number((raw as { baseRevision?: unknown }).baseRevision);
    const again = (error: string) => correctionForm(actor, doc, formValuesFromRaw(raw), error, Number.isInteger(base) && base > 0 ? base : doc.revision);
    if (!parsed.success) return again(i18n.t(actor.locale, errorKeyOf(parsed.error)));
    try {
      await m.admin.correct(actor, parsed.data);
    } catch (err) {
      if (isAppError(err) && formErrors.has(err.code)) return again(i18n.t(actor.locale, err.messageKey, err.params));
      throw err;
    }
    return statusCard(actor, doc.id, t(actor, 'corrected'));
  }, personalOnly);

  const members = async (actor: Actor, networkId?: string, page = 1) => {
    const id = networkId ?? actor.coordinatorOf[0];
    if (!id) throw networksErrors.notCoordinator();
    const result = await m.membership.members(actor, id, page);
    const others = org.data.networks
      .filter((n) => n.id !== id && actor.coordinatorOf.includes(n.id))
      .map((n) => ({ id: n.id, name: org.text(n.name, actor.locale) }));
    return renderMembersCard(m.env, actor.locale, result, others);
  };
  command(app, m, networksCommands.members, (actor) => members(actor));
  execute(app, m, networksVerbs.members, membersRequestSchema, (actor, data) => members(actor, data.networkId, data.page), personalOnly);
}
