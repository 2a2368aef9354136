import { DateTime } from 'luxon';
import type { CardText } from '../../../platform/card-text';
import { renderCard, type AdaptiveCard } from '../../../platform/cards';
import type { Atelier } from '../kennisatelier.types';
import { kennisatelierVerbs as verbs } from '../kennisatelier.verbs';
import template from './atelier-form.card.json';

/** What the form shows; strings exactly as the inputs send them back. */
export interface AtelierFormValues {
  title: string;
  description: string;
  date: string;
  start: string;
  end: string;
  room: string;
  meetingUrl: string;
  capacity: string;
  deadlineDate: string;
  deadlineTime: string;
  channels: string;
  networks: string;
}

export interface AtelierFormInput {
  /** create: a new atelier under `draftId`; edit: the atelier's id (audience fixed). */
  mode: { kind: 'create'; draftId: string } | { kind: 'edit'; atelierId: string };
  values?: Partial<AtelierFormValues>;
  error?: string;
  channels?: Array<{ title: string; value: string }>;
  networks?: Array<{ title: string; value: string }>;
  earlyAccessHours: number;
}

const empty: AtelierFormValues = {
  title: '',
  description: '',
  date: '',
  start: '',
  end: '',
  room: '',
  meetingUrl: '',
  capacity: '',
  deadlineDate: '',
  deadlineTime: '',
  channels: '',
  networks: '',
};

/** Empty values on date, time and number inputs are left out: an empty string is not a valid value there. */
function dropEmptyValues(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(dropEmptyValues);
  if (!node || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  if (typeof obj.type === 'string' && obj.type.startsWith('Input.') && obj.value === '') delete obj.value;
  Object.values(obj).forEach(dropEmptyValues);
}

export function renderAtelierForm(text: CardText, input: AtelierFormInput): AdaptiveCard {
  const tr = (key: string, params?: Record<string, string | number>) =>
    text.t(`kennisatelier.form.${key}`, params);
  const creating = input.mode.kind === 'create';
  const v = { ...empty, ...input.values };
  const capacity = /^\d+$/.test(v.capacity) ? Number(v.capacity) : '';
  const card = renderCard(template, {
    t: text.i18n.tree(text.locale, 'kennisatelier.form'),
    heading: tr(creating ? 'newTitle' : 'editTitle'),
    error: input.error ?? '',
    v: { ...v, capacity },
    showAudience: creating,
    channels: input.channels ?? [],
    networks: input.networks ?? [],
    earlyAccess: tr('earlyAccess', { hours: input.earlyAccessHours }),
    submitTitle: tr(creating ? 'publish' : 'save'),
    submitVerb: creating ? verbs.create : verbs.save,
    submitData:
      input.mode.kind === 'create' ? { draftId: input.mode.draftId } : { atelierId: input.mode.atelierId },
  });
  dropEmptyValues(card);
  return card;
}

/** The stored atelier as form values, in the organisation's zone. */
export function formValuesOf(a: Atelier, zone: string): Partial<AtelierFormValues> {
  const local = (iso: string) => DateTime.fromISO(iso).setZone(zone);
  const start = local(a.startsAt);
  const deadline = local(a.deadline);
  const deadlineIsStart = a.deadline === a.startsAt;
  return {
    title: a.title,
    description: a.description,
    date: start.toFormat('yyyy-MM-dd'),
    start: start.toFormat('HH:mm'),
    end: local(a.endsAt).toFormat('HH:mm'),
    room: a.room ?? '',
    meetingUrl: a.meetingUrl ?? '',
    capacity: a.capacity === null ? '' : String(a.capacity),
    deadlineDate: deadlineIsStart ? '' : deadline.toFormat('yyyy-MM-dd'),
    deadlineTime: deadlineIsStart ? '' : deadline.toFormat('HH:mm'),
  };
}
