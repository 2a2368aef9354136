// The `unit-cosmos` upper bound for a stuck test (not a race): every store call is an HTTP round trip to
// a Cosmos test server in the same process, several times slower than SQLite on a busy 2-core machine.
jest.setTimeout(240_000);
