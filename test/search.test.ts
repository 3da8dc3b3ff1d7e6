import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { evalSearch } from '../src/eval/search.ts';
import { installDevPacks } from '../src/lexicon/dev-packs.ts';
import { resetPacks } from '../src/lexicon/pack.ts';
import { snippet } from '../src/search/index.ts';
import { BENCHMARKS, ROOT, SHARED, useDevPacks } from './helpers.ts';

const floors = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'test', 'search-floors.json'), 'utf8'),
) as Record<string, { recall: number; minLangRecall: number; selfFirst: number } | string>;

describe('search quality gate: a title finds its versions in the other languages', () => {
  useDevPacks({ before, after }, (dir) => installDevPacks(SHARED, dir), resetPacks);
  for (const [file, floor] of Object.entries(floors)) {
    if (typeof floor === 'string') continue;
    it(`${file}: recall@20 ≥ ${floor.recall}, every language ≥ ${floor.minLangRecall}`, async () => {
      const s = await evalSearch(path.join(BENCHMARKS, file));
      const langs = Object.entries(s.byLang).map(([l, x]) => `${l} ${x.recall.toFixed(3)}`);
      process.stdout.write(
        `# ${file} recall@20 ${s.recall.toFixed(3)}, self first ${s.selfFirst.toFixed(3)}; ${langs.join(', ')}\n`,
      );
      assert.ok(s.queries > 50);
      assert.ok(s.recall >= floor.recall, `recall ${s.recall.toFixed(3)}`);
      assert.ok(s.selfFirst >= floor.selfFirst, `self first ${s.selfFirst.toFixed(3)}`);
      for (const [lang, x] of Object.entries(s.byLang)) {
        assert.ok(x.recall >= floor.minLangRecall, `${lang}: recall ${x.recall.toFixed(3)}`);
      }
    });
  }
});

describe('snippets', () => {
  it('take the sentence with most query words, cut at a word', () => {
    const text = 'Nothing here. Police fired tear gas in Nairobi on Monday. Later, calm returned.';
    assert.equal(
      snippet({ title: 't', text }, ['nairobi', 'police']),
      'Police fired tear gas in Nairobi on Monday.',
    );
    const long = 'word '.repeat(100).trim();
    const cut = snippet({ title: 't', text: long }, []);
    assert.ok(cut.endsWith('…') && [...cut].length <= 241 && !cut.includes('wor…'));
  });
});
