import { SqliteDocumentStore } from '../../../src/storage/sqlite-store';
import { runSignupRaceSuite } from './signups.race.suite';

runSignupRaceSuite('SQLite', async () => {
  const store = new SqliteDocumentStore(':memory:');
  return { store, cleanup: () => store.close() };
});
