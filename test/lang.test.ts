import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { nameAnchors } from '../src/anchors/names.ts';
import { languageData, normalizeLangTag } from '../src/lang/index.ts';
import { ROOT } from './helpers.ts';

const SRC = path.join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

describe('language registry (src/lang/)', () => {
  it('normalises language tags: en-US, EN, zh-Hant-TW, pt-BR', () => {
    assert.equal(normalizeLangTag('en-US'), 'en');
    assert.equal(normalizeLangTag('EN'), 'en');
    assert.equal(normalizeLangTag('zh-Hant-TW'), 'zh');
    assert.equal(normalizeLangTag('pt-BR'), 'pt');
    assert.equal(normalizeLangTag('not a tag!'), null);
  });

  it('falls back: id -> ms, zh-Hant and zh-TW -> zh, pt-BR -> pt, any case', () => {
    assert.equal(languageData('id'), languageData('ms'));
    assert.equal(languageData('ID').code, 'ms');
    assert.equal(languageData('zh-Hant'), languageData('zh'));
    assert.equal(languageData('zh-TW').segmenter, 'jieba');
    assert.equal(languageData('pt-BR'), languageData('pt'));
    assert.equal(languageData('en-US'), languageData('en'));
    assert.equal(languageData('VI').joinsUnderscoredWords, true);
    // A language without an entry of its own still has data: plain words, nothing special.
    assert.deepEqual(languageData('sw'), { code: 'sw', segmenter: 'words' });
  });

  it('holds the calendar words once: the name finder skips capitalised months and weekdays', () => {
    const keys = nameAnchors('Die Wahl fand am Montag statt, sagte Olaf Scholz im Dezember.', 'de');
    assert.ok(!keys.includes('montag') && !keys.includes('dezember'), keys.join(' '));
    assert.ok(keys.includes('scholz'));
    // `Mai` is a month in German and a given name in Vietnamese: it stays a name.
    assert.ok(nameAnchors('Bà Nguyễn Thị Mai nói với Reuters', 'vi').includes('mai'));
  });

  it('sits below every stage: src/lang imports nothing from src/ outside src/lang', () => {
    const lang = path.join(SRC, 'lang');
    for (const file of sourceFiles(lang)) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
        const target = path.resolve(path.dirname(file), m[1]);
        assert.ok(
          target.startsWith(lang + path.sep),
          `${path.relative(ROOT, file)} imports ${m[1]}`,
        );
      }
    }
  });

  it('keeps language branches in the data: no `lang === "xx"` outside src/lang', () => {
    const branch =
      /\blang\w*\s*[!=]==?\s*['"][a-z]{2,3}['"]|case\s+['"][a-z]{2}['"]\s*:|\[\s*'[a-z]{2}'\s*(?:,\s*'[a-z]{2}'\s*)*\]\.includes\(\s*lang/;
    const offenders: string[] = [];
    for (const file of sourceFiles(SRC)) {
      if (file.startsWith(path.join(SRC, 'lang') + path.sep)) continue;
      // Only the modules this layer serves: the pipeline stages, facts, lexicon and stories.
      if (/[/\\](cli|ingest|store|eval)[/\\]/.test(file)) continue;
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (branch.test(line))
            offenders.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    assert.deepEqual(offenders, []);
  });
});
