import { z } from 'zod';
import type { PanelApp } from '../../platform/bot/panel-app';
import { onCardAction, onCommand } from '../../platform/bot/routes';
import type { AdaptiveCard } from '../../platform/cards';
import { CardText } from '../../platform/card-text';
import type { Actor } from '../../platform/org/organisation';
import { renderPreviewCard } from './cards/announcement.card';
import {
  emptyFormValues,
  formValuesFromDoc,
  formValuesFromRaw,
  renderFormCard,
  type FormValues,
} from './cards/form.card';
import { renderListCard, renderStatusCard } from './cards/status.card';
import { coordinatedNetworks } from './networks.access';
import { networksErrors } from './networks.errors';
import type { NetworksDeps, NetworksModule } from './networks.module';
import {
  announcementFormSchema,
  announcementRefSchema,
  errorKeyOf,
  formRequestSchema,
} from './networks.schemas';
import { networksCommands, networksVerbs } from './networks.verbs';

/** AppErrors about what was typed: shown on the form again so the coordinator keeps their text. */
const formErrors = new Set([
  networksErrors.meetupInPast.code,
  networksErrors.badDateTime.code,
  networksErrors.noChannel.code,
]);

type FormExtra = { networkId?: string; announcementId?: string; error?: string };

/** Coordinator flow: form → preview → send (1:1 only). Every service call re-checks the coordinator. */
export function registerAnnounceHandlers(app: PanelApp, deps: NetworksDeps, m: NetworksModule): void {
  const personalOnly = { personalOnly: networksErrors.personalOnly };
  const form = (
    actor: Actor,
    kind: 'plain' | 'meetup',
    values: FormValues = emptyFormValues,
    extra: FormExtra = {},
  ) => {
    const networks = coordinatedNetworks(deps.org, actor);
    return renderFormCard(CardText.for(deps, actor.locale), {
      mode: 'new',
      kind,
      networks,
      values,
      ...extra,
    });
  };

  /** The form again with what was typed and why it was refused; only an id that parsed is kept. */
  const formAgain = (actor: Actor, raw: unknown, error: string, announcementId?: string) => {
    const data = (raw ?? {}) as { kind?: unknown; networkId?: unknown };
    const asked = typeof data.networkId === 'string' ? data.networkId : '';
    const networkId = actor.coordinatorOf.includes(asked) ? asked : undefined;
    return form(actor, data.kind === 'meetup' ? 'meetup' : 'plain', formValuesFromRaw(raw), {
      networkId,
      announcementId,
      error,
    });
  };

  onCommand(app, deps, networksCommands.announce, async (actor) => form(actor, 'plain'), personalOnly);

  onCardAction(
    app,
    deps,
    networksVerbs.form,
    formRequestSchema.passthrough(),
    // The switch between plain and meetup carries what was typed (its inputs come with it): keep it.
    async (actor, input) => form(actor, input.kind, formValuesFromRaw(input), { networkId: input.networkId }),
    personalOnly,
  );

  // The form is parsed here, not by the route: a field that does not parse shows the form again with its message.
  onCardAction(
    app,
    deps,
    networksVerbs.preview,
    z.unknown(),
    async (actor, raw): Promise<AdaptiveCard> => {
      const parsed = announcementFormSchema.safeParse(raw ?? {});
      if (!parsed.success) return formAgain(actor, raw, deps.i18n.t(actor.locale, errorKeyOf(parsed.error)));
      const doc = await m.announcements.saveDraft(actor, parsed.data);
      const audience = await m.membership.audienceSize(actor, doc.networkId);
      return renderPreviewCard(CardText.for(deps, actor.locale), doc, audience);
    },
    {
      ...personalOnly,
      onError: async ({ error: err, actor, input: raw }) => {
        if (!formErrors.has(err.code)) return undefined;
        const parsed = announcementFormSchema.safeParse(raw ?? {});
        const error = deps.i18n.t(actor.locale, err.messageKey, err.params);
        return formAgain(actor, raw, error, parsed.success ? parsed.data.announcementId : undefined);
      },
    },
  );

  onCardAction(
    app,
    deps,
    networksVerbs.edit,
    announcementRefSchema,
    async (actor, input) => {
      const doc = await m.announcements.draft(actor, input.announcementId);
      return form(actor, doc.kind, formValuesFromDoc(doc, deps.org.timeZone), {
        networkId: doc.networkId,
        announcementId: doc.id,
      });
    },
    personalOnly,
  );

  onCardAction(
    app,
    deps,
    networksVerbs.send,
    announcementRefSchema,
    async (actor, input) => {
      const text = CardText.for(deps, actor.locale);
      const { doc, alreadySent } = await m.announcements.send(actor, input.announcementId);
      const status = await m.admin.status(actor, doc.id);
      return renderStatusCard(text, status, alreadySent ? '' : text.t('networks.status.sentNow'));
    },
    personalOnly,
  );

  onCardAction(
    app,
    deps,
    networksVerbs.list,
    z.object({}).passthrough(),
    async (actor) => renderListCard(CardText.for(deps, actor.locale), await m.announcements.recent(actor)),
    personalOnly,
  );
}
