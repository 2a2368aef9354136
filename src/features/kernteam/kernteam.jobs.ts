import type { Scheduler } from '../../platform/delivery/delivery.port';
import type { KernteamModule } from './kernteam.module';
import { expireSignalTextJob, sendAgendaJob } from './kernteam.schemas';
import { kernteamJobs } from './kernteam.verbs';

/** The agenda two days before each meeting, and the end of a signal's free text. */
export function registerKernteamJobs(scheduler: Scheduler, kernteam: KernteamModule): void {
  scheduler.on(kernteamJobs.sendAgenda, sendAgendaJob, (p) => kernteam.agenda.send(p.meetingDate));
  scheduler.on(kernteamJobs.expireSignalText, expireSignalTextJob, (p) =>
    kernteam.signals.expireText(p.signalId),
  );
}
