import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * An HTTP server on 127.0.0.1 with a free port, for the fakes that stand in for outside services.
 * `handler` is read per request, so a fake can be built after its server (it needs the URL).
 */
export async function startLoopbackServer(
  handler: () => Handler | undefined,
): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => void handler()?.(req, res));
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

export function stopLoopbackServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.closeAllConnections();
    server.close((err) => (err ? reject(err) : resolve()));
  });
}
