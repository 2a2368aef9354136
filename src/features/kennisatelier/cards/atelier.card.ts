import type { CardText } from '../../../platform/card-text';
import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import type { SignupStatus } from '../../../platform/signups';
import { instantText, seatsText, whenText, whereText } from '../kennisatelier.format';
import type { Atelier, AtelierView, SeatSummary } from '../kennisatelier.types';
import { kennisatelierVerbs as verbs } from '../kennisatelier.verbs';
import template from './atelier.card.json';

interface ExecuteAction {
  title: string;
  verb: string;
  data: Record<string, string>;
  style: 'default' | 'positive' | 'destructive';
}

export interface AtelierViewInput {
  atelier: Atelier;
  summary: SeatSummary;
  now: Date;
  /** Leave out for the shared card in a channel, which every member sees alike. */
  personal?: {
    status: SignupStatus;
    organiser: boolean;
    icsUrl?: string;
    notice?: string;
    openChatUrl?: string;
  };
}

type Phase = 'open' | 'deadlinePassed' | 'started' | 'ended' | 'cancelled';

export function phaseOf(a: Atelier, now: Date): Phase {
  const t = now.toISOString();
  if (a.status === 'cancelled') return 'cancelled';
  if (t >= a.endsAt) return 'ended';
  if (t >= a.startsAt) return 'started';
  return t >= a.deadline ? 'deadlinePassed' : 'open';
}

/** The atelier card: shared in channels (counts, both buttons) or personal (the clicker's own status). */
export function renderAtelierCard(text: CardText, input: AtelierViewInput): AdaptiveCard {
  const { atelier: a, personal } = input;
  const { locale, timeZone: zone } = text;
  const tr = (key: string, params?: Record<string, string | number>) =>
    text.t(`kennisatelier.${key}`, params);
  const phase = phaseOf(a, input.now);
  const state = personal?.status.state ?? 'none';
  const act = (key: string, verb: string, style: ExecuteAction['style'] = 'default'): ExecuteAction => ({
    title: tr(`card.${key}`),
    verb,
    data: { atelierId: a.id },
    style,
  });

  let statusLine = '';
  let statusColor = 'Default';
  if (phase === 'cancelled') [statusLine, statusColor] = [tr('status.cancelled'), 'Attention'];
  else if (personal?.status.state === 'attending')
    [statusLine, statusColor] = [tr('status.attending'), 'Default'];
  else if (personal?.status.state === 'waitlisted')
    [statusLine, statusColor] = [tr('status.waitlisted', { position: personal.status.position }), 'Warning'];
  else if (phase === 'ended') statusLine = tr('status.ended');
  else if (phase !== 'open') statusLine = tr('status.closedForSignup');

  const actions: ExecuteAction[] = [];
  const changeable = phase === 'open' || phase === 'deadlinePassed';
  if (!personal && changeable) {
    if (phase === 'open') actions.push(act('signUp', verbs.signUp, 'positive'));
    actions.push(act('withdraw', verbs.withdraw));
  } else if (personal && changeable) {
    if (state === 'none' && phase === 'open') actions.push(act('signUp', verbs.signUp, 'positive'));
    if (state !== 'none') actions.push(act('withdraw', verbs.withdraw));
  }

  const organiserActions: ExecuteAction[] = [];
  if (personal?.organiser) {
    organiserActions.push(act('roster', verbs.roster));
    if (phase !== 'cancelled' && phase !== 'ended')
      organiserActions.push(act('edit', verbs.editForm), act('cancelAtelier', verbs.confirmCancel));
    if (phase === 'started' || phase === 'ended')
      organiserActions.push(act('attendance', verbs.attendanceForm));
  }

  const seeLinks =
    phase !== 'cancelled' && phase !== 'ended' && (state === 'attending' || personal?.organiser === true);
  return renderCard(template, {
    t: text.i18n.tree(locale, 'kennisatelier.card'),
    title: escapeUserText(a.title),
    description: escapeUserText(a.description),
    statusLine,
    statusColor,
    notice: personal?.notice ?? '',
    when: whenText(a, locale, zone),
    where: escapeUserText(whereText(a, text)),
    seats: seatsText(input.summary, text),
    deadline: instantText(a.deadline, locale, zone),
    waitlistLine:
      input.summary.waitlisted > 0 ? tr('seats.waitlist', { count: input.summary.waitlisted }) : '',
    showPrivacy: phase !== 'cancelled',
    actions,
    organiserActions,
    meetingUrl: seeLinks && a.meetingUrl ? a.meetingUrl : '',
    icsUrl: seeLinks && state === 'attending' && personal?.icsUrl ? personal.icsUrl : '',
    openChatUrl: personal?.openChatUrl ?? '',
  });
}

/** The clicker's own view, from what the signup service found. */
export function renderPersonalView(text: CardText, now: Date, view: AtelierView): AdaptiveCard {
  const notice = view.notice ? text.t(`kennisatelier.notice.${view.notice}`) : undefined;
  return renderAtelierCard(text, {
    atelier: view.atelier,
    summary: view.summary,
    now,
    personal: {
      status: view.status,
      organiser: view.organiser,
      icsUrl: view.icsUrl,
      notice,
      openChatUrl: view.openChatUrl,
    },
  });
}
