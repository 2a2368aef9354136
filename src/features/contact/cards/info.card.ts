import type { CardText } from '../../../platform/card-text';
import { renderCard, type AdaptiveCard } from '../../../platform/cards';
import type { ContactChannel, Outcome } from '../contact.types';
import infoTemplate from './info.card.json';

export interface Fact {
  title: string;
  value: string;
}
export interface Section {
  heading: string;
  text: string;
  style: 'default' | 'emphasis' | 'attention' | 'good' | 'warning';
}
export interface Button {
  title: string;
  verb: string;
  data: Record<string, string>;
}
export interface Link {
  title: string;
  url: string;
}

export interface InfoCardData {
  title: string;
  subtitle?: string;
  facts?: Fact[];
  sections: Section[];
  buttons?: Button[];
  links?: Link[];
}

export const section = (heading: string, text: string, style: Section['style'] = 'default'): Section => ({
  heading,
  text,
  style,
});

/** The plain contact card (title, facts, sections, buttons, links); the other contact cards build on it. */
export function renderInfoCard(data: InfoCardData): AdaptiveCard {
  return renderCard(infoTemplate, { subtitle: '', facts: [], buttons: [], links: [], ...data });
}

/** The two things every contact card about closure or waiting repeats: formal reports and urgent help. */
export function safetySections(text: CardText): Section[] {
  const { org } = text;
  return [
    section(text.t('contact.formal'), text.local(org.formalReporting.text)),
    section(text.t('contact.urgent'), text.local(org.urgentHelp), 'attention'),
  ];
}

export function formalLinks(text: CardText): Link[] {
  const url = text.org.formalReporting.url;
  return url ? [{ title: text.t('contact.intro.formalLink'), url }] : [];
}

export const channelLabel = (text: CardText, channel: ContactChannel) => text.t(`contact.channel.${channel}`);
export const outcomeLabel = (text: CardText, outcome: Outcome) => text.t(`contact.outcome.${outcome}`);

export function topicLabel(
  text: CardText,
  topic: string | undefined,
  noneKey = 'contact.offer.noTopic',
): string {
  const found = topic ? text.org.contactTopics.find((t) => t.id === topic) : undefined;
  return found ? text.local(found.label) : text.t(noneKey);
}
