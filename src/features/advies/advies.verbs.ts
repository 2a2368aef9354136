/** Action.Execute verbs of the advies feature; card data carries ids only, never roles. */
export const adviesVerbs = {
  newForm: 'advies.newForm',
  submit: 'advies.submit',
  view: 'advies.view',
  mine: 'advies.mine',
  queue: 'advies.queue',
  accept: 'advies.accept',
  decline: 'advies.decline',
  ask: 'advies.ask',
  answer: 'advies.answer',
  setDeadline: 'advies.setDeadline',
  volunteer: 'advies.volunteer',
  withdraw: 'advies.withdraw',
  advise: 'advies.advise',
  followUp: 'advies.followUp',
  unsolicitedForm: 'advies.unsolicitedForm',
  unsolicited: 'advies.unsolicited',
  figures: 'advies.figures',
} as const;

/** Scheduler job kinds owned by this feature. */
export const adviesJobs = {
  /** Months after the advice: ask the requester what was done with it. */
  followUp: 'advies.followUp',
} as const;

/** Download kinds (signed personal links). */
export const adviesFiles = {
  figuresCsv: 'advies.figuresCsv',
} as const;
