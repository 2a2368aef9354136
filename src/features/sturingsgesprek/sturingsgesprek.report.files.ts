import { CardText } from '../../platform/card-text';
import type { DownloadFile } from '../../platform/downloads';
import { localeFrom } from '../../platform/i18n/i18n';
import type { SturingsgesprekDeps } from './sturingsgesprek.module';
import { reportCsv, reportMarkdown } from './sturingsgesprek.report.format';
import type { ReportService } from './sturingsgesprek.report.service';
import type { downloadKinds } from './sturingsgesprek.verbs';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export type ReportFormat = keyof typeof downloadKinds;

/**
 * The producer of one report format. Links carry "<roundId>~<locale>" and the person they were made
 * for; the report checks that person again.
 */
export function reportFile(
  deps: Pick<SturingsgesprekDeps, 'i18n' | 'org'>,
  report: ReportService,
  format: ReportFormat,
) {
  return async (id: string, subject: string): Promise<DownloadFile | undefined> => {
    const [roundId, tag] = id.split('~');
    const model = await report.compileForSubject(subject, roundId);
    if (!model) return undefined;
    const w = CardText.for(deps, localeFrom(tag, deps.org));
    const name = `sturingsgesprek-${roundId}`;
    if (format === 'docx') {
      // The Word library is loaded on the first report, not at start (issue #17).
      const { reportDocx } = await import('./sturingsgesprek.report-docx.format');
      return { filename: `${name}.docx`, contentType: DOCX_TYPE, body: await reportDocx(w, model) };
    }
    return format === 'markdown'
      ? {
          filename: `${name}.md`,
          contentType: 'text/markdown; charset=utf-8',
          body: reportMarkdown(w, model),
        }
      : { filename: `${name}.csv`, contentType: 'text/csv; charset=utf-8', body: reportCsv(w, model) };
  };
}
