import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe } from 'node:test';
import { openStore } from '../src/store/index.ts';
import { serverContract } from './server.contract.ts';

describe('the API on a SQLite store', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'babelwire-server-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  serverContract(() => openStore(path.join(dir, 'api.db')));
});
