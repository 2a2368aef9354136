/** Every Action.Execute verb of the contact feature. Card data carries ids only, never roles. */
export const contactVerbs = {
  start: 'contact.start',
  openForm: 'contact.openForm',
  request: 'contact.request',
  pickUp: 'contact.pickUp',
  send: 'contact.send',
  showCase: 'contact.showCase',
  stop: 'contact.stop',
  referChoose: 'contact.refer.choose',
  referGuidance: 'contact.refer.guidance',
  referSend: 'contact.refer.send',
  handover: 'contact.handover',
  closeForm: 'contact.close.form',
  close: 'contact.close',
  availability: 'contact.availability',
  setAvailability: 'contact.availability.set',
  myCases: 'contact.myCases',
  stats: 'contact.stats',
} as const;

/** Timed jobs; their payloads carry the case id only. */
export const contactJobs = {
  pickupTimeout: 'contact.pickupTimeout',
  inactivity: 'contact.inactivity',
} as const;
