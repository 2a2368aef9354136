/**
 * The Cosmos test server in a process of its own, as a real Cosmos DB would be: its query work must
 * not slow down the fake connector (which would then throttle) or the bot process being measured.
 */
import { startCosmosServer } from '../test/support/cosmos-server';

void startCosmosServer().then((server) => {
  process.send?.({ endpoint: server.endpoint, key: server.key });
  process.on('disconnect', () => void server.stop().finally(() => process.exit(0)));
});
