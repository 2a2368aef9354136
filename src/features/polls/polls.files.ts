import type { DownloadFile } from '../../platform/downloads';
import type { Locale } from '../../platform/org/organisation';
import { choiceLabels } from './cards/poll-text';
import type { PollsContext } from './polls.context';
import type { Answer } from './polls.types';
import { pollResults, shuffle } from './polls.results.service';

/** Quotes every cell and defuses spreadsheet formulas (a comment starting with "=" stays text). */
function cell(value: string | number): string {
  let text = String(value).replace(/\r\n?/g, '\n');
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export const exportId = (pollId: string, locale: Locale) => `${locale}:${pollId}`;

/**
 * The download producer: checks on every download that the link's subject may see the results and
 * that the ≥5 threshold is met. Anonymous polls: no name column, rows in random order. Named polls:
 * the name (the card told respondents so), sorted by name.
 */
export async function exportCsv(ctx: PollsContext, id: string, subject: string): Promise<DownloadFile | undefined> {
  const match = /^(nl|en):(.+)$/.exec(id);
  if (!match) return undefined;
  const locale = match[1] as Locale;
  const actor = ctx.org.actor(subject, locale);
  let results;
  try {
    results = await pollResults(ctx, actor, match[2]);
  } catch {
    return undefined;
  }
  if (results.withheld || !results.answers) return undefined;
  const { poll } = results;
  const t = (key: string) => ctx.i18n.t(locale, `polls.csv.${key}`);
  const labels = choiceLabels(poll, ctx.i18n, locale);
  const valueOf = (a: Answer) =>
    poll.kind === 'rating' ? (a.score ?? '') : (a.choices ?? []).map((c) => labels[c]?.label ?? '').join('; ');
  const header = [...(poll.anonymous ? [] : [t('name')]), t(poll.kind === 'rating' ? 'score' : 'choices'), ...(poll.allowComment ? [t('comment')] : [])];
  const nameOf = (a: Answer) => ctx.org.person(a.respondentId)?.name ?? a.respondentId ?? '';
  const rows = poll.anonymous
    ? shuffle(results.answers)
    : [...results.answers].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  const lines = rows.map((a) =>
    [...(poll.anonymous ? [] : [nameOf(a)]), valueOf(a), ...(poll.allowComment ? [a.comment ?? ''] : [])].map(cell).join(','),
  );
  ctx.logger.info({ pollId: poll.pollId, rows: rows.length }, 'poll export produced');
  return {
    filename: `${poll.pollId}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: `\uFEFF${[header.map(cell).join(','), ...lines].join('\r\n')}\r\n`,
  };
}
