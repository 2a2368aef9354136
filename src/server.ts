import restify from 'restify';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { DocumentStore } from './storage/document-store.port';
import type { Downloads } from './platform/downloads';
import type { Logger } from './platform/logger';
import type { WebRequest, WebResponse } from './platform/inzicht';

export interface ServerDeps {
  adapter: TeamsAdapter;
  run: (context: TurnContext) => Promise<unknown>;
  store: DocumentStore;
  downloads: Downloads;
  logger: Logger;
  /** With authentication on, a POST without a bearer token is refused before its body is read. */
  requireBearer: boolean;
  /** The Inzicht tab under /inzicht/ (page, libraries, figures API). */
  web?: (req: WebRequest) => Promise<WebResponse>;
}

/** A browser shows this; the person is not signed in here, so it is in both languages. */
const linkRefused =
  'Deze link is verlopen of al gebruikt. Vraag in Teams een nieuwe aan via de knop op de kaart.\n' +
  'This link has expired or was already used. Ask for a new one in Teams with the button on the card.\n';

/** Activities are small JSON; Teams' largest (a card with inputs) stays far below this. */
export const maxActivityBytes = 256 * 1024;

const mediaType = (req: restify.Request) =>
  String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();

/**
 * Refuses what the bot never accepts before a byte of the body is read: another content type (415),
 * a declared size over the cap (413), no bearer token while authentication is on (401). restify's
 * general bodyParser is not used: it writes multipart uploads to disk before any check.
 */
function guardActivityRequest(requireBearer: boolean): restify.RequestHandler {
  return (req, res, next) => {
    const refuse = (status: number, error: string) => {
      res.setHeader('Connection', 'close');
      res.send(status, { error });
      next(false);
    };
    if (mediaType(req) !== 'application/json') return refuse(415, 'application/json expected');
    if (Number(req.headers['content-length'] ?? 0) > maxActivityBytes) return refuse(413, 'body too large');
    if (requireBearer && !/^Bearer\s+\S/i.test(String(req.headers.authorization ?? '')))
      return refuse(401, 'unauthorized');
    next();
  };
}

export interface RunningServer {
  url: string;
  port: number;
  /** Stops accepting requests and waits for turns in flight (bounded by `timeoutMs`). */
  close(timeoutMs?: number): Promise<void>;
}

/** HTTP only: the bot endpoint, health probes and signed file links. No business logic here. */
export async function startServer(deps: ServerDeps, port: number, host: string): Promise<RunningServer> {
  const log = deps.logger.child({ component: 'server' });
  // Download tokens (signed claims) are ~170+ characters; restify's default param limit (100) would 404 them.
  const server = restify.createServer({
    name: 'panelbot',
    handleUncaughtExceptions: false,
    maxParamLength: 2048,
  });
  let inFlight = 0;
  let draining = false;

  const readJson = [
    restify.plugins.bodyReader({ maxBodySize: maxActivityBytes }),
    ...restify.plugins.jsonBodyParser({ bodyReader: false, mapParams: false }),
  ];
  server.post('/api/messages', guardActivityRequest(deps.requireBearer), ...readJson, async (req, res) => {
    if (draining) {
      res.send(503);
      return;
    }
    if (
      !req.body ||
      typeof req.body !== 'object' ||
      Array.isArray(req.body) ||
      typeof req.body.type !== 'string'
    ) {
      res.send(400, { error: 'an activity is expected' });
      return;
    }
    inFlight++;
    try {
      await deps.adapter.process(req, res, (context) => deps.run(context).then(() => undefined));
    } catch (err) {
      log.error({ err: { name: (err as Error).name, stack: (err as Error).stack } }, 'request failed');
      if (!res.headersSent) res.send(500);
    } finally {
      inFlight--;
    }
  });

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req, res) => {
    try {
      if (draining) throw new Error('shutting down');
      await deps.store.ping();
      res.send(200, { status: 'ready' });
    } catch {
      res.send(503, { status: 'unavailable' });
    }
  });

  // The token is a bearer credential: never logged (only the outcome), never sent on as a referrer.
  server.get('/files/:token', async (req, res) => {
    res.setHeader('Referrer-Policy', 'no-referrer');
    const file = await deps.downloads.resolve(String(req.params.token ?? ''));
    log.info({ route: 'files', outcome: file ? 'served' : 'refused' }, 'download');
    if (!file) {
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      res.writeHead(404);
      res.end(linkRefused);
      return;
    }
    const name = file.filename.replace(/[^A-Za-z0-9._-]/g, '_');
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.writeHead(200);
    res.end(file.body);
  });

  const web = deps.web;
  if (web) {
    const serveTab = async (req: restify.Request, res: restify.Response) => {
      const url = new URL(req.url ?? '/', 'http://local');
      if (url.pathname === '/inzicht') {
        res.setHeader('Location', '/inzicht/');
        res.writeHead(301);
        res.end();
        return;
      }
      try {
        const out = await web({
          path: url.pathname,
          query: url.searchParams,
          authorization: req.headers.authorization,
        });
        for (const [k, v] of Object.entries(out.headers)) res.setHeader(k, v);
        res.writeHead(out.status);
        res.end(out.body);
      } catch (err) {
        log.error(
          { err: { name: (err as Error).name, stack: (err as Error).stack } },
          'inzicht request failed',
        );
        if (!res.headersSent) res.send(500);
      }
    };
    server.get('/inzicht', serveTab);
    server.get('/inzicht/*', serveTab);
  }

  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    port: actualPort,
    url: `http://127.0.0.1:${actualPort}`,
    async close(timeoutMs = 10_000) {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive sockets would hold the port open until they time out; busy ones finish first.
      server.server.closeIdleConnections();
      const deadline = Date.now() + timeoutMs;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      server.server.closeAllConnections();
      await closed;
    },
  };
}
