import { CardText } from '../../platform/card-text';
import type { DownloadFile } from '../../platform/downloads';
import type { I18n } from '../../platform/i18n/i18n';
import type { Logger } from '../../platform/logger';
import type { Locale, Organisation } from '../../platform/org/organisation';
import type { PeopleNames } from '../../platform/people/people-names';
import { choiceLabels } from './cards/poll.card';
import type { PollResultsService } from './polls.results.service';
import { shuffle } from './polls.rules';
import type { Answer, PollResults } from './polls.types';

/** Quotes every cell and defuses spreadsheet formulas (a comment starting with "=" stays text). */
function cell(value: string | number): string {
  let text = String(value).replace(/\r\n?/g, '\n');
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export const exportId = (pollId: string, locale: Locale) => `${locale}:${pollId}`;

/** The CSV export of a poll's answers, served at /files/<signed token>. */
export class PollFiles {
  constructor(
    private readonly results: PollResultsService,
    private readonly org: Organisation,
    private readonly i18n: I18n,
    private readonly people: PeopleNames,
    private readonly logger: Logger,
  ) {}

  /**
   * The download producer: checks on every download that the link's subject may see the results and
   * that the ≥5 threshold is met. Anonymous polls: no name column, rows in random order. Named polls:
   * the name (the card told respondents so), sorted by name.
   */
  async exportCsv(id: string, subject: string): Promise<DownloadFile | undefined> {
    const match = /^(nl|en):(.+)$/.exec(id);
    if (!match) return undefined;
    const locale = match[1] as Locale;
    const actor = this.org.actor(subject, locale);
    let results: PollResults;
    try {
      results = await this.results.results(actor, match[2]);
    } catch {
      return undefined;
    }
    if (results.withheld || !results.answers) return undefined;
    const { poll } = results;
    const text = new CardText(this.i18n, this.org, locale);
    const t = (key: string) => text.t(`polls.csv.${key}`);
    const labels = choiceLabels(text, poll);
    const valueOf = (a: Answer) =>
      poll.kind === 'rating'
        ? (a.score ?? '')
        : (a.choices ?? []).map((c) => labels[c]?.label ?? '').join('; ');
    const header = [
      ...(poll.anonymous ? [] : [t('name')]),
      t(poll.kind === 'rating' ? 'score' : 'choices'),
      ...(poll.allowComment ? [t('comment')] : []),
    ];
    // Named polls: the name kept with the answer, else the organisation file, recent turns, the
    // directory (one bulk look-up); someone nobody can name gets the neutral word, never the id.
    const idOf = (a: Answer) => a.respondentId?.toLowerCase() ?? '';
    const respondents = poll.anonymous ? [] : results.answers.filter((a) => a.respondentId);
    const kept = new Map(respondents.map((a) => [idOf(a), a.respondentName] as const));
    const names = await this.people.namesOf([...kept.keys()], kept);
    const nameOf = (a: Answer) => text.person(names.get(idOf(a)));
    const rows = poll.anonymous
      ? shuffle(results.answers)
      : [...results.answers].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
    const lines = rows.map((a) =>
      [...(poll.anonymous ? [] : [nameOf(a)]), valueOf(a), ...(poll.allowComment ? [a.comment ?? ''] : [])]
        .map(cell)
        .join(','),
    );
    this.logger.info({ pollId: poll.pollId, rows: rows.length }, 'poll export produced');
    return {
      filename: `${poll.pollId}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: `\uFEFF${[header.map(cell).join(','), ...lines].join('\r\n')}\r\n`,
    };
  }
}
