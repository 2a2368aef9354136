import type { AdaptiveCard } from '../../../platform/cards';
import type { Locale } from '../../../platform/org/organisation';
import type { ReferralDestination } from '../../../platform/org/org.schema';
import { contactVerbs } from '../contact.verbs';
import { formalLinks, renderInfo, safetySections, section, type Kit } from './info.card';

/** Both sides' closing card: what happened, and again where formal reports and urgent help go. */
export function renderClosed(kit: Kit, locale: Locale, code: string, textKey: string, params: Record<string, string | number> = {}): AdaptiveCard {
  const t = (key: string) => kit.i18n.t(locale, key, { ...params, code });
  return renderInfo({
    title: t('contact.close.closedTitle'),
    sections: [section('', t(textKey)), ...safetySections(kit, locale), section('', t('contact.close.again'))],
    links: formalLinks(kit, locale),
  });
}

export interface ReferralCardData {
  caseId: string;
  code: string;
  destination: ReferralDestination;
  /** After the medewerker answered, the card shows the answer instead of the buttons. */
  answer?: 'yes' | 'no';
}

/** The medewerker's referral card: what the destination does, how to reach it, and the consent question. */
export function renderReferral(kit: Kit, locale: Locale, data: ReferralCardData): AdaptiveCard {
  const { i18n, org } = kit;
  const d = data.destination;
  const destination = org.text(d.name, locale);
  const t = (key: string) => i18n.t(locale, `contact.refer.${key}`, { destination, code: data.code });
  const answer = data.answer === 'yes' ? t('consentYesText') : data.answer === 'no' ? t('consentNoText') : t('handoverQuestion');
  return renderInfo({
    title: t('referralTitle'),
    subtitle: i18n.t(locale, 'contact.case.title', { code: data.code }),
    sections: [
      section('', t('referralIntro')),
      section(t('whatTheyDo'), org.text(d.whatTheyDo, locale)),
      section(t('howToReach'), org.text(d.howToReach, locale)),
      section('', answer, data.answer ? 'good' : 'emphasis'),
    ],
    buttons: data.answer
      ? []
      : [
          { title: t('handoverYes'), verb: contactVerbs.handover, data: { caseId: data.caseId, consent: 'yes' } },
          { title: t('handoverNo'), verb: contactVerbs.handover, data: { caseId: data.caseId, consent: 'no' } },
        ],
    links: d.url ? [{ title: t('open'), url: d.url }] : [],
  });
}
