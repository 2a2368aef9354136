import type { PanelApp } from '../../platform/bot/panel-app';
import type { AppDeps } from '../../platform/deps';
import { localeFrom } from '../../platform/i18n/i18n';
import { isManager } from './sturingsgesprek.access';
import { registerAnsweringHandlers } from './sturingsgesprek.answering.handlers';
import { registerCommandHandlers } from './sturingsgesprek.handlers';
import en from './i18n/en.json';
import nl from './i18n/nl.json';
import { reportDocx } from './sturingsgesprek.report-docx.format';
import { reportCsv, reportMarkdown } from './sturingsgesprek.report.format';
import { registerRoundHandlers } from './sturingsgesprek.rounds.handlers';
import { registerSetupHandlers } from './sturingsgesprek.setup.handlers';
import { registerSturingsgesprekJobs } from './sturingsgesprek.jobs';
import { createSturingsgesprek } from './sturingsgesprek.module';
import { downloadKinds, sturingsgesprekVerbs } from './sturingsgesprek.verbs';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Registers the sturingsgesprek feature's routes, help entries, message catalogues and jobs. */
export function registerSturingsgesprek(app: PanelApp, deps: AppDeps): void {
  deps.i18n.register(nl, en);
  const services = createSturingsgesprek(deps);

  deps.help.add({
    id: 'sturingsgesprek.manage',
    order: 60,
    titleKey: 'sturingsgesprek.help.manageTitle',
    descriptionKey: 'sturingsgesprek.help.manageDescription',
    verb: sturingsgesprekVerbs.overview,
    visibleTo: isManager,
  });
  deps.help.add({
    id: 'sturingsgesprek.answer',
    order: 61,
    titleKey: 'sturingsgesprek.help.answerTitle',
    descriptionKey: 'sturingsgesprek.help.answerDescription',
    verb: sturingsgesprekVerbs.mine,
    visibleTo: (actor) => actor.roles.has('clusterdirecteur'),
  });

  registerCommandHandlers(app, deps, services);
  registerAnsweringHandlers(app, deps, services);
  registerRoundHandlers(app, deps, services);
  registerSetupHandlers(app, deps, services);
  registerSturingsgesprekJobs(deps.scheduler, services);

  // Links carry "<roundId>~<locale>" and the person they were made for; the report checks that person again.
  const produce = (format: keyof typeof downloadKinds) => async (id: string, subject: string) => {
    const [roundId, tag] = id.split('~');
    const model = await services.report.compileForSubject(subject, roundId);
    if (!model) return undefined;
    const w = { i18n: deps.i18n, org: deps.org, locale: localeFrom(tag, deps.org.data.organisation.defaultLocale) };
    const name = `sturingsgesprek-${roundId}`;
    if (format === 'docx') return { filename: `${name}.docx`, contentType: DOCX_TYPE, body: await reportDocx(w, model) };
    return format === 'markdown'
      ? { filename: `${name}.md`, contentType: 'text/markdown; charset=utf-8', body: reportMarkdown(w, model) }
      : { filename: `${name}.csv`, contentType: 'text/csv; charset=utf-8', body: reportCsv(w, model) };
  };
  for (const format of Object.keys(downloadKinds) as Array<keyof typeof downloadKinds>) deps.downloads.register(downloadKinds[format], produce(format));
}
