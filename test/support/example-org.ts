import { readFileSync } from 'node:fs';
import type { Locale } from '../../src/platform/i18n/locale';
import type { OrgFile } from '../../src/platform/org/org.schema';
import { cardText } from './cards';
import type { TestBot } from './test-bot';

export type ExampleOrg = 'genova' | 'gent';

/** The Teams locale a person of each example organisation uses. */
export const exampleLocale: Record<ExampleOrg, string> = { genova: 'it-IT', gent: 'nl-BE' };

/** The bot's language for that person: the example file's own (its `defaultLocale`). */
export const exampleLanguage: Record<ExampleOrg, Locale> = { genova: 'it', gent: 'nl-BE' };

/**
 * An orgPatch for startTestBot that runs one of the shipped example files (config/org.<name>.example.json)
 * instead of the demo organisation, keeping the test bot's always-open calendar.
 */
export function exampleOrg(name: ExampleOrg): (raw: OrgFile) => void {
  const example = JSON.parse(readFileSync(`config/org.${name}.example.json`, 'utf8')) as OrgFile;
  return (raw) => {
    const calendar = raw.calendar;
    for (const key of Object.keys(raw)) delete (raw as Record<string, unknown>)[key];
    Object.assign(raw, structuredClone(example), { calendar });
    // The test bot's organisation has no folder: its templates folder is relative to config/, as on disk.
    if (raw.sturingsgesprek?.templatesDir)
      raw.sturingsgesprek.templatesDir = `config/${raw.sturingsgesprek.templatesDir}`;
  };
}

/** Rotterdam's own words, which must never reach a person of another organisation. */
export const rotterdamWords: Record<ExampleOrg, RegExp> = {
  genova:
    /\bDIG\b|gemeentesecretaris|clusterdirecteur|\bclusters?\b|kennisatelier|kernteam|Rotterdam|sturingsgesprek/i,
  gent: /\bDIG\b|gemeentesecretaris|clusterdirecteur|\bclusters?\b|Rotterdam/i,
};

/** Every text the bot sent or updated, in any conversation: message text and every card's visible text. */
export function everythingSent(bot: TestBot): string[] {
  const bodies = [...bot.connector.messages(), ...bot.connector.updates()].map(
    (r) => (r.body ?? {}) as { text?: string; attachments?: Array<{ content?: unknown }> },
  );
  return bodies.flatMap((b) => [
    ...(b.text ? [b.text] : []),
    ...(b.attachments ?? []).map((a) => cardText(a.content)),
  ]);
}

/** The lines with a Rotterdam word or an unfilled term placeholder, for a clear failure message. */
export function foreignLines(bot: TestBot, org: ExampleOrg): string[] {
  return foreignIn(everythingSent(bot), org);
}

/** The same for cards that came back as invoke answers (not in the connector's log). */
export function foreignLinesInCards(cards: readonly unknown[], org: ExampleOrg): string[] {
  return foreignIn(cards.map(cardText), org);
}

function foreignIn(texts: readonly string[], org: ExampleOrg): string[] {
  return texts
    .flatMap((t) => t.split('\n'))
    .filter((line) => rotterdamWords[org].test(line) || line.includes('{@'));
}
