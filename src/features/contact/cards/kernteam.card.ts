import type { CardText } from '../../../platform/card-text';
import { renderCard, type AdaptiveCard } from '../../../platform/cards';
import { formatDate } from '../../../platform/i18n/format';
import type { ReferralDestination } from '../../../platform/org/org.schema';
import { closingOutcomes, type ContactCase } from '../contact.types';
import { contactVerbs } from '../contact.verbs';
import { channelLabel, outcomeLabel, renderInfoCard, section, topicLabel } from './info.card';
import formTemplate from './form.card.json';

export function renderAvailabilityCard(text: CardText, available: boolean, waitingOffered = 0): AdaptiveCard {
  const t = (key: string, params?: Record<string, number>) => text.t(`contact.availability.${key}`, params);
  return renderInfoCard({
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

export function renderMyCasesCard(text: CardText, cases: ContactCase[]): AdaptiveCard {
  const t = (key: string, params?: Record<string, string>) => text.t(`contact.myCases.${key}`, params);
  const zone = text.timeZone;
  return renderInfoCard({
    title: t('title'),
    sections: cases.length
      ? cases.map((c) =>
          section(
            c.code,
            t('line', {
              date: c.pickedUpAt ? formatDate(c.pickedUpAt, text.locale, zone) : '',
              topic: topicLabel(text, c.topic),
              channel: channelLabel(text, c.contactChannel),
            }),
          ),
        )
      : [section('', t('none'))],
    buttons: cases.map((c) => ({
      title: t('open', { code: c.code }),
      verb: contactVerbs.showCase,
      data: { caseId: c.caseId },
    })),
  });
}

export function renderReferChooseCard(text: CardText, c: ContactCase): AdaptiveCard {
  const t = (key: string) => text.t(`contact.refer.${key}`, { code: c.code });
  return renderCard(formTemplate, {
    title: t('chooseTitle'),
    notes: [t('chooseText')],
    choices: [
      {
        id: 'destination',
        label: t('destinationLabel'),
        value: c.referralDestination ?? '',
        required: true,
        error: t('destinationError'),
        style: 'expanded',
        options: text.org.referralDestinations.map((d) => ({ title: text.local(d.name), value: d.id })),
      },
    ],
    texts: [],
    submit: { title: t('showGuidance'), verb: contactVerbs.referGuidance, data: { caseId: c.caseId } },
    buttons: [{ title: t('back'), verb: contactVerbs.showCase, data: { caseId: c.caseId } }],
  });
}

/** The organisation's guidance for one destination, for the kernteamlid only. */
export function renderGuidanceCard(text: CardText, c: ContactCase, d: ReferralDestination): AdaptiveCard {
  const destination = text.local(d.name);
  const t = (key: string) => text.t(`contact.refer.${key}`, { code: c.code, destination });
  return renderInfoCard({
    title: t('guidanceTitle'),
    subtitle: text.t('contact.case.title', { code: c.code }),
    sections: [
      section(t('whenToRefer'), text.local(d.whenToRefer)),
      section(t('whatTheyDo'), text.local(d.whatTheyDo)),
      section(t('howToReach'), text.local(d.howToReach)),
    ],
    buttons: [
      {
        title: t('sendToRequester'),
        verb: contactVerbs.referSend,
        data: { caseId: c.caseId, destination: d.id },
      },
      { title: t('back'), verb: contactVerbs.referChoose, data: { caseId: c.caseId } },
    ],
    links: d.url ? [{ title: t('open'), url: d.url }] : [],
  });
}

export function renderReferralSentCard(text: CardText, c: ContactCase, d: ReferralDestination): AdaptiveCard {
  const destination = text.local(d.name);
  const t = (key: string) => text.t(`contact.refer.${key}`, { code: c.code, destination });
  return renderInfoCard({
    title: t('sentTitle'),
    sections: [section('', t('sentText'))],
    buttons: [
      {
        title: text.t('contact.myCases.open', { code: c.code }),
        verb: contactVerbs.showCase,
        data: { caseId: c.caseId },
      },
    ],
  });
}

export function renderCloseFormCard(text: CardText, c: ContactCase): AdaptiveCard {
  const t = (key: string) => text.t(`contact.close.${key}`, { code: c.code });
  return renderCard(formTemplate, {
    title: t('title'),
    notes: [t('text')],
    choices: [
      {
        id: 'outcome',
        label: t('outcomeLabel'),
        value: c.referralDestination ? 'referred' : '',
        required: true,
        error: t('outcomeError'),
        style: 'expanded',
        options: closingOutcomes.map((o) => ({ title: outcomeLabel(text, o), value: o })),
      },
      {
        id: 'destination',
        label: t('destinationLabel'),
        value: c.referralDestination ?? 'none',
        required: false,
        error: '',
        style: 'compact',
        options: [
          { title: t('destinationNone'), value: 'none' },
          ...text.org.referralDestinations.map((d) => ({ title: text.local(d.name), value: d.id })),
        ],
      },
    ],
    texts: [],
    submit: { title: t('confirm'), verb: contactVerbs.close, data: { caseId: c.caseId } },
    buttons: [
      { title: text.t('contact.refer.back'), verb: contactVerbs.showCase, data: { caseId: c.caseId } },
    ],
  });
}
