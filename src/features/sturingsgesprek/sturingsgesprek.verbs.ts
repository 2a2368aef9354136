/** Action.Execute verbs of the sturingsgesprek feature. Card data carries ids only, never roles. */
export const sturingsgesprekVerbs = {
  // DIG office / gemeentesecretaris
  overview: 'sturingsgesprek.overview',
  newRound: 'sturingsgesprek.newRound',
  showRound: 'sturingsgesprek.showRound',
  editRound: 'sturingsgesprek.editRound',
  saveRound: 'sturingsgesprek.saveRound',
  confirmRound: 'sturingsgesprek.confirmRound',
  cancelRound: 'sturingsgesprek.cancelRound',
  status: 'sturingsgesprek.status',
  nudge: 'sturingsgesprek.nudge',
  report: 'sturingsgesprek.report',
  sets: 'sturingsgesprek.sets',
  copySet: 'sturingsgesprek.copySet',
  editSet: 'sturingsgesprek.editSet',
  saveSet: 'sturingsgesprek.saveSet',
  schedule: 'sturingsgesprek.schedule',
  saveSchedule: 'sturingsgesprek.saveSchedule',
  // DIG office only: the doorbraken list
  doorbraken: 'sturingsgesprek.doorbraken',
  addDoorbraak: 'sturingsgesprek.addDoorbraak',
  renameDoorbraak: 'sturingsgesprek.renameDoorbraak',
  prioritiseDoorbraak: 'sturingsgesprek.prioritiseDoorbraak',
  retireDoorbraak: 'sturingsgesprek.retireDoorbraak',
  // Clusterdirecteur / plaatsvervanger
  mine: 'sturingsgesprek.mine',
  view: 'sturingsgesprek.view',
  saveDraft: 'sturingsgesprek.saveDraft',
  submit: 'sturingsgesprek.submit',
  setDeputy: 'sturingsgesprek.setDeputy',
  removeDeputy: 'sturingsgesprek.removeDeputy',
} as const;

/** Scheduler job kinds; ids are deterministic per round (see jobIds). */
export const sturingsgesprekJobs = {
  open: 'sturingsgesprek.open',
  reminder: 'sturingsgesprek.reminder',
  close: 'sturingsgesprek.close',
  schedule: 'sturingsgesprek.schedule',
} as const;

export const jobIds = {
  open: (roundId: string) => `sg:open:${roundId}`,
  reminder: (roundId: string, days: number) => `sg:reminder:${roundId}:${days}`,
  close: (roundId: string) => `sg:close:${roundId}`,
  schedule: 'sg:schedule',
};

export const downloadKinds = {
  docx: 'sturingsgesprek.report.docx',
  markdown: 'sturingsgesprek.report.md',
  csv: 'sturingsgesprek.report.csv',
} as const;

/** Signed download links of one round's report, per format. */
export type ReportLinks = Record<keyof typeof downloadKinds, string>;
