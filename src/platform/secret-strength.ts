/**
 * Start-up check of a secret's strength. It catches mistakes of a deployment (a placeholder, a test
 * value, an App Service Key Vault reference that did not resolve), not a determined weak choice: a
 * secret should be 32 random bytes or more (`openssl rand -base64 48`).
 */

export const minSecretBytes = 32;
/** A rough lower bound: Shannon entropy of the characters times the length. */
const minEstimatedBits = 100;
const obviousWords = [
  'changeme',
  'change-me',
  'password',
  'wachtwoord',
  'secret',
  'geheim',
  'example',
  'placeholder',
  'replace',
  'default',
  'letmein',
  'qwerty',
  'dummy',
  'not-used',
];

/** App Service hands the reference over literally when it cannot resolve it. */
const keyVaultReference = /^\s*@Microsoft\.KeyVault\s*\(/i;

function estimatedBits(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  const n = [...value].length;
  let perChar = 0;
  for (const k of counts.values()) perChar -= (k / n) * Math.log2(k / n);
  return perChar * n;
}

/** Runs like "abcdef", "123456" or "aaaa": neighbours that differ by 0 or 1. */
function mostlySequential(value: string): boolean {
  const codes = [...value].map((c) => c.codePointAt(0) ?? 0);
  let steps = 0;
  for (let i = 1; i < codes.length; i++) if (Math.abs(codes[i] - codes[i - 1]) <= 1) steps++;
  return steps > (codes.length - 1) / 2;
}

/** Why a secret is refused, or undefined when it is acceptable. */
export function secretWeakness(value: string): string | undefined {
  if (keyVaultReference.test(value))
    return 'is an unresolved Key Vault reference (@Microsoft.KeyVault(...)); the app waits for it to resolve';
  if (Buffer.byteLength(value, 'utf8') < minSecretBytes) return `is shorter than ${minSecretBytes} bytes`;
  const lower = value.toLowerCase();
  const word = obviousWords.find((w) => lower.includes(w));
  if (word) return `looks like a placeholder (contains "${word}")`;
  if (new Set(value).size < 8 || mostlySequential(value) || estimatedBits(value) < minEstimatedBits)
    return 'has too little entropy (repeated or sequential characters)';
  return undefined;
}
