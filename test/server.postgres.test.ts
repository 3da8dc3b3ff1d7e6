import { after, describe } from 'node:test';
import { openStore } from '../src/store/index.ts';
import { freshPostgres } from './pg.ts';
import { serverContract } from './server.contract.ts';

describe('the API on a PostgreSQL store', () => {
  const drops: (() => Promise<void>)[] = [];
  serverContract(async () => {
    const db = await freshPostgres();
    drops.push(db.drop);
    return openStore(db.url);
  });
  // After the contract's own `after`, which closes the store: dropping first would cut its
  // connections from under it.
  after(async () => {
    for (const drop of drops) await drop();
  });
});
