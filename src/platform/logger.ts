import pino from 'pino';

/**
 * The one logger. Log an object of ids and codes first, then a constant message.
 *
 * @remarks Never pass message text, card input, names or e-mail addresses. As a second line of
 * defence, the fields below are censored wherever they appear.
 */
export type Logger = pino.Logger;

export const redactedPaths = [
  'text',
  '*.text',
  'value',
  '*.value',
  'name',
  '*.name',
  'email',
  '*.email',
  'from.name',
  'recipient.name',
  'activity.text',
  'activity.value',
  'activity.from.name',
  'body',
  '*.body',
  'answer',
  '*.answer',
  'comment',
  '*.comment',
  'message',
  'req.headers.authorization',
  'headers.authorization',
];

export function createLogger(
  options: { level?: string; name?: string } = {},
  destination?: pino.DestinationStream,
): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths: redactedPaths, censor: '[redacted]' },
      // Not pino's `name` option: `name` is a redacted path (people's names), which would censor it.
      base: { service: options.name ?? 'panelbot' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/** A logger that drops everything; for tests that do not look at logs. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
