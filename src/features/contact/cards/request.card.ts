import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import type { Locale } from '../../../platform/org/organisation';
import type { Person } from '../../../platform/org/org.schema';
import { contactVerbs } from '../contact.verbs';
import { contactChannels } from '../contact.types';
import { channelLabel, formalLinks, renderInfo, safetySections, section, type Kit } from './info.card';
import formTemplate from './form.card.json';

export function renderIntro(kit: Kit, locale: Locale, openCaseCode?: string): AdaptiveCard {
  const { i18n, org } = kit;
  const t = (key: string, params?: Record<string, string | number>) => i18n.t(locale, `contact.intro.${key}`, params);
  const months = Math.round(org.settings.contactRetentionDays / 30.4);
  return renderInfo({
    title: t('title'),
    sections: [
      ...(openCaseCode ? [section('', t('openCase', { code: openCaseCode }), 'warning')] : []),
      section(t('canHeading'), t('can')),
      section(t('cannotHeading'), t('cannot')),
      section(t('notReportHeading'), org.text(org.data.formalReporting.text, locale)),
      section(t('urgentHeading'), org.text(org.data.urgentHelp, locale), 'attention'),
      section(t('storedHeading'), t('stored', { months, days: org.settings.contactInactiveCloseDays })),
    ],
    buttons: openCaseCode ? [] : [{ title: t('start'), verb: contactVerbs.openForm, data: {} }],
    links: formalLinks(kit, locale),
  });
}

export interface RequestFormData {
  formId: string;
  /** Only kernteamleden who are available now (never the person asking). */
  kernteamleden: Person[];
}

export function renderRequestForm(kit: Kit, locale: Locale, data: RequestFormData): AdaptiveCard {
  const { i18n, org } = kit;
  const t = (key: string) => i18n.t(locale, `contact.form.${key}`);
  const choice = (id: string, label: string, value: string, options: Array<{ title: string; value: string }>, required: boolean, error = '') => ({
    id, label, value, options, required, error, style: 'expanded',
  });
  const people = data.kernteamleden.map((p) => {
    const intro = org.text(p.intro, locale);
    return { title: intro ? `${p.name}: ${intro}` : p.name, value: p.aadObjectId };
  });
  return renderCard(formTemplate, {
    title: t('title'),
    notes: [t('note'), ...(people.length ? [] : [t('noneAvailable')])],
    choices: [
      choice('identity', t('identityLabel'), 'anonymous', [{ title: t('anonymous'), value: 'anonymous' }, { title: t('named'), value: 'named' }], true, t('identityError')),
      ...(people.length ? [choice('kernteamlid', t('kernteamlidLabel'), 'any', [{ title: t('anyone'), value: 'any' }, ...people], false)] : []),
      choice('topic', t('topicLabel'), 'none', [
        { title: t('topicNone'), value: 'none' },
        ...org.data.contactTopics.map((topic) => ({ title: org.text(topic.label, locale), value: topic.id })),
      ], false),
      choice('channel', t('channelLabel'), 'chat', contactChannels.map((c) => ({ title: channelLabel(kit, locale, c), value: c })), true, t('channelError')),
    ],
    texts: [{ id: 'firstMessage', label: t('messageLabel'), placeholder: t('messagePlaceholder') }],
    submit: { title: t('submit'), verb: contactVerbs.request, data: { formId: data.formId } },
    buttons: [],
  });
}

export interface RequestSentData {
  code: string;
  offeredCount: number;
  preferredUnavailable: boolean;
  firstMessage?: string;
}

export function renderRequestSent(kit: Kit, locale: Locale, data: RequestSentData): AdaptiveCard {
  const t = (key: string, params?: Record<string, string | number>) => kit.i18n.t(locale, `contact.sent.${key}`, params);
  const status =
    data.offeredCount === 0 ? t('nobody') : data.offeredCount === 1 ? t('offeredOne') : t('offeredMany', { count: data.offeredCount });
  return renderInfo({
    title: t('title', { code: data.code }),
    sections: [
      ...(data.preferredUnavailable ? [section('', t('preferredUnavailable'), 'warning')] : []),
      section('', status),
      ...(data.firstMessage && data.offeredCount > 0 ? [section(t('yourMessage'), escapeUserText(data.firstMessage), 'emphasis')] : []),
      section('', t('stop')),
      ...safetySections(kit, locale),
    ],
    links: formalLinks(kit, locale),
  });
}

/** For a medewerker whose request nobody picked up in time: where else to go, right now. */
export function renderTimeout(kit: Kit, locale: Locale, code: string): AdaptiveCard {
  const { i18n, org } = kit;
  const t = (key: string, params?: Record<string, string | number>) => i18n.t(locale, `contact.timeout.${key}`, params);
  const destinations = org.data.referralDestinations.map((d) =>
    section(org.text(d.name, locale), `${org.text(d.whatTheyDo, locale)} ${org.text(d.howToReach, locale)}`),
  );
  return renderInfo({
    title: t('title', { code }),
    sections: [section('', t('text')), ...destinations, ...safetySections(kit, locale), section('', t('stop'))],
    links: [
      ...org.data.referralDestinations.filter((d) => d.url).map((d) => ({ title: org.text(d.name, locale), url: d.url as string })),
      ...formalLinks(kit, locale),
    ],
  });
}
