import { CosmosDocumentStore } from '../../../src/storage/cosmos-store';
import { startCosmosServer, testConnectionPolicy, type CosmosTestServer } from '../../support/cosmos-server';
import { runSignupRaceSuite } from './signups.race.suite';

let server: CosmosTestServer;
let n = 0;
beforeAll(async () => {
  server = await startCosmosServer();
});
afterAll(async () => server.stop());

runSignupRaceSuite('Cosmos DB (SDK against @vercel/cosmosdb-server)', async () => {
  const store = new CosmosDocumentStore({
    endpoint: server.endpoint,
    key: server.key,
    database: `signups-${process.pid}-${++n}`,
    connectionPolicy: testConnectionPolicy,
  });
  await store.init();
  return { store, cleanup: () => store.close() };
});
