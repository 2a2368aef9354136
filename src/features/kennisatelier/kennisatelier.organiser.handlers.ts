import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { PanelApp } from '../../platform/bot/panel-app';
import { onCardAction } from '../../platform/bot/routes';
import { errorCard, noticeCard } from '../../platform/bot/turn';
import { CardText } from '../../platform/card-text';
import type { AdaptiveCard } from '../../platform/cards';
import { commonErrors, isAppError, type AppError } from '../../platform/errors';
import type { Actor } from '../../platform/org/organisation';
import { renderAttendanceCard } from './cards/atelier-attendance.card';
import { renderConfirmCancelCard } from './cards/atelier-confirm.card';
import {
  formValuesOf,
  renderAtelierForm,
  type AtelierFormInput,
  type AtelierFormValues,
} from './cards/atelier-form.card';
import { renderRosterCard } from './cards/atelier-roster.card';
import { renderPersonalView } from './cards/atelier.card';
import { errors } from './kennisatelier.errors';
import { instantText } from './kennisatelier.format';
import type { KennisatelierDeps, KennisatelierModule } from './kennisatelier.module';
import {
  atelierRefSchema,
  createAtelierSchema,
  markAttendanceSchema,
  saveAtelierSchema,
} from './kennisatelier.schemas';
import { kennisatelierVerbs as verbs } from './kennisatelier.verbs';

/** Mistakes in what the organiser filled in: answered with the form again, their input kept. */
const formErrors = new Set(
  [
    errors.invalidDate,
    errors.endBeforeStart,
    errors.inPast,
    errors.deadlineAfterStart,
    errors.noLocation,
    errors.badUrl,
    errors.noAudience,
    errors.unknownAudience,
    errors.capacityTooLow,
    errors.notYourNetwork,
    commonErrors.invalidInput,
  ].map((e) => e.code),
);

const formKeys: Array<keyof AtelierFormValues> = [
  'title',
  'description',
  'date',
  'start',
  'end',
  'room',
  'meetingUrl',
  'capacity',
  'deadlineDate',
  'deadlineTime',
  'channels',
  'networks',
];

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

/** The draft id the form carried, if it is one; a new one otherwise. */
function draftIdOf(data: unknown): string | undefined {
  const draftId = (data as { draftId?: unknown } | undefined)?.draftId;
  return typeof draftId === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(draftId) ? draftId : undefined;
}

export async function newAtelierForm(
  deps: KennisatelierDeps,
  module: KennisatelierModule,
  actor: Actor,
  again?: Pick<AtelierFormInput, 'values' | 'error'> & { draftId?: string },
): Promise<AdaptiveCard> {
  const options = await module.admin.audienceOptions(actor);
  return renderAtelierForm(CardText.for(deps, actor.locale), {
    mode: { kind: 'create', draftId: again?.draftId ?? randomUUID() },
    ...options,
    values: again?.values,
    error: again?.error,
    earlyAccessHours: deps.org.settings.networkEarlyAccessHours,
  });
}

/** Organiser routes. The services check the role on every one of them. */
export function registerOrganiserHandlers(
  app: PanelApp,
  deps: KennisatelierDeps,
  module: KennisatelierModule,
): void {
  const { admin, signup, roster } = module;
  const now = () => deps.clock.now();
  const text = (actor: Actor) => CardText.for(deps, actor.locale);
  const earlyAccessHours = deps.org.settings.networkEarlyAccessHours;
  const editForm = (actor: Actor, atelierId: string, values: Partial<AtelierFormValues>, error?: string) =>
    renderAtelierForm(text(actor), { mode: { kind: 'edit', atelierId }, values, error, earlyAccessHours });

  /** The organiser's own mistakes come back on the form; a failure while making that form gets the plain card. */
  const formAgain = async (
    error: AppError,
    actor: Actor,
    form: (message: string) => Promise<AdaptiveCard>,
  ) => {
    if (!formErrors.has(error.code)) return undefined;
    try {
      return await form(text(actor).t(error.messageKey, error.params));
    } catch (err) {
      if (isAppError(err)) return errorCard(deps, actor.locale, err);
      throw err;
    }
  };

  onCardAction(app, deps, verbs.newForm, z.unknown(), async (actor) => newAtelierForm(deps, module, actor));

  onCardAction(
    app,
    deps,
    verbs.create,
    createAtelierSchema,
    async (actor, input) => {
      const atelier = await admin.create(actor, input);
      return renderPersonalView(text(actor), now(), await signup.viewOf(actor, atelier, 'published'));
    },
    {
      onError: async ({ error, actor, raw: data }) => {
        return formAgain(error, actor, (message) =>
          newAtelierForm(deps, module, actor, {
            values: typedValues(data),
            error: message,
            draftId: draftIdOf(data),
          }),
        );
      },
    },
  );

  onCardAction(app, deps, verbs.editForm, atelierRefSchema, async (actor, { atelierId }) => {
    const atelier = await admin.requireOrganised(actor, atelierId);
    if (atelier.status === 'cancelled' || now().toISOString() >= atelier.endsAt)
      throw errors.cannotEditEnded();
    return editForm(actor, atelierId, formValuesOf(atelier, deps.org.timeZone));
  });

  onCardAction(
    app,
    deps,
    verbs.save,
    saveAtelierSchema,
    async (actor, input) => {
      const atelier = await admin.edit(actor, input);
      return renderPersonalView(text(actor), now(), await signup.viewOf(actor, atelier, 'saved'));
    },
    {
      onError: async ({ error, actor, raw: data }) => {
        const ref = atelierRefSchema.safeParse(data ?? {});
        // Without a valid atelier id there is no form to show; the form comes back only to an organiser.
        if (!ref.success) return undefined;
        return formAgain(error, actor, async (message) => {
          await admin.requireOrganised(actor, ref.data.atelierId);
          return editForm(actor, ref.data.atelierId, typedValues(data), message);
        });
      },
    },
  );

  onCardAction(app, deps, verbs.confirmCancel, atelierRefSchema, async (actor, { atelierId }) =>
    renderConfirmCancelCard(text(actor), await admin.requireOrganised(actor, atelierId)),
  );

  onCardAction(app, deps, verbs.cancel, atelierRefSchema, async (actor, { atelierId }) => {
    const atelier = await admin.cancel(actor, atelierId);
    return renderPersonalView(text(actor), now(), await signup.viewOf(actor, atelier, 'cancelled'));
  });

  onCardAction(app, deps, verbs.roster, atelierRefSchema, async (actor, { atelierId }) =>
    renderRosterCard(text(actor), await roster.roster(actor, atelierId)),
  );

  onCardAction(app, deps, verbs.attendanceForm, atelierRefSchema, async (actor, { atelierId }) => {
    const choices = await roster.attendanceChoices(actor, atelierId);
    if (!choices.people.length) return noticeCard(text(actor).t('kennisatelier.attendance.nobody'));
    return renderAttendanceCard(text(actor), choices);
  });

  onCardAction(app, deps, verbs.markAttendance, markAttendanceSchema, async (actor, input) => {
    const { count, pollAt } = await roster.markAttendance(actor, input);
    const when = instantText(pollAt.toISOString(), actor.locale, deps.org.timeZone);
    return noticeCard(text(actor).t('kennisatelier.notice.attendanceSaved', { count, when }), '', 'Default');
  });
}
