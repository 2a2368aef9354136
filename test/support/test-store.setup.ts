import { stopSharedCosmosServer } from './test-store';

// The file's Cosmos test server (if a test used one) stops after its last test, so jest can exit.
afterAll(() => stopSharedCosmosServer());
