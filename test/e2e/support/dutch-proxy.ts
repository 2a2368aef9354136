import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The Playground stamps every activity with locale en-US. Rotterdam's staff use Teams in Dutch, so a small
 * pass-through in front of the bot turns its activities into nl-NL ones (or `locale`, e.g. it-IT for Genova):
 * the screenshots show the real UI.
 */
export async function dutchProxy(target: string, locale = 'nl-NL'): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        let body = Buffer.concat(chunks).toString('utf8');
        try {
          const activity = JSON.parse(body) as {
            locale?: string;
            entities?: Array<{ type?: string; locale?: string }>;
          };
          activity.locale = locale;
          for (const e of activity.entities ?? []) if (e.type === 'clientInfo') e.locale = locale;
          body = JSON.stringify(activity);
        } catch {
          // not JSON: pass it on untouched
        }
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (req.headers.authorization) headers.authorization = req.headers.authorization;
        const answer = await fetch(`${target}${req.url ?? ''}`, {
          method: req.method,
          headers,
          body: req.method === 'GET' ? undefined : body,
        });
        const text = await answer.text();
        res.statusCode = answer.status;
        res.setHeader('content-type', answer.headers.get('content-type') ?? 'application/json');
        res.end(text);
      })().catch(() => {
        res.statusCode = 502;
        res.end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
