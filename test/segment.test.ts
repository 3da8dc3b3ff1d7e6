import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeArabic } from '../src/segment/arabic.ts';
import { addChineseWords, chineseWords, segmentTerms } from '../src/segment/index.ts';
import { groupSyllables, VietnameseLexicon } from '../src/segment/vietnamese.ts';

describe('segment', () => {
  it('segments Chinese with jieba and keeps user-dictionary names whole', () => {
    const text = '总统巴基耶夫已乘专机飞到了南部城市奥什';
    assert.ok(chineseWords(text).includes('总统'));
    addChineseWords(['巴基耶夫']);
    assert.ok(chineseWords(text).includes('巴基耶夫'));
    const terms = segmentTerms(text, 'zh');
    assert.ok(terms.includes('巴基耶夫'));
    assert.ok(!terms.includes('了'), 'stop words are removed');
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
