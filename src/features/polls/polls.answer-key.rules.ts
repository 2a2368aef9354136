import { createHmac, randomBytes } from 'node:crypto';

/**
 * How an anonymous answer can be changed until the poll closes without anything in the database that
 * links it to the person (full reasoning and what an operator can learn: docs/polls-anonymity.md).
 *
 * - While the poll is open, the answer's document id is `h_` + HMAC(pollKey, userId), where
 *   pollKey = HMAC(serverSecret, pollId + per-poll random salt). The salt is in the database, the server
 *   secret is not (it comes from the environment / Key Vault). So the same person always lands on the
 *   same document (one answer per person, changes replace it, Teams' invoke retries are harmless) while
 *   the database alone does not say whose document it is: without the secret, nobody can compute it.
 * - We chose this over a random token kept only in the respondent's card: an invoke response that gets
 *   lost, a channel card that is re-rendered, or a reload would leave people unable to change their
 *   answer, and a retried first answer could not be recognised.
 * - The price: while the poll is open, someone holding BOTH the database and the server secret can
 *   compute the id for every person. At close we therefore (1) rename every answer to an id derived
 *   from a one-off random close key, (2) delete the participation records and (3) delete the salt and
 *   the close key. After that nobody, including us, can recompute which answer was whose.
 */

const label = 'panelbot/polls/answer-key/v1';

/** The per-poll key; `serverSecret` never touches the store. */
function pollKey(serverSecret: string, pollId: string, salt: string): Buffer {
  return createHmac('sha256', serverSecret).update(`${label}\0${pollId}\0${salt}`).digest();
}

/** The document id of this person's answer while the poll is open. */
export function openAnswerId(serverSecret: string, pollId: string, salt: string, userId: string): string {
  return `h_${createHmac('sha256', pollKey(serverSecret, pollId, salt))
    .update(userId.toLowerCase())
    .digest('base64url')}`;
}

/**
 * The id an answer gets at close. Derived from a random key that exists only during closing, so a
 * closing job that crashes half-way renames the rest to the same ids (no duplicates) on its next run.
 */
export function closedAnswerId(closeKey: string, openId: string): string {
  return `r_${createHmac('sha256', Buffer.from(closeKey, 'base64url')).update(openId).digest('base64url')}`;
}

export const isOpenAnswerId = (id: string) => id.startsWith('h_');

export const randomSecret = () => randomBytes(32).toString('base64url');

/** A straggler renamed after the close key is gone: a plain random id. */
export const randomAnswerId = () => `r_${randomBytes(32).toString('base64url')}`;

/** The server secret for answer keys, derived so it is not the download-link key itself. */
export function answerKeySecret(linkSigningSecret: string): string {
  return createHmac('sha256', linkSigningSecret).update(`${label}/server-secret`).digest('base64url');
}
