export const kernteamVerbs = {
  signalForm: 'kernteam.signal.form',
  signalLog: 'kernteam.signal.log',
  signals: 'kernteam.signals',
  signalStatus: 'kernteam.signal.status',
  adviceForm: 'kernteam.advice.form',
  adviceRecord: 'kernteam.advice.record',
  figures: 'kernteam.figures',
  agenda: 'kernteam.agenda',
  agendaAdd: 'kernteam.agenda.add',
  joinForm: 'kernteam.join.form',
  joinSubmit: 'kernteam.join.submit',
  joinList: 'kernteam.join.list',
  joinAnswer: 'kernteam.join.answer',
} as const;

export const kernteamJobs = {
  /** Compiles the agenda two days before a meeting and sends it to the kernteam. */
  sendAgenda: 'kernteam.sendAgenda',
  /** Deletes a signal's free text when its retention ends. */
  expireSignalText: 'kernteam.expireSignalText',
} as const;

export const kernteamDownloads = {
  figures: 'kernteam.figures',
} as const;
