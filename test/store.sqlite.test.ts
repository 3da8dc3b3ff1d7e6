import path from 'node:path';
import { describe } from 'node:test';
import { SqliteStore } from '../src/store/sqlite.ts';
import { storeContract } from './store.contract.ts';
import { tempDir } from './helpers.ts';

describe('SqliteStore passes the store contract', () => {
  storeContract(() => new SqliteStore(path.join(tempDir(), 'contract.db')));
});
