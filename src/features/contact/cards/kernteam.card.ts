import { renderCard, type AdaptiveCard } from '../../../platform/cards';
import { formatDate } from '../../../platform/i18n/format';
import type { Locale } from '../../../platform/org/organisation';
import type { ReferralDestination } from '../../../platform/org/org.schema';
import { closingOutcomes, type ContactCase } from '../contact.types';
import { contactVerbs } from '../contact.verbs';
import { channelLabel, outcomeLabel, renderInfo, section, topicLabel, type Kit } from './info.card';
import formTemplate from './form.card.json';

export function renderAvailability(kit: Kit, locale: Locale, available: boolean, waitingOffered = 0): AdaptiveCard {
  const t = (key: string, params?: Record<string, number>) => kit.i18n.t(locale, `contact.availability.${key}`, params);
  return renderInfo({
    title: t('title'),
    sections: [
      section('', available ? t('available') : t('unavailable'), available ? 'good' : 'warning'),
      ...(waitingOffered > 0 ? [section('', t('waitingOffered', { count: waitingOffered }))] : []),
    ],
    buttons: [
      available
        ? { title: t('setUnavailable'), verb: contactVerbs.setAvailability, data: { available: 'false' } }
        : { title: t('setAvailable'), verb: contactVerbs.setAvailability, data: { available: 'true' } },
    ],
  });
}

export function renderMyCases(kit: Kit, locale: Locale, cases: ContactCase[]): AdaptiveCard {
  const t = (key: string, params?: Record<string, string>) => kit.i18n.t(locale, `contact.myCases.${key}`, params);
  const zone = kit.org.data.organisation.timeZone;
  return renderInfo({
    title: t('title'),
    sections: cases.length
      ? cases.map((c) =>
          section(c.code, t('line', {
            date: c.pickedUpAt ? formatDate(c.pickedUpAt, locale, zone) : '',
            topic: topicLabel(kit, locale, c.topic),
            channel: channelLabel(kit, locale, c.contactChannel),
          })),
        )
      : [section('', t('none'))],
    buttons: cases.map((c) => ({ title: t('open', { code: c.code }), verb: contactVerbs.showCase, data: { caseId: c.caseId } })),
  });
}

export function renderReferChoose(kit: Kit, locale: Locale, c: ContactCase): AdaptiveCard {
  const { i18n, org } = kit;
  const t = (key: string) => i18n.t(locale, `contact.refer.${key}`, { code: c.code });
  return renderCard(formTemplate, {
    title: t('chooseTitle'),
    notes: [t('chooseText')],
    choices: [{
      id: 'destination', label: t('destinationLabel'), value: c.referralDestination ?? '', required: true, error: t('destinationError'), style: 'expanded',
      options: org.data.referralDestinations.map((d) => ({ title: org.text(d.name, locale), value: d.id })),
    }],
    texts: [],
    submit: { title: t('showGuidance'), verb: contactVerbs.referGuidance, data: { caseId: c.caseId } },
    buttons: [{ title: t('back'), verb: contactVerbs.showCase, data: { caseId: c.caseId } }],
  });
}

/** The organisation's guidance for one destination, for the kernteamlid only. */
export function renderGuidance(kit: Kit, locale: Locale, c: ContactCase, d: ReferralDestination): AdaptiveCard {
  const { i18n, org } = kit;
  const destination = org.text(d.name, locale);
  const t = (key: string) => i18n.t(locale, `contact.refer.${key}`, { code: c.code, destination });
  return renderInfo({
    title: t('guidanceTitle'),
    subtitle: i18n.t(locale, 'contact.case.title', { code: c.code }),
    sections: [
      section(t('whenToRefer'), org.text(d.whenToRefer, locale)),
      section(t('whatTheyDo'), org.text(d.whatTheyDo, locale)),
      section(t('howToReach'), org.text(d.howToReach, locale)),
    ],
    buttons: [
      { title: t('sendToRequester'), verb: contactVerbs.referSend, data: { caseId: c.caseId, destination: d.id } },
      { title: t('back'), verb: contactVerbs.referChoose, data: { caseId: c.caseId } },
    ],
    links: d.url ? [{ title: t('open'), url: d.url }] : [],
  });
}

export function renderReferralSent(kit: Kit, locale: Locale, c: ContactCase, d: ReferralDestination): AdaptiveCard {
  const destination = kit.org.text(d.name, locale);
  const t = (key: string) => kit.i18n.t(locale, `contact.refer.${key}`, { code: c.code, destination });
  return renderInfo({
    title: t('sentTitle'),
    sections: [section('', t('sentText'))],
    buttons: [{ title: kit.i18n.t(locale, 'contact.myCases.open', { code: c.code }), verb: contactVerbs.showCase, data: { caseId: c.caseId } }],
  });
}

export function renderCloseForm(kit: Kit, locale: Locale, c: ContactCase): AdaptiveCard {
  const { i18n, org } = kit;
  const t = (key: string) => i18n.t(locale, `contact.close.${key}`, { code: c.code });
  return renderCard(formTemplate, {
    title: t('title'),
    notes: [t('text')],
    choices: [
      {
        id: 'outcome', label: t('outcomeLabel'), value: c.referralDestination ? 'referred' : '', required: true, error: t('outcomeError'), style: 'expanded',
        options: closingOutcomes.map((o) => ({ title: outcomeLabel(kit, locale, o), value: o })),
      },
      {
        id: 'destination', label: t('destinationLabel'), value: c.referralDestination ?? 'none', required: false, error: '', style: 'compact',
        options: [{ title: t('destinationNone'), value: 'none' }, ...org.data.referralDestinations.map((d) => ({ title: org.text(d.name, locale), value: d.id }))],
      },
    ],
    texts: [],
    submit: { title: t('confirm'), verb: contactVerbs.close, data: { caseId: c.caseId } },
    buttons: [{ title: i18n.t(locale, 'contact.refer.back'), verb: contactVerbs.showCase, data: { caseId: c.caseId } }],
  });
}
