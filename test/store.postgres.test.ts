import { after, describe } from 'node:test';
import { openStore } from '../src/store/index.ts';
import { storeContract } from './store.contract.ts';
import { freshPostgres } from './pg.ts';

describe('PostgreSQL store passes the store contract', () => {
  const drops: (() => Promise<void>)[] = [];
  after(async () => {
    for (const drop of drops) await drop();
  });
  storeContract(async () => {
    const db = await freshPostgres();
    drops.push(db.drop);
    return openStore(db.url);
  });
});
