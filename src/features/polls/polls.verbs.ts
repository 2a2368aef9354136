/** Action.Execute verbs of the polls feature; card data carries ids only, never roles. */
export const pollsVerbs = {
  answer: 'polls.answer',
  createForm: 'polls.createForm',
  create: 'polls.create',
  list: 'polls.list',
  results: 'polls.results',
} as const;

/** Scheduler job kinds owned by this feature (the satisfaction job kind lives in platform/contracts). */
export const pollsJobs = {
  close: 'polls.close',
  remind: 'polls.remind',
} as const;

/** Download kinds served at /files/<token>. */
export const pollsDownloads = {
  export: 'polls.export',
} as const;

/** The reminder job's id; closing cancels it (finding 8). */
export const remindJobId = (pollId: string) => `polls:remind:${pollId}`;
