import type { PanelApp } from '../../platform/bot/panel-app';
import type { AppDeps } from '../../platform/deps';
import { localeFrom } from '../../platform/i18n/i18n';
import { isManager } from './access';
import { registerAnsweringHandlers } from './answering.handlers';
import { registerCommandHandlers } from './sturingsgesprek.handlers';
import en from './i18n/en.json';
import nl from './i18n/nl.json';
import { reportCsv, reportMarkdown } from './report.format';
import { registerRoundHandlers } from './rounds.handlers';
import { registerSetupHandlers } from './setup.handlers';
import { registerSturingsgesprekJobs } from './sturingsgesprek.jobs';
import { createSturingsgesprek } from './sturingsgesprek.module';
import { downloadKinds, sturingsgesprekVerbs } from './sturingsgesprek.verbs';

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
  const produce = (format: 'md' | 'csv') => async (id: string, subject: string) => {
    const [roundId, tag] = id.split('~');
    const model = await services.report.compileForSubject(subject, roundId);
    if (!model) return undefined;
    const w = { i18n: deps.i18n, org: deps.org, locale: localeFrom(tag, deps.org.data.organisation.defaultLocale) };
    return format === 'md'
      ? { filename: `sturingsgesprek-${roundId}.md`, contentType: 'text/markdown; charset=utf-8', body: reportMarkdown(w, model) }
      : { filename: `sturingsgesprek-${roundId}.csv`, contentType: 'text/csv; charset=utf-8', body: reportCsv(w, model) };
  };
  deps.downloads.register(downloadKinds.markdown, produce('md'));
  deps.downloads.register(downloadKinds.csv, produce('csv'));
}
