import type { PanelApp } from '../../platform/bot/panel-app';
import { satisfactionPollJobKind, satisfactionPollJobSchema } from '../../platform/contracts/satisfaction-poll.job';
import type { AppDeps } from '../../platform/deps';
import { canCreatePolls } from './polls.access';
import { registerPollAdminHandlers } from './polls.admin.handlers';
import { closePoll, remindPoll } from './polls.close.service';
import { pollsContext } from './polls.context';
import { exportCsv } from './polls.files';
import { registerPollHandlers } from './polls.handlers';
import { openSatisfactionPoll } from './polls.open.service';
import { pollJobPayload } from './polls.schemas';
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
  deps.scheduler.on(satisfactionPollJobKind, satisfactionPollJobSchema, async (payload) => void (await openSatisfactionPoll(ctx, payload)));
  deps.scheduler.on(pollsJobs.close, pollJobPayload, async (p) => void (await closePoll(ctx, p.pollId, p.sweep ?? false)));
  deps.scheduler.on(pollsJobs.remind, pollJobPayload, async (p) => void (await remindPoll(ctx, p.pollId)));

  deps.downloads.register(exportDownloadKind, (id, subject) => exportCsv(ctx, id, subject));
}
