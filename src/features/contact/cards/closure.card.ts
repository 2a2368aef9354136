import type { CardText } from '../../../platform/card-text';
import type { AdaptiveCard } from '../../../platform/cards';
import type { ReferralDestination } from '../../../platform/org/org.schema';
import { contactVerbs } from '../contact.verbs';
import { formalLinks, renderInfoCard, safetySections, section } from './info.card';

/**
 * Both sides' closing card: what happened, and again where formal reports and urgent help go. Only the
 * medewerker is told how to ask for contact again; the kernteamlid has nothing to ask for.
 */
export function renderClosedCard(
  text: CardText,
  code: string,
  textKey: string,
  reader: 'medewerker' | 'kernteamlid',
  params: Record<string, string | number> = {},
): AdaptiveCard {
  const t = (key: string) => text.t(key, { ...params, code });
  const again = reader === 'medewerker' ? [section('', t('contact.close.again'))] : [];
  return renderInfoCard({
    title: t('contact.close.closedTitle'),
    sections: [section('', t(textKey)), ...safetySections(text), ...again],
    links: formalLinks(text),
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
export function renderReferralCard(text: CardText, data: ReferralCardData): AdaptiveCard {
  const d = data.destination;
  const destination = text.local(d.name);
  const t = (key: string) => text.t(`contact.refer.${key}`, { destination, code: data.code });
  const answer =
    data.answer === 'yes'
      ? t('consentYesText')
      : data.answer === 'no'
        ? t('consentNoText')
        : t('handoverQuestion');
  return renderInfoCard({
    title: t('referralTitle'),
    subtitle: text.t('contact.case.title', { code: data.code }),
    sections: [
      section('', t('referralIntro')),
      section(t('whatTheyDo'), text.local(d.whatTheyDo)),
      section(t('howToReach'), text.local(d.howToReach)),
      section('', answer, data.answer ? 'good' : 'emphasis'),
    ],
    buttons: data.answer
      ? []
      : [
          {
            title: t('handoverYes'),
            verb: contactVerbs.handover,
            data: { caseId: data.caseId, consent: 'yes' },
          },
          {
            title: t('handoverNo'),
            verb: contactVerbs.handover,
            data: { caseId: data.caseId, consent: 'no' },
          },
        ],
    links: d.url ? [{ title: t('open'), url: d.url }] : [],
  });
}
