import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * A load balancer on 127.0.0.1, as App Service puts in front of several instances: each request goes
 * to the next backend in turn; a backend that refuses the connection (killed) is skipped.
 */
export class RoundRobinProxy {
  private next = 0;
  /** Requests each backend answered, by port. */
  readonly served = new Map<number, number>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly ports: number[],
  ) {}

  static async start(ports: number[]): Promise<RoundRobinProxy> {
    const holder: { proxy?: RoundRobinProxy } = {};
    const server = createServer((req, res) => void holder.proxy?.forward(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('proxy: no port');
    const proxy = new RoundRobinProxy(server, `http://127.0.0.1:${address.port}`, ports);
    holder.proxy = proxy;
    return proxy;
  }

  private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    for (let tries = 0; tries < this.ports.length; tries += 1) {
      const port = this.ports[this.next++ % this.ports.length];
      const ok = await this.pass(port, req, body, res);
      if (ok) {
        this.served.set(port, (this.served.get(port) ?? 0) + 1);
        return;
      }
    }
    res.writeHead(502).end();
  }

  /** False when the backend could not be reached (nothing was sent back yet: try the next one). */
  private pass(port: number, req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<boolean> {
    return new Promise((resolve) => {
      const upstream = request(
        { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on('end', () => resolve(true));
        },
      );
      upstream.on('error', (err: NodeJS.ErrnoException) => {
        if (!res.headersSent) resolve(false);
        else {
          res.destroy(err);
          resolve(true);
        }
      });
      upstream.end(body);
    });
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
