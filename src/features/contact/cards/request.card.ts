import type { CardText } from '../../../platform/card-text';
import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import type { Person } from '../../../platform/org/org.schema';
import { contactVerbs } from '../contact.verbs';
import { contactChannels, type RequestSent } from '../contact.types';
import { channelLabel, formalLinks, renderInfoCard, safetySections, section } from './info.card';
import formTemplate from './form.card.json';

export function renderIntroCard(text: CardText, openCaseCode?: string): AdaptiveCard {
  const t = (key: string, params?: Record<string, string | number>) => text.t(`contact.intro.${key}`, params);
  const months = Math.round(text.org.settings.contactRetentionDays / 30.4);
  return renderInfoCard({
    title: t('title'),
    sections: [
      ...(openCaseCode ? [section('', t('openCase', { code: openCaseCode }), 'warning')] : []),
      section(t('canHeading'), t('can')),
      section(t('cannotHeading'), t('cannot')),
      section(t('notReportHeading'), text.local(text.org.formalReporting.text)),
      section(t('urgentHeading'), text.local(text.org.urgentHelp), 'attention'),
      section(t('storedHeading'), t('stored', { months, days: text.org.settings.contactInactiveCloseDays })),
    ],
    buttons: openCaseCode ? [] : [{ title: t('start'), verb: contactVerbs.openForm, data: {} }],
    links: formalLinks(text),
  });
}

export interface RequestFormData {
  formId: string;
  /** Only kernteamleden who are available now (never the person asking). */
  kernteamleden: Person[];
}

export function renderRequestFormCard(text: CardText, data: RequestFormData): AdaptiveCard {
  const t = (key: string) => text.t(`contact.form.${key}`);
  const choice = (
    id: string,
    label: string,
    value: string,
    options: Array<{ title: string; value: string }>,
    required: boolean,
    error = '',
  ) => ({
    id,
    label,
    value,
    options,
    required,
    error,
    style: 'expanded',
  });
  const people = data.kernteamleden.map((p) => {
    const intro = text.local(p.intro);
    return { title: intro ? `${p.name}: ${intro}` : p.name, value: p.aadObjectId };
  });
  return renderCard(formTemplate, {
    title: t('title'),
    notes: [t('note'), ...(people.length ? [] : [t('noneAvailable')])],
    choices: [
      choice(
        'identity',
        t('identityLabel'),
        'anonymous',
        [
          { title: t('anonymous'), value: 'anonymous' },
          { title: t('named'), value: 'named' },
        ],
        true,
        t('identityError'),
      ),
      ...(people.length
        ? [
            choice(
              'kernteamlid',
              t('kernteamlidLabel'),
              'any',
              [{ title: t('anyone'), value: 'any' }, ...people],
              false,
            ),
          ]
        : []),
      choice(
        'topic',
        t('topicLabel'),
        'none',
        [
          { title: t('topicNone'), value: 'none' },
          ...text.org.contactTopics.map((topic) => ({ title: text.local(topic.label), value: topic.id })),
        ],
        false,
      ),
      choice(
        'channel',
        t('channelLabel'),
        'chat',
        contactChannels.map((c) => ({ title: channelLabel(text, c), value: c })),
        true,
        t('channelError'),
      ),
    ],
    texts: [{ id: 'firstMessage', label: t('messageLabel'), placeholder: t('messagePlaceholder') }],
    submit: { title: t('submit'), verb: contactVerbs.request, data: { formId: data.formId } },
    buttons: [],
  });
}

export function renderRequestSentCard(text: CardText, data: RequestSent): AdaptiveCard {
  const t = (key: string, params?: Record<string, string | number>) => text.t(`contact.sent.${key}`, params);
  const status =
    data.offeredCount === 0
      ? t('nobody')
      : data.offeredCount === 1
        ? t('offeredOne')
        : t('offeredMany', { count: data.offeredCount });
  return renderInfoCard({
    title: t('title', { code: data.code }),
    sections: [
      ...(data.preferredUnavailable ? [section('', t('preferredUnavailable'), 'warning')] : []),
      section('', status),
      ...(data.firstMessage && data.offeredCount > 0
        ? [section(t('yourMessage'), escapeUserText(data.firstMessage), 'emphasis')]
        : []),
      section('', t('stop')),
      ...safetySections(text),
    ],
    links: formalLinks(text),
  });
}

/** For a medewerker whose request nobody picked up in time: where else to go, right now. */
export function renderTimeoutCard(text: CardText, code: string): AdaptiveCard {
  const t = (key: string, params?: Record<string, string | number>) =>
    text.t(`contact.timeout.${key}`, params);
  const destinations = text.org.referralDestinations.map((d) =>
    section(text.local(d.name), `${text.local(d.whatTheyDo)} ${text.local(d.howToReach)}`),
  );
  return renderInfoCard({
    title: t('title', { code }),
    sections: [section('', t('text')), ...destinations, ...safetySections(text), section('', t('stop'))],
    links: [
      ...text.org.referralDestinations
        .filter((d) => d.url)
        .map((d) => ({ title: text.local(d.name), url: d.url as string })),
      ...formalLinks(text),
    ],
  });
}
