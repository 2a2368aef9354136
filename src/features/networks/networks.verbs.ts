/** Action.Execute verbs of the networks feature; card data carries ids only, never roles. */
export const networksVerbs = {
  browse: 'networks.browse',
  join: 'networks.join',
  leave: 'networks.leave',
  snooze: 'networks.snooze',
  unsnooze: 'networks.unsnooze',
  rsvp: 'networks.rsvp',
  cancelRsvp: 'networks.cancelRsvp',
  members: 'networks.members',
  form: 'networks.announce.form',
  preview: 'networks.announce.preview',
  edit: 'networks.announce.edit',
  send: 'networks.announce.send',
  list: 'networks.announce.list',
  status: 'networks.announce.status',
  retryFailed: 'networks.announce.retryFailed',
  retract: 'networks.announce.retract',
  correctForm: 'networks.announce.correctForm',
  correct: 'networks.announce.correct',
} as const;

/** Download kinds (signed links, see platform/downloads). */
export const networksFiles = {
  ics: 'networks.ics',
} as const;

/** The message commands (nl / en), matched case-insensitively as the whole message. */
export const networksCommands = {
  browse: /^\s*(netwerken|networks?|reti|rete)\s*$/i,
  announce: /^\s*(aankondiging|announce(ment)?|annuncio)\s*$/i,
  members: /^\s*(leden|members|iscritti|membri)\s*$/i,
} as const;

/** The feature's own durable jobs; `networks.broadcastToMembers` is a contract in platform/contracts. */
export const networksJobs = {
  announcementDelivery: 'networks.announcementDelivery',
} as const;
