/** Action.Execute verbs of the kennisatelier feature; card data carries ids only, never roles. */
export const kennisatelierVerbs = {
  list: 'kennisatelier.list',
  view: 'kennisatelier.view',
  signUp: 'kennisatelier.signUp',
  withdraw: 'kennisatelier.withdraw',
  newForm: 'kennisatelier.newForm',
  create: 'kennisatelier.create',
  editForm: 'kennisatelier.editForm',
  save: 'kennisatelier.save',
  confirmCancel: 'kennisatelier.confirmCancel',
  cancel: 'kennisatelier.cancel',
  roster: 'kennisatelier.roster',
  attendanceForm: 'kennisatelier.attendanceForm',
  markAttendance: 'kennisatelier.markAttendance',
} as const;

/** Scheduler job kinds owned by this feature. */
export const kennisatelierJobs = {
  reminder: 'kennisatelier.reminder',
  ended: 'kennisatelier.ended',
  attendanceNudge: 'kennisatelier.attendanceNudge',
  refreshSharedCard: 'kennisatelier.refreshSharedCard',
} as const;

/** Download kinds (signed personal links). */
export const kennisatelierFiles = {
  ics: 'kennisatelier.ics',
  csv: 'kennisatelier.csv',
} as const;
