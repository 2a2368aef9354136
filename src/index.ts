import { ConfigError, loadConfig, redactedSummary } from './config';
import { OrgFileError } from './platform/org/organisation';
import { createRuntime } from './runtime';

/** How long a stop may take: App Service waits for the process before it kills it. */
const STOP_BOUND_MS = 8_000;

/** Composition root: config → runtime (logger, store, app) → server; stops cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const runtime = await createRuntime(config);
  const { logger } = runtime.deps;
  logger.info({ config: redactedSummary(config) }, 'starting');
  if (config.localNoAuth) {
    logger.warn(
      'AUTHENTICATION IS OFF (LOCAL_NO_AUTH=1): listening on 127.0.0.1 only, for a local run with the Playground.',
    );
  }
  const server = await runtime.start();
  logger.info({ url: `http://${config.host}:${server.port}/api/messages` }, 'bot listening');

  let stopping = false;
  const stop = async (signal: string) => {
    // App Service sends a second signal when the first took too long: then leave at once.
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'stopping: finishing turns in flight');
    // Last resort if closing the store itself hangs; stop() keeps within its own bound before that.
    setTimeout(() => process.exit(1), STOP_BOUND_MS + 2_000).unref();
    const clean = await runtime.stop(STOP_BOUND_MS).catch((err: unknown) => {
      logger.error({ err }, 'stop failed');
      return false;
    });
    logger.info({ clean }, 'stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: unknown) => {
  // Config and organisation-file problems are the operator's to fix: say exactly what, nothing more.
  if (err instanceof ConfigError || err instanceof OrgFileError) process.stderr.write(`${err.message}\n`);
  else process.stderr.write(`Start failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
