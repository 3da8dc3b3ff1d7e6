import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { cachedTable, importClosureHash } from '../src/cache.ts';
import { tempDir } from './helpers.ts';

test('a derived table is built once, read back equal, and rebuilt when its source changes', () => {
  const dir = tempDir();
  const source = path.join(dir, 'source.txt');
  fs.writeFileSync(source, 'a b c');
  const cache = path.join(dir, 'cache');
  let builds = 0;
  const build = () => {
    builds++;
    return {
      words: new Map(
        fs
          .readFileSync(source, 'utf8')
          .split(' ')
          .map((w, i) => [w, i]),
      ),
    };
  };
  const first = cachedTable('words', [source], build, cache);
  const again = cachedTable('words', [source], build, cache);
  assert.equal(builds, 1);
  assert.deepEqual(again, first);
  assert.ok(again.words instanceof Map);

  // A changed source is another key: the table is built again, and the old file goes.
  fs.writeFileSync(source, 'a b c d');
  const changed = cachedTable('words', [source], build, cache);
  assert.equal(builds, 2);
  assert.equal(changed.words.get('d'), 3);
  assert.equal(fs.readdirSync(cache).length, 1);

  // A damaged file is rebuilt, not an error; so is a cache that cannot be written.
  const [file] = fs.readdirSync(cache);
  fs.writeFileSync(path.join(cache, file), 'not a table');
  assert.equal(cachedTable('words', [source], build, cache).words.get('d'), 3);
  assert.equal(builds, 3);
  const blocked = path.join(dir, 'a-file');
  fs.writeFileSync(blocked, '');
  assert.equal(cachedTable('words', [source], build, blocked).words.size, 4);
  assert.equal(cachedTable('words', [source], build, null).words.size, 4);
  assert.equal(builds, 5);
});

test('a module is keyed by what it imports, directly or not, and nothing else', () => {
  const dir = tempDir();
  const write = (f: string, text: string) => fs.writeFileSync(path.join(dir, f), text);
  write('entry.ts', "import { b } from './b.ts';\nexport const a = b;\n");
  write('b.ts', "export { c as b } from './sub/c.ts';\n");
  fs.mkdirSync(path.join(dir, 'sub'));
  write('sub/c.ts', 'export const c = 1;\n');
  write('elsewhere.ts', 'export const d = 1;\n');
  const entry = path.join(dir, 'entry.ts');
  const first = importClosureHash(entry);
  write('elsewhere.ts', 'export const d = 2;\n');
  assert.equal(importClosureHash(entry), first, 'a module it does not import changed');
  write('sub/c.ts', 'export const c = 2;\n');
  assert.notEqual(importClosureHash(entry), first, 'a module it imports through another changed');
});
