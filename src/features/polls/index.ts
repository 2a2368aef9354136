import type { PanelApp } from '../../platform/bot/panel-app';
import { satisfactionPollJobKind } from '../../platform/contracts/satisfaction-poll.job';
import type { AppDeps } from '../../platform/deps';
import { canCreatePolls } from './polls.access';
import { registerPollAdminHandlers } from './polls.admin.handlers';
import { closePoll, remindPoll } from './polls.close.service';
import { pollsContext } from './polls.context';
import { exportCsv } from './polls.export';
import { registerPollHandlers } from './polls.handlers';
import { openSatisfactionPoll } from './polls.open.service';
import { pollJobPayload, satisfactionJobPayload } from './polls.schemas';
import { exportDownloadKind, pollsJobs, pollsVerbs } from './polls.verbs';
import en from './i18n/en.json';
import nl from './i18n/nl.json';

/** Registers the polls feature's routes, help entries, message catalogues and jobs. */
export function registerPolls(app: PanelApp, deps: AppDeps): void {
  deps.i18n.register(nl, en);
  const ctx = pollsContext(deps);

  deps.help.add({ id: 'polls.create', order: 40, titleKey: 'polls.help.createTitle', descriptionKey: 'polls.help.createDescription', verb: pollsVerbs.createForm, visibleTo: canCreatePolls });
  deps.help.add({ id: 'polls.list', order: 41, titleKey: 'polls.help.listTitle', descriptionKey: 'polls.help.listDescription', verb: pollsVerbs.list, visibleTo: canCreatePolls });

  registerPollHandlers(app, deps, ctx);
  registerPollAdminHandlers(app, deps, ctx);

  // A payload that fails validation is logged and dropped: retrying it would fail the same way.
  deps.scheduler.on<unknown>(satisfactionPollJobKind, async (payload, job) => {
    const parsed = satisfactionJobPayload.safeParse(payload);
    if (!parsed.success) return void ctx.logger.error({ jobId: job.id, code: 'POLLS.BAD_JOB' }, 'satisfaction poll job rejected');
    await openSatisfactionPoll(ctx, parsed.data);
  });
  deps.scheduler.on<unknown>(pollsJobs.close, async (payload, job) => {
    const parsed = pollJobPayload.safeParse(payload);
    if (!parsed.success) return void ctx.logger.error({ jobId: job.id, code: 'POLLS.BAD_JOB' }, 'poll close job rejected');
    await closePoll(ctx, parsed.data.pollId, parsed.data.sweep ?? false);
  });
  deps.scheduler.on<unknown>(pollsJobs.remind, async (payload, job) => {
    const parsed = pollJobPayload.safeParse(payload);
    if (!parsed.success) return void ctx.logger.error({ jobId: job.id, code: 'POLLS.BAD_JOB' }, 'poll reminder job rejected');
    await remindPoll(ctx, parsed.data.pollId);
  });

  deps.downloads.register(exportDownloadKind, (id, subject) => exportCsv(ctx, id, subject));
}
