import { renderCard, type AdaptiveCard } from '../../../platform/cards';
import type { AppDeps } from '../../../platform/deps';
import type { Locale } from '../../../platform/org/organisation';
import type { ContactChannel, Outcome } from '../contact.types';
import infoTemplate from './info.card.json';

/** What every contact card needs: texts and the organisation file. */
export type Kit = Pick<AppDeps, 'i18n' | 'org'>;

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

export const section = (heading: string, text: string, style: Section['style'] = 'default'): Section => ({ heading, text, style });

export function renderInfo(data: InfoCardData): AdaptiveCard {
  return renderCard(infoTemplate, { subtitle: '', facts: [], buttons: [], links: [], ...data });
}

/** The two things every contact card about closure or waiting repeats: formal reports and urgent help. */
export function safetySections(kit: Kit, locale: Locale): Section[] {
  const { org, i18n } = kit;
  return [
    section(i18n.t(locale, 'contact.formal'), org.text(org.data.formalReporting.text, locale)),
    section(i18n.t(locale, 'contact.urgent'), org.text(org.data.urgentHelp, locale), 'attention'),
  ];
}

export function formalLinks(kit: Kit, locale: Locale): Link[] {
  const url = kit.org.data.formalReporting.url;
  return url ? [{ title: kit.i18n.t(locale, 'contact.intro.formalLink'), url }] : [];
}

export const channelLabel = (kit: Kit, locale: Locale, channel: ContactChannel) => kit.i18n.t(locale, `contact.channel.${channel}`);
export const outcomeLabel = (kit: Kit, locale: Locale, outcome: Outcome) => kit.i18n.t(locale, `contact.outcome.${outcome}`);

export function topicLabel(kit: Kit, locale: Locale, topic: string | undefined, noneKey = 'contact.offer.noTopic'): string {
  const found = topic ? kit.org.data.contactTopics.find((t) => t.id === topic) : undefined;
  return found ? kit.org.text(found.label, locale) : kit.i18n.t(locale, noneKey);
}

export function destinationOf(kit: Kit, id: string | undefined) {
  return id ? kit.org.data.referralDestinations.find((d) => d.id === id) : undefined;
}
