// The `unit-cosmos` jest project: every test bot and service fixture of this run stores on Cosmos.
process.env.TEST_STORE = 'cosmos';
