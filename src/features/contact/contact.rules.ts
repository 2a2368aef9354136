import { randomInt, randomUUID } from 'node:crypto';

/** No 0/O, 1/I/L: codes are read aloud and typed by hand. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 4;
export const codePattern = new RegExp(`^[${ALPHABET}]{${CODE_LENGTH}}$`);

/** A case code: random, never derived from who is in the case. */
export function newCaseCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

export const newCaseId = (): string => randomUUID();

/** Case codes typed by people: case-insensitive, surrounding spaces ignored. */
export const normaliseCode = (raw: string): string => raw.trim().toUpperCase();
