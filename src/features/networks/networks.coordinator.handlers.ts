import { z } from 'zod';
import type { PanelApp } from '../../platform/bot/panel-app';
import { onCardAction, onCommand } from '../../platform/bot/routes';
import type { AdaptiveCard } from '../../platform/cards';
import { CardText } from '../../platform/card-text';
import type { Actor } from '../../platform/org/organisation';
import { formValuesFromDoc, formValuesFromRaw, renderFormCard, type FormValues } from './cards/form.card';
import { renderMembersCard } from './cards/networks.card';
import { renderConfirmRetractCard, renderStatusCard } from './cards/status.card';
import { networksErrors } from './networks.errors';
import type { NetworksDeps, NetworksModule } from './networks.module';
import {
  announcementRefSchema,
  correctionFormSchema,
  errorKeyOf,
  membersRequestSchema,
  retractSchema,
} from './networks.schemas';
import type { AnnouncementDoc } from './networks.types';
import { networksCommands, networksVerbs } from './networks.verbs';

/** AppErrors about what was typed: shown on the correction form again so the coordinator keeps their text. */
const formErrors = new Set([
  networksErrors.meetupInPast.code,
  networksErrors.badDateTime.code,
  networksErrors.kindFixed.code,
  networksErrors.changedMeanwhile.code,
]);

/** After sending (status, resend, retract, correct) and the member list: that network's coordinators, 1:1 only. */
export function registerCoordinatorHandlers(app: PanelApp, deps: NetworksDeps, m: NetworksModule): void {
  const { org } = deps;
  const personalOnly = { personalOnly: networksErrors.personalOnly };
  const status = (text: CardText, key: string, params?: Record<string, string | number>) =>
    text.t(`networks.status.${key}`, params);

  const statusCard = async (actor: Actor, id: string, notice: (text: CardText) => string = () => '') => {
    const text = CardText.for(deps, actor.locale);
    return renderStatusCard(text, await m.admin.status(actor, id), notice(text));
  };
  const correctionForm = (
    actor: Actor,
    doc: AnnouncementDoc,
    values: FormValues,
    error?: string,
    baseRevision = doc.revision,
  ) =>
    renderFormCard(CardText.for(deps, actor.locale), {
      mode: 'correct',
      kind: doc.kind,
      networks: org.networks.filter((n) => n.id === doc.networkId),
      networkId: doc.networkId,
      values,
      error,
      announcementId: doc.id,
      baseRevision,
    });
  /** The correction form again with what was typed; the revision it was opened on is kept when valid. */
  const correctionAgain = (actor: Actor, doc: AnnouncementDoc, raw: unknown, error: string) => {
    const base = Number((raw as { baseRevision?: unknown }).baseRevision);
    return correctionForm(
      actor,
      doc,
      formValuesFromRaw(raw),
      error,
      Number.isInteger(base) && base > 0 ? base : doc.revision,
    );
  };

  onCardAction(
    app,
    deps,
    networksVerbs.status,
    announcementRefSchema,
    (actor, input) => statusCard(actor, input.announcementId),
    personalOnly,
  );

  onCardAction(
    app,
    deps,
    networksVerbs.retryFailed,
    announcementRefSchema,
    async (actor, input) => {
      const count = await m.admin.retryFailed(actor, input.announcementId);
      return statusCard(actor, input.announcementId, (text) => status(text, 'retried', { count }));
    },
    personalOnly,
  );

  onCardAction(
    app,
    deps,
    networksVerbs.retract,
    retractSchema,
    async (actor, input) => {
      if (input.confirm !== 'yes') {
        return renderConfirmRetractCard(
          CardText.for(deps, actor.locale),
          await m.admin.changeable(actor, input.announcementId),
        );
      }
      await m.admin.retract(actor, input.announcementId);
      return statusCard(actor, input.announcementId, (text) => status(text, 'retractDone'));
    },
    personalOnly,
  );

  onCardAction(
    app,
    deps,
    networksVerbs.correctForm,
    announcementRefSchema,
    async (actor, input) => {
      const doc = await m.admin.changeable(actor, input.announcementId);
      return correctionForm(actor, doc, formValuesFromDoc(doc, org.timeZone));
    },
    personalOnly,
  );

  // Only the id is checked by the route: a field that does not parse shows the correction form again with its message.
  const correctionRequest = z
    .object({ announcementId: announcementRefSchema.shape.announcementId })
    .passthrough();
  onCardAction(
    app,
    deps,
    networksVerbs.correct,
    correctionRequest,
    async (actor, raw): Promise<AdaptiveCard> => {
      const doc = await m.announcements.owned(actor, raw.announcementId);
      const parsed = correctionFormSchema.safeParse(raw);
      if (!parsed.success)
        return correctionAgain(actor, doc, raw, deps.i18n.t(actor.locale, errorKeyOf(parsed.error)));
      await m.admin.correct(actor, parsed.data);
      return statusCard(actor, doc.id, (text) => status(text, 'corrected'));
    },
    {
      ...personalOnly,
      onError: async ({ error: err, actor, input: raw }) => {
        if (!raw || !formErrors.has(err.code)) return undefined;
        // The announcement's network and kind do not change, so reading it again gives the same form.
        const doc = await m.announcements.owned(actor, raw.announcementId).catch(() => undefined);
        return doc && correctionAgain(actor, doc, raw, deps.i18n.t(actor.locale, err.messageKey, err.params));
      },
    },
  );

  const members = async (actor: Actor, networkId?: string, page = 1) => {
    const id = networkId ?? actor.coordinatorOf[0];
    if (!id) throw networksErrors.notCoordinator();
    const text = CardText.for(deps, actor.locale);
    const result = await m.membership.members(actor, id, page);
    const others = org.networks
      .filter((n) => n.id !== id && actor.coordinatorOf.includes(n.id))
      .map((n) => ({ id: n.id, name: text.local(n.name) }));
    return renderMembersCard(text, result, others);
  };
  onCommand(app, deps, networksCommands.members, (actor) => members(actor), personalOnly);
  onCardAction(
    app,
    deps,
    networksVerbs.members,
    membersRequestSchema,
    (actor, input) => members(actor, input.networkId, input.page),
    personalOnly,
  );
}
