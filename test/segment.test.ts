import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeArabic } from '../src/segment/arabic.ts';
import { ChineseSegmenter } from '../src/segment/chinese.ts';
import { chineseWords, segmentTerms } from '../src/segment/index.ts';
import { groupSyllables, VietnameseLexicon } from '../src/segment/vietnamese.ts';

describe('segment', () => {
  it('segments Chinese with jieba and keeps user-dictionary names whole', () => {
    const text = '总统埃罗尔丁已乘专机飞到了南部城市奥什';
    assert.ok(chineseWords(text).includes('总统'));
    assert.ok(!chineseWords(text).includes('埃罗尔丁'), 'jieba alone splits the name');
    const withWords = new ChineseSegmenter(['埃罗尔丁']);
    assert.ok(withWords.words(text).includes('埃罗尔丁'));
    assert.ok(!chineseWords(text).includes('埃罗尔丁'), 'user words stay in their segmenter');
  });

  it("keeps a Chinese text's own name candidates whole", () => {
    const terms = segmentTerms('总统巴基耶夫已乘专机飞到了南部城市奥什', 'zh');
    assert.ok(terms.includes('巴基耶夫'), terms.join('|'));
    assert.ok(!terms.includes('了'), 'stop words are removed');
  });

  // Regression: jieba's dictionary used to grow with every article's names, so the same text
  // was cut differently depending on what had been segmented before it in the process.
  it('segments a Chinese text the same whatever came before it', () => {
    const probe = '阿塔姆巴耶夫会见了巴基耶夫';
    const first = segmentTerms(probe, 'zh');
    segmentTerms('反对派领导人阿塔姆巴耶夫和奥通巴耶娃宣布成立临时政府。', 'zh');
    segmentTerms('萨里耶夫说，巴基耶娃已经离开。', 'zh');
    assert.deepEqual(segmentTerms(probe, 'zh'), first);
  });

  it('groups Vietnamese syllables by longest lexicon match', () => {
    const lexicon = new VietnameseLexicon();
    lexicon.add('bầu cử');
    lexicon.add('quốc hội');
    lexicon.add('bầu cử quốc hội');
    assert.deepEqual(groupSyllables(['cuộc', 'bầu', 'cử', 'quốc', 'hội'], lexicon), [
      'cuộc',
      'bầu cử quốc hội',
    ]);
    // Words the article itself marked with `_` count as lexicon entries for that article.
    const terms = segmentTerms('Tổng thống Askar Akayev', 'vi', ['tổng thống', 'askar akayev']);
    assert.ok(terms.includes('tổng thống'));
    assert.ok(terms.includes('askar akayev'));
  });

  it('light-stems Arabic: clitics and affixes go, orthography is unified', () => {
    assert.equal(normalizeArabic('أحمد'), 'احمد');
    const a = segmentTerms('المتظاهرون', 'ar');
    const b = segmentTerms('والمتظاهرين', 'ar');
    assert.equal(a.length, 1);
    assert.deepEqual(a, b);
  });

  it('uses Snowball stemmers where one exists', () => {
    assert.deepEqual(segmentTerms('protesters protesting', 'en'), ['protest', 'protest']);
    assert.deepEqual(segmentTerms('manifestations', 'fr'), segmentTerms('manifestation', 'fr'));
    assert.deepEqual(segmentTerms('протестующие', 'ru'), segmentTerms('протестующих', 'ru'));
  });

  it('falls back to Intl.Segmenter for languages without a stemmer', () => {
    const terms = segmentTerms('รัฐบาลอนุมัติแผนสร้างโรงพยาบาล', 'th');
    assert.ok(terms.length >= 3, terms.join('|'));
  });
});
