import pino from 'pino';
import { redactBindings, redactLogObject } from './log-redaction';

/**
 * The one logger. Log an object of ids and codes first, then a constant message.
 *
 * @remarks Never pass message text, card input, names or e-mail addresses. As a second line of
 * defence, only fields on an allow-list keep their value, at any depth, and errors keep their type,
 * code and code location but not their message (`log-redaction.ts`).
 */
export type Logger = pino.Logger;

export function createLogger(
  options: { level?: string; name?: string } = {},
  destination?: pino.DestinationStream,
): Logger {
  return withSafeChildren(
    pino(
      {
        level: options.level ?? 'info',
        formatters: { log: redactLogObject },
        base: { service: options.name ?? 'panelbot' },
        timestamp: pino.stdTimeFunctions.isoTime,
      },
      destination,
    ),
  );
}

/** pino drops the bindings formatter for children, so their bindings are filtered here instead. */
function withSafeChildren(logger: Logger): Logger {
  type Child = (bindings: pino.Bindings, options?: pino.ChildLoggerOptions) => Logger;
  const child = logger.child.bind(logger) as unknown as Child;
  const safeChild: Child = (bindings, options) => withSafeChildren(child(redactBindings(bindings), options));
  (logger as unknown as { child: Child }).child = safeChild;
  return logger;
}

/** A logger that drops everything; for tests that do not look at logs. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
