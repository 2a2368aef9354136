import { randomUUID } from 'node:crypto';
import type { PanelApp } from '../../platform/bot/panel-app';
import { actorOf, answerCard, noticeCard, parsePayload } from '../../platform/bot/turn';
import type { AdaptiveCard } from '../../platform/cards';
import type { AppDeps } from '../../platform/deps';
import { commonErrors, isAppError } from '../../platform/errors';
import type { Actor } from '../../platform/org/organisation';
import type { ZodType, ZodTypeDef } from 'zod';
import { renderAttendanceCard, renderConfirmCancelCard, renderRosterCard } from './cards/atelier-roster.card';
import { formValuesOf, renderAtelierForm, type AtelierFormInput, type AtelierFormValues } from './cards/atelier-form.card';
import { renderPersonalView } from './cards/atelier.card';
import { atelierError } from './kennisatelier.errors';
import { instantText } from './kennisatelier.format';
import { atelierRefSchema, createAtelierSchema, markAttendanceSchema, saveAtelierSchema } from './kennisatelier.schemas';
import type { AtelierServices } from './kennisatelier.services';
import { kennisatelierVerbs as verbs } from './kennisatelier.verbs';

/** Mistakes in what the organiser filled in: answered with the form again, their input kept. */
const formErrors = new Set(
  ['invalidDate', 'endBeforeStart', 'inPast', 'deadlineAfterStart', 'noLocation', 'badUrl', 'noAudience', 'unknownAudience', 'capacityTooLow', 'notYourNetwork']
    .map((k) => `kennisatelier.error.${k}`)
    .concat('common.error.invalidInput'),
);

const formKeys: Array<keyof AtelierFormValues> = ['title', 'description', 'date', 'start', 'end', 'room', 'meetingUrl', 'capacity', 'deadlineDate', 'deadlineTime', 'channels', 'networks'];

/** What was typed, as strings, bounded; for showing the form again after a mistake. */
function typedValues(data: unknown): Partial<AtelierFormValues> {
  const raw = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const values: Partial<AtelierFormValues> = {};
  for (const key of formKeys) {
    const v = raw[key];
    if (typeof v === 'string' || typeof v === 'number') values[key] = String(v).slice(0, 2000);
  }
  return values;
}

export async function newAtelierForm(deps: AppDeps, services: AtelierServices, actor: Actor, again?: Pick<AtelierFormInput, 'values' | 'error'> & { draftId?: string }): Promise<AdaptiveCard> {
  const options = await services.admin.audienceOptions(actor);
  return renderAtelierForm(deps, {
    locale: actor.locale,
    mode: { kind: 'create', draftId: again?.draftId ?? randomUUID() },
    ...options,
    values: again?.values,
    error: again?.error,
    earlyAccessHours: deps.org.settings.networkEarlyAccessHours,
  });
}

