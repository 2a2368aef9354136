import { DateTime } from 'luxon';
import { renderCard, type AdaptiveCard } from '../../../platform/cards';
import type { CardText } from '../../../platform/card-text';
import type { Network } from '../../../platform/org/org.schema';
import { limits } from '../networks.schemas';
import type { AnnouncementDoc } from '../networks.types';
import { networksVerbs } from '../networks.verbs';
import template from './form.card.json';

/** Input values as the card holds them (strings), for prefilling. */
export interface FormValues {
  text: string;
  link: string;
  title: string;
  date: string;
  time: string;
  place: string;
  capacity: string;
  rsvp: 'true' | 'false';
  toMembers: 'true' | 'false';
  toChannel: 'true' | 'false';
}

export const emptyFormValues: FormValues = {
  text: '',
  link: '',
  title: '',
  date: '',
  time: '',
  place: '',
  capacity: '',
  rsvp: 'true',
  toMembers: 'true',
  toChannel: 'false',
};

const bool = (v: boolean): 'true' | 'false' => (v ? 'true' : 'false');

export function formValuesFromDoc(doc: AnnouncementDoc, zone: string): FormValues {
  const start = doc.meetup ? DateTime.fromISO(doc.meetup.startsAt).setZone(zone) : undefined;
  return {
    text: doc.text,
    link: doc.link ?? '',
    title: doc.meetup?.title ?? '',
    date: start?.toFormat('yyyy-MM-dd') ?? '',
    time: start?.toFormat('HH:mm') ?? '',
    place: doc.meetup?.place ?? '',
    capacity: doc.meetup?.capacity ? String(doc.meetup.capacity) : '',
    rsvp: bool(doc.meetup?.rsvp ?? true),
    toMembers: bool(doc.toMembers),
    toChannel: bool(doc.toChannel),
  };
}

/**
 * What the coordinator typed, back into the form after a validation error so nothing is lost. Input
 * values are not markdown, so only types and lengths need care here.
 */
export function formValuesFromRaw(raw: unknown): FormValues {
  const data = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const str = (k: keyof FormValues, max: number) =>
    typeof data[k] === 'string' ? (data[k] as string).slice(0, max) : emptyFormValues[k];
  const flag = (k: 'rsvp' | 'toMembers' | 'toChannel') =>
    data[k] === undefined ? emptyFormValues[k] : bool(data[k] === true || data[k] === 'true');
  return {
    text: str('text', limits.text),
    link: str('link', limits.link),
    title: str('title', limits.title),
    date: str('date', 10),
    time: str('time', 5),
    place: str('place', limits.place),
    capacity: str('capacity', 5),
    rsvp: flag('rsvp'),
    toMembers: flag('toMembers'),
    toChannel: flag('toChannel'),
  };
}

export interface FormOptions {
  mode: 'new' | 'correct';
  kind: 'plain' | 'meetup';
  /** The networks the actor coordinates (new), or the announcement's network (correct). */
  networks: Network[];
  networkId?: string;
  values: FormValues;
  error?: string;
  announcementId?: string;
  baseRevision?: number;
}

export function renderFormCard(text: CardText, o: FormOptions): AdaptiveCard {
  const correcting = o.mode === 'correct';
  const title = correcting ? 'titleCorrect' : o.kind === 'meetup' ? 'titleMeetup' : 'titlePlain';
  const networkId = o.networkId ?? o.networks[0]?.id ?? '';
  return renderCard(template, {
    t: text.i18n.tree(text.locale, 'networks.form'),
    title: text.t(`networks.form.${title}`),
    error: o.error ?? '',
    correcting,
    isMeetup: o.kind === 'meetup',
    networkName: text.local(o.networks.find((n) => n.id === networkId)?.name),
    networks: o.networks.map((n) => ({ title: text.local(n.name), value: n.id })),
    networkId,
    showChannel: o.networks.some((n) => !!n.channelId),
    switchTitle: text.t(o.kind === 'meetup' ? 'networks.form.switchToPlain' : 'networks.form.switchToMeetup'),
    switchKind: o.kind === 'meetup' ? 'plain' : 'meetup',
    values: o.values,
    submitTitle: text.t(correcting ? 'networks.form.saveCorrection' : 'networks.form.preview'),
    submitVerb: correcting ? networksVerbs.correct : networksVerbs.preview,
    submitData: correcting
      ? { announcementId: o.announcementId ?? '', baseRevision: String(o.baseRevision ?? 1), kind: o.kind }
      : { announcementId: o.announcementId ?? '', kind: o.kind },
    announcementId: o.announcementId ?? '',
  });
}
