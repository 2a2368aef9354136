import type { AddressInfo } from 'node:net';
import { createHttpServer } from '@vercel/cosmosdb-server';
import { useLinearCosmosQueries } from './cosmos-query-linear';

/** The emulator's published key; the test server accepts any key, the SDK just needs a valid one. */
export const emulatorKey =
  'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

/** The server advertises an https endpoint; following it would fail, so discovery stays off. */
export const testConnectionPolicy = { enableEndpointDiscovery: false };

export interface CosmosTestServer {
  endpoint: string;
  key: string;
  stop(): Promise<void>;
}

/** Starts @vercel/cosmosdb-server in this process on a free port, plain HTTP. */
export async function startCosmosServer(): Promise<CosmosTestServer> {
  useLinearCosmosQueries();
  const server = createHttpServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    key: emulatorKey,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
