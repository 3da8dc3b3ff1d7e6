import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import { writePack } from '../src/lexicon/pack.ts';
import {
  detectLanguage,
  identifyLanguage,
  languagesWithoutPack,
  loadLanguageModel,
  normalizeLangTag,
  OVERRIDE_MIN_LETTERS,
} from '../src/language/index.ts';
import { tempDir } from './helpers.ts';

// Ordinary news sentences, written for this test.
const PARAGRAPHS: Record<string, string> = {
  vi: 'Chính phủ đã thông qua kế hoạch xây dựng thêm ba bệnh viện ở các tỉnh miền núi trong năm tới.',
  zh: '政府宣布明年将在山区省份新建三所医院，以改善当地居民的医疗条件。',
  en: 'The government approved a plan to build three new hospitals in the mountain provinces next year.',
  ar: 'وافقت الحكومة على خطة لبناء ثلاثة مستشفيات جديدة في المحافظات الجبلية خلال العام المقبل.',
  ru: 'Правительство одобрило план строительства трёх новых больниц в горных провинциях в следующем году.',
  es: 'El gobierno aprobó un plan para construir tres nuevos hospitales en las provincias de montaña el próximo año.',
  fr: "Le gouvernement a approuvé un plan de construction de trois nouveaux hôpitaux dans les provinces montagneuses l'an prochain.",
  de: 'Die Regierung hat einen Plan zum Bau von drei neuen Krankenhäusern in den Bergprovinzen im nächsten Jahr gebilligt.',
  ms: 'Kerajaan telah meluluskan rancangan untuk membina tiga buah hospital baharu di negeri-negeri pergunungan tahun depan.',
  ja: '政府は来年、山間部の県に三つの新しい病院を建設する計画を承認した。',
  ko: '정부는 내년에 산간 지방에 새 병원 세 곳을 짓는 계획을 승인했다.',
  tr: 'Hükümet, gelecek yıl dağlık illerde üç yeni hastane inşa etme planını onayladı.',
  fa: 'دولت طرح ساخت سه بیمارستان جدید در استان‌های کوهستانی را برای سال آینده تصویب کرد.',
  uk: 'Уряд схвалив план будівництва трьох нових лікарень у гірських областях наступного року.',
};

describe('language identification (fastText lid.176)', () => {
  before(loadLanguageModel);

  for (const [lang, text] of Object.entries(PARAGRAPHS)) {
    it(`recognises ${lang}`, () => {
      const guess = detectLanguage(text);
      // Malay and Indonesian are one language for clustering; either answer is right for ms.
      if (lang === 'ms') assert.ok(['ms', 'id'].includes(guess.lang), guess.lang);
      else assert.equal(guess.lang, lang);
    });
  }

  it('says und for text without letters', () => {
    assert.equal(detectLanguage('12 34 — 56').lang, 'und');
  });

  it('normalises language tags from the input', () => {
    assert.equal(normalizeLangTag('zh-CN'), 'zh');
    assert.equal(normalizeLangTag('VI'), 'vi');
    assert.equal(normalizeLangTag('not a tag!'), null);
    assert.equal(normalizeLangTag(null), null);
    for (const [tag, lang] of [
      ['en-US', 'en'],
      ['EN', 'en'],
      ['zh-Hant-TW', 'zh'],
      ['pt-BR', 'pt'],
    ]) {
      assert.equal(identifyLanguage(tag, 'Hello', 'A short text.').lang, lang, tag);
    }
  });

  const ENGLISH = [
    'The government approved a plan on Tuesday to build three new hospitals in the mountain',
    'provinces next year, the health minister told reporters in the capital. The hospitals will',
    'serve more than two million people who now travel for hours to see a doctor, she said, and',
    'construction is expected to begin in the spring once the budget has been agreed.',
  ].join(' ');

  it('trusts the text over a declared tag it plainly contradicts', () => {
    assert.ok(ENGLISH.replace(/\P{L}/gu, '').length >= OVERRIDE_MIN_LETTERS);
    const found = identifyLanguage('de', 'Hospitals for the mountains', ENGLISH);
    assert.equal(found.lang, 'en');
    assert.equal(found.source, 'detected-over-declared');
  });

  it('keeps the declared tag on a short or ambiguous text', () => {
    const short = identifyLanguage('de', 'Hospitals', PARAGRAPHS.en);
    assert.deepEqual([short.lang, short.source], ['de', 'input']);
    // Malay declared, Indonesian detected: one language, no contradiction.
    const ms = identifyLanguage('ms', '', `${PARAGRAPHS.ms} `.repeat(3));
    assert.deepEqual([ms.lang, ms.source], ['ms', 'input']);
    const agreed = identifyLanguage('en', '', ENGLISH);
    assert.deepEqual([agreed.lang, agreed.source], ['en', 'input']);
  });

  it('says which languages lack a pack (never en or und)', () => {
    const dir = tempDir();
    const previous = process.env.BABELWIRE_PACKS;
    process.env.BABELWIRE_PACKS = dir;
    try {
      const info = { lang: 'vi', source: 'test', licence: 'CC0', entries: 0, built: '2020-01-01' };
      writePack(info, new Map([['bầu cử', [['elect', 1]]]]), dir);
      assert.deepEqual(languagesWithoutPack(['vi', 'zh', 'en', 'und', 'zh', 'ar']), ['ar', 'zh']);
    } finally {
      if (previous === undefined) delete process.env.BABELWIRE_PACKS;
      else process.env.BABELWIRE_PACKS = previous;
      fs.rmSync(path.resolve(dir), { recursive: true, force: true });
    }
  });
});
