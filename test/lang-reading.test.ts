import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unknownWordForms } from '../src/anchors/index.ts';
import { languageData } from '../src/lang/index.ts';
import { PackTable } from '../src/lexicon/pack.ts';
import { parseEdictLine } from '../src/lexicon/parsers.ts';
import { segmentTerms } from '../src/segment/index.ts';

/** A pack of the given headwords (as the segmenter makes them terms), with the language's affixes. */
function pack(lang: string, headwords: string[]): PackTable {
  const table = new PackTable(languageData(lang).lookupAffixes);
  for (const h of headwords) for (const t of segmentTerms(h, lang)) table.addRaw(t, 'x:1.00');
  return table;
}

/** The pack term a word of running text is looked up as (null: unknown). */
function lookup(table: PackTable, word: string, lang: string): boolean {
  const [term] = segmentTerms(word, lang);
  return term !== undefined && table.has(term);
}

describe('reading the languages of issue 15 (src/lang/<code>/)', () => {
  it('Korean: particles and 하다 endings come off an unknown word', () => {
    const ko = pack('ko', ['대통령', '선출', '미국', '정부']);
    for (const w of ['대통령은', '대통령이', '미국에서는', '정부의', '선출했다', '선출된'])
      assert.ok(lookup(ko, w, 'ko'), w);
    assert.ok(!lookup(ko, '사과', 'ko'));
  });

  it('names in Korean, Japanese, Hebrew and Hindi are the words the pack does not know', () => {
    const ko = pack('ko', ['대통령', '선거', '승리']);
    const koForms = unknownWordForms('비슈케크에서 대통령 선거에서 승리했다', 'ko', ko);
    // The particle comes off the name; known words, with their endings, are no names.
    assert.deepEqual(koForms, ['비슈케크']);
    const ja = pack('ja', ['ニュース', 'デモ']);
    assert.deepEqual(unknownWordForms('ビシュケクでデモ、ニュースによると', 'ja', ja), [
      'ビシュケク',
    ]);
    const he = pack('he', ['הפגנה', 'ממשלה']);
    // `in Bishkek`: the name with and without the preposition written onto it.
    assert.deepEqual(unknownWordForms('הפגנה בבישקק נגד הממשלה', 'he', he), ['בבישקק', 'בישקק']);
    const hi = pack('hi', ['चुनाव', 'सरकार']);
    assert.deepEqual(unknownWordForms('बिश्केक में चुनावों के बाद सरकार', 'hi', hi), ['बिश्केक']);
    // Without a pack every word would count: none is taken.
    assert.deepEqual(unknownWordForms('비슈케크에서', 'ko', null), []);
  });

  it('Kazakh, Kyrgyz and Mongolian: case and plural endings', () => {
    const kk = pack('kk', ['сайлау', 'үкімет', 'Қазақстан']);
    for (const w of ['сайлауда', 'сайлаудың', 'үкіметтің', 'Қазақстанның', 'сайлаулар'])
      assert.ok(lookup(kk, w, 'kk'), w);
    const ky = pack('ky', ['шайлоо', 'өкмөт']);
    for (const w of ['шайлоодо', 'шайлоонун', 'өкмөттүн']) assert.ok(lookup(ky, w, 'ky'), w);
    const mn = pack('mn', ['Монгол', 'засгийн газар', 'хот']);
    for (const w of ['Монголын', 'хотод', 'хотын']) assert.ok(lookup(mn, w, 'mn'), w);
  });

  it('Kazakh function words are stop words: no term', () => {
    assert.deepEqual(segmentTerms('және ол үшін деп', 'kk'), []);
    assert.deepEqual(segmentTerms('на не за', 'uk'), []);
  });

  it('Hebrew: the conjunction, article and prepositions written onto a word', () => {
    const he = pack('he', ['ממשלה', 'ישראל', 'בחירות']);
    for (const w of ['הממשלה', 'והממשלה', 'בישראל', 'לישראל', 'שהממשלה', 'ובבחירות'])
      assert.ok(lookup(he, w, 'he'), w);
    // A known word is itself: `ממשלה` is not read as מ + משלה.
    assert.ok(pack('he', ['משלה']).has('משלה'));
  });

  it('Hindi and Bengali: oblique and plural endings', () => {
    const hi = pack('hi', ['चुनाव', 'सरकार']);
    for (const w of ['चुनावों', 'सरकारें']) assert.ok(lookup(hi, w, 'hi'), w);
    const bn = pack('bn', ['নির্বাচন', 'সরকার']);
    for (const w of ['নির্বাচনের', 'সরকারকে', 'সরকারের']) assert.ok(lookup(bn, w, 'bn'), w);
  });

  it('Persian: Arabic ي and ك are ی and ک; plural endings after a ZWNJ or not', () => {
    assert.deepEqual(segmentTerms('كشور', 'fa'), segmentTerms('کشور', 'fa'));
    const fa = pack('fa', ['کشور', 'انتخابات']);
    for (const w of ['کشورها', 'کشور\u200cهای', 'كشورها']) assert.ok(lookup(fa, w, 'fa'), w);
  });

  it('Japanese: words by Intl.Segmenter, no particle or lone kana a term', () => {
    const terms = segmentTerms('首相は選挙で勝ったと言った', 'ja');
    assert.ok(terms.includes('首相') && terms.includes('選挙'), terms.join('|'));
    for (const t of terms) assert.ok(!/^[\p{Script=Hiragana}]$/u.test(t), t);
    // EDICT: a katakana or usually-kana reading is a headword of its own.
    assert.deepEqual(parseEdictLine('亜米利加 [アメリカ] /(n) America/')!.headwords, [
      '亜米利加',
      'アメリカ',
    ]);
    assert.deepEqual(parseEdictLine('為る [する] /(vs-i) (uk) to do/(P)/')!.headwords, [
      '為る',
      'する',
    ]);
  });

  it('Thai: words by Intl.Segmenter', () => {
    const terms = segmentTerms('นายกรัฐมนตรีประกาศยุบสภา', 'th');
    assert.ok(terms.length >= 3, terms.join('|'));
    assert.ok(terms.includes('รัฐมนตรี') && terms.includes('สภา'), terms.join('|'));
  });
});
