import path from 'node:path';
import { describe } from 'node:test';
import { openStore } from '../src/store/index.ts';
import { storeContract } from './store.contract.ts';
import { tempDir } from './helpers.ts';

describe('SQLite store passes the store contract', () => {
  storeContract(() => openStore(path.join(tempDir(), 'contract.db')));
});
