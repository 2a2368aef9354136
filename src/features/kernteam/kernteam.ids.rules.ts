import { randomUUID } from 'node:crypto';

/** A form's id (32 hex): the id of what it creates, so a retried or double-clicked submit creates one. */
export const newFormId = () => randomUUID().replace(/-/g, '');
