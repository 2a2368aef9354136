import type { PanelApp } from '../../platform/bot/panel-app';
import type { AdaptiveCard } from '../../platform/cards';
import { isAppError } from '../../platform/errors';
import type { Actor } from '../../platform/org/organisation';
import { renderPreviewCard } from './cards/announcement.card';
import { emptyFormValues, formValuesFromDoc, formValuesFromRaw, renderFormCard, type FormValues } from './cards/form.card';
import { renderListCard, renderStatusCard } from './cards/status.card';
import { command, execute } from './networks.common.handlers';
import { networksErrors } from './networks.errors';
import type { NetworksModule } from './networks.module';
import { announcementFormSchema, announcementRefSchema, errorKeyOf, formRequestSchema } from './networks.schemas';
import { networksCommands, networksVerbs } from './networks.verbs';
import { z } from 'zod';

/** AppErrors about what was typed: shown on the form again so the coordinator keeps their text. */
const formErrors = new Set(['networks.meetupInPast', 'networks.badDateTime', 'networks.noChannel']);

/** Coordinator flow: form → preview → send (1:1 only). Every service call re-checks the coordinator. */
export function registerAnnounceHandlers(app: PanelApp, m: NetworksModule): void {
  const { i18n, org } = m.deps;
  const zone = org.data.organisation.timeZone;
  const myNetworks = (actor: Actor) => {
    if (actor.coordinatorOf.length === 0) throw networksErrors.notCoordinator();
    return org.data.networks.filter((n) => actor.coordinatorOf.includes(n.id));
  };
  const form = (actor: Actor, kind: 'plain' | 'meetup', values: FormValues = emptyFormValues, extra: { networkId?: string; announcementId?: string; error?: string } = {}) =>
    renderFormCard(m.env, actor.locale, { mode: 'new', kind, networks: myNetworks(actor), values, ...extra });

  command(app, m, networksCommands.announce, async (actor) => form(actor, 'plain'));

  execute(app, m, networksVerbs.form, formRequestSchema, async (actor, data) => form(actor, data.kind, emptyFormValues, { networkId: data.networkId }), { personalOnly: true });

  execute(app, m, networksVerbs.preview, z.unknown(), async (actor, raw): Promise<AdaptiveCard> => {
    const parsed = announcementFormSchema.safeParse(raw ?? {});
    const rawKind = (raw as { kind?: unknown } | null)?.kind === 'meetup' ? 'meetup' : 'plain';
    const again = (error: string) => {
      const rawId = (raw as { announcementId?: unknown; networkId?: unknown } | null) ?? {};
      const networkId = typeof rawId.networkId === 'string' && actor.coordinatorOf.includes(rawId.networkId) ? rawId.networkId : undefined;
      const announcementId = parsed.success ? parsed.data.announcementId : undefined;
      return form(actor, rawKind, formValuesFromRaw(raw), { networkId, announcementId, error });
    };
    if (!parsed.success) return again(i18n.t(actor.locale, errorKeyOf(parsed.error)));
    try {
      const doc = await m.announcements.saveDraft(actor, parsed.data);
      const audience = await m.membership.audienceSize(actor, doc.networkId);
      return renderPreviewCard(m.env, actor.locale, doc, audience);
    } catch (err) {
      if (isAppError(err) && formErrors.has(err.code)) return again(i18n.t(actor.locale, err.messageKey, err.params));
      throw err;
    }
  }, { personalOnly: true });

  execute(app, m, networksVerbs.edit, announcementRefSchema, async (actor, data) => {
    const doc = await m.announcements.draft(actor, data.announcementId);
    return form(actor, doc.kind, formValuesFromDoc(doc, zone), { networkId: doc.networkId, announcementId: doc.id });
  }, { personalOnly: true });

  execute(app, m, networksVerbs.send, announcementRefSchema, async (actor, data) => {
    const { doc, alreadySent } = await m.announcements.send(actor, data.announcementId);
    const status = await m.admin.status(actor, doc.id);
    return renderStatusCard(m.env, actor.locale, status, alreadySent ? '' : i18n.t(actor.locale, 'networks.status.sentNow'));
  }, { personalOnly: true });

  execute(app, m, networksVerbs.list, z.object({}).passthrough(), async (actor) => renderListCard(m.env, actor.locale, await m.announcements.recent(actor)), { personalOnly: true });
}
