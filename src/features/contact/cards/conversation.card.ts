import { randomUUID } from 'node:crypto';
import type { CardText } from '../../../platform/card-text';
import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import type { ContactCase, OfferClosedReason } from '../contact.types';
import { contactVerbs } from '../contact.verbs';
import { channelLabel, renderInfoCard, section, topicLabel, type Button, type Fact } from './info.card';
import conversationTemplate from './conversation.card.json';

/** A message shown in a card: who it is from, and the (escaped) text. */
interface Bubble {
  label: string;
  text: string;
}

interface ConversationCardData {
  title: string;
  facts: Fact[];
  incoming?: Bubble;
  outgoing?: Bubble;
  notes: string[];
  reply?: {
    label: string;
    placeholder: string;
    error: string;
    button: string;
    verb: string;
    data: Record<string, string>;
  };
  buttons: Button[];
}

const render = (data: ConversationCardData): AdaptiveCard => renderCard(conversationTemplate, data);

function caseFacts(text: CardText, c: ContactCase): Fact[] {
  const t = (key: string) => text.t(`contact.offer.${key}`);
  return [
    {
      title: t('who'),
      value: c.requesterNameShared && c.requesterName ? escapeUserText(c.requesterName) : t('anonymous'),
    },
    { title: t('topic'), value: topicLabel(text, c.topic) },
    { title: t('channel'), value: channelLabel(text, c.contactChannel) },
  ];
}

/**
 * The reply box under every relayed message. `quoted` is the message being answered, echoed back so
 * the card can still show it after sending (it travels through Teams, never through our store);
 * `replyId` makes a retried click harmless.
 */
function replyBox(text: CardText, caseId: string, quoted?: string): ConversationCardData['reply'] {
  const t = (key: string) => text.t(`contact.case.${key}`);
  const data: Record<string, string> = { caseId, replyId: randomUUID() };
  if (quoted) data.quoted = quoted;
  return {
    label: t('replyLabel'),
    placeholder: t('replyPlaceholder'),
    error: t('replyError'),
    button: t('send'),
    verb: contactVerbs.send,
    data,
  };
}

export interface OfferData {
  c: ContactCase;
  firstMessage?: string;
  /** Offered after the request was made (someone became available): the first message is gone. */
  late: boolean;
}

export function renderOfferCard(text: CardText, data: OfferData): AdaptiveCard {
  const t = (key: string, params?: Record<string, string>) => text.t(`contact.offer.${key}`, params);
  const pickData: Record<string, string> = { caseId: data.c.caseId };
  if (data.firstMessage) pickData.firstMessage = data.firstMessage;
  return render({
    title: t('title', { code: data.c.code }),
    facts: caseFacts(text, data.c),
    incoming: data.firstMessage
      ? { label: t('firstMessage'), text: escapeUserText(data.firstMessage) }
      : undefined,
    notes: data.late ? [t('lateNote')] : [],
    buttons: [{ title: t('pickUp'), verb: contactVerbs.pickUp, data: pickData }],
  });
}

export function renderOfferClosedCard(text: CardText, code: string, why: OfferClosedReason): AdaptiveCard {
  const t = (key: string) => text.t(`contact.offer.${key}`, { code });
  return renderInfoCard({ title: t(`${why}Title`), sections: [section('', t(`${why}Text`))] });
}

export interface KernteamCaseData {
  c: ContactCase;
  title?: string;
  /** A message from the medewerker (relayed now, or echoed back from a card). */
  incoming?: string;
  /** What the kernteamlid just sent from this card. */
  outgoing?: string;
  /** The first message, only right after pick-up (echoed from the request card). */
  firstMessage?: string;
  withPickUpNotes?: boolean;
  /** Right after pick-up: the codes of the kernteamlid's other open cases (plain text then needs a code). */
  otherCodes?: string[];
}

/** The kernteamlid's view of one case: who/what, the message, a reply box, refer and close. */
export function renderKernteamCaseCard(text: CardText, data: KernteamCaseData): AdaptiveCard {
  const { c } = data;
  const t = (key: string, params?: Record<string, string>) => text.t(`contact.case.${key}`, params);
  const incomingText = data.incoming ?? data.firstMessage;
  const fromLabel =
    c.requesterNameShared && c.requesterName
      ? t('fromRequesterNamed', { name: escapeUserText(c.requesterName) })
      : t('fromRequester');
  const notes = data.withPickUpNotes
    ? [
        data.otherCodes?.length
          ? text.t('contact.case.pickedUpNoteSeveral', {
              code: c.code,
              count: data.otherCodes.length + 1,
              codes: data.otherCodes.join(', '),
            })
          : t('pickedUpNote', { code: c.code }),
        ...(c.contactChannel === 'teamsCall'
          ? [t('callNote')]
          : c.contactChannel === 'inPerson'
            ? [t('meetNote')]
            : []),
      ]
    : [];
  return render({
    title: data.title ?? t('title', { code: c.code }),
    facts: caseFacts(text, c),
    incoming: incomingText
      ? {
          label: data.incoming ? fromLabel : text.t('contact.offer.firstMessage'),
          text: escapeUserText(incomingText),
        }
      : undefined,
    outgoing: data.outgoing ? { label: t('yourMessage'), text: escapeUserText(data.outgoing) } : undefined,
    notes,
    reply: replyBox(text, c.caseId, incomingText),
    buttons: [
      { title: t('refer'), verb: contactVerbs.referChoose, data: { caseId: c.caseId } },
      { title: t('close'), verb: contactVerbs.closeForm, data: { caseId: c.caseId } },
    ],
  });
}

export interface RequesterCaseData {
  c: ContactCase;
  /** Undefined when nobody can name them: the card says "onbekende collega", never the id. */
  kernteamlidName: string | undefined;
  title?: string;
  incoming?: string;
  outgoing?: string;
  withPickUpNotes?: boolean;
}

/** The medewerker's view: the kernteamlid's message, a reply box and a way out. */
export function renderRequesterCaseCard(text: CardText, data: RequesterCaseData): AdaptiveCard {
  const { c } = data;
  const name = escapeUserText(text.person(data.kernteamlidName));
  const t = (key: string, params?: Record<string, string>) => text.t(`contact.case.${key}`, params);
  const notes = data.withPickUpNotes
    ? [
        t('requesterPickedUpNote'),
        ...(c.contactChannel === 'teamsCall'
          ? [t('requesterCallNote', { name })]
          : c.contactChannel === 'inPerson'
            ? [t('requesterMeetNote')]
            : []),
      ]
    : [];
  return render({
    title: data.title ?? t('title', { code: c.code }),
    facts: [],
    incoming: data.incoming
      ? { label: t('fromKernteamlid', { name }), text: escapeUserText(data.incoming) }
      : undefined,
    outgoing: data.outgoing ? { label: t('yourMessage'), text: escapeUserText(data.outgoing) } : undefined,
    notes,
    reply: replyBox(text, c.caseId, data.incoming),
    buttons: [{ title: t('stop'), verb: contactVerbs.stop, data: { caseId: c.caseId } }],
  });
}