/** Organiser routes. The services check the role on every one of them. */
export function registerOrganiserHandlers(app: PanelApp, deps: AppDeps, services: AtelierServices): void {
  const route = <T>(verb: string, schema: ZodType<T, ZodTypeDef, unknown>, run: (actor: Actor, input: T, data: unknown) => Promise<AdaptiveCard>) =>
    app.adaptiveCards.actionExecute(verb, async (context, _state, data) => {
      const actor = actorOf(context, deps);
      return answerCard(deps, actor.locale, async () => {
        const input = parsePayload(schema, data);
        if (!input) throw commonErrors.invalidInput();
        return run(actor, input, data);
      });
    });

  /** Runs a form submit; the organiser's own mistakes come back on the form. */
  const withForm = async (actor: Actor, work: () => Promise<AdaptiveCard>, form: (error: string) => Promise<AdaptiveCard>) => {
    try {
      return await work();
    } catch (err) {
      if (isAppError(err) && formErrors.has(err.messageKey)) return form(deps.i18n.t(actor.locale, err.messageKey, err.params));
      throw err;
    }
  };
  const invalid = (actor: Actor) => deps.i18n.t(actor.locale, 'common.error.invalidInput');
  const now = () => deps.clock.now();

  app.adaptiveCards.actionExecute(verbs.newForm, async (context) => {
    const actor = actorOf(context, deps);
    return answerCard(deps, actor.locale, () => newAtelierForm(deps, services, actor));
  });

  app.adaptiveCards.actionExecute(verbs.create, async (context, _state, data) => {
    const actor = actorOf(context, deps);
    const values = typedValues(data);
    const draftId = (data as { draftId?: unknown } | undefined)?.draftId;
    const again = (error: string) => newAtelierForm(deps, services, actor, { values, error, draftId: typeof draftId === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(draftId) ? draftId : undefined });
    return answerCard(deps, actor.locale, async () => {
      const input = parsePayload(createAtelierSchema, data);
      if (!input) return again(invalid(actor));
      return withForm(actor, async () => {
        const atelier = await services.admin.create(actor, input);
        const view = await services.signup.viewOf(actor, atelier, 'published');
        return renderPersonalView(deps, actor.locale, now(), view);
      }, again);
    });
  });

  route(verbs.editForm, atelierRefSchema, async (actor, { atelierId }) => {
    const atelier = await services.admin.requireOrganised(actor, atelierId);
    if (atelier.status === 'cancelled' || now().toISOString() >= atelier.endsAt) throw atelierError('cannotEditEnded');
    return renderAtelierForm(deps, { locale: actor.locale, mode: { kind: 'edit', atelierId }, values: formValuesOf(atelier, deps.org.data.organisation.timeZone), earlyAccessHours: deps.org.settings.networkEarlyAccessHours });
  });

  app.adaptiveCards.actionExecute(verbs.save, async (context, _state, data) => {
    const actor = actorOf(context, deps);
    return answerCard(deps, actor.locale, async () => {
      const ref = parsePayload(atelierRefSchema.passthrough(), data);
      if (!ref) throw commonErrors.invalidInput();
      // The form comes back only to an organiser; anyone else gets the plain refusal.
      await services.admin.requireOrganised(actor, ref.atelierId);
      const again = async (error: string) =>
        renderAtelierForm(deps, { locale: actor.locale, mode: { kind: 'edit', atelierId: ref.atelierId }, values: typedValues(data), error, earlyAccessHours: deps.org.settings.networkEarlyAccessHours });
      const input = parsePayload(saveAtelierSchema, data);
      if (!input) return again(invalid(actor));
      return withForm(actor, async () => {
        const atelier = await services.admin.edit(actor, input);
        return renderPersonalView(deps, actor.locale, now(), await services.signup.viewOf(actor, atelier, 'saved'));
      }, again);
    });
  });

  route(verbs.confirmCancel, atelierRefSchema, async (actor, { atelierId }) =>
    renderConfirmCancelCard(deps, actor.locale, await services.admin.requireOrganised(actor, atelierId)),
  );

  route(verbs.cancel, atelierRefSchema, async (actor, { atelierId }) => {
    const atelier = await services.admin.cancel(actor, atelierId);
    return renderPersonalView(deps, actor.locale, now(), await services.signup.viewOf(actor, atelier, 'cancelled'));
  });

  route(verbs.roster, atelierRefSchema, async (actor, { atelierId }) =>
    renderRosterCard(deps, actor.locale, await services.roster.roster(actor, atelierId)),
  );

  route(verbs.attendanceForm, atelierRefSchema, async (actor, { atelierId }) => {
    const choices = await services.roster.attendanceChoices(actor, atelierId);
    if (!choices.people.length) return noticeCard(deps.i18n.t(actor.locale, 'kennisatelier.attendance.nobody'));
    return renderAttendanceCard(deps, actor.locale, choices);
  });

  route(verbs.markAttendance, markAttendanceSchema, async (actor, input) => {
    const { count, pollAt } = await services.roster.markAttendance(actor, input);
    const when = instantText(pollAt.toISOString(), actor.locale, deps.org.data.organisation.timeZone);
    return noticeCard(deps.i18n.t(actor.locale, 'kennisatelier.notice.attendanceSaved', { count, when }), '', 'Good');
  });
}

