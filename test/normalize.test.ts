import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  isBoilerplateLine,
  isCaptionLine,
  isDateOnlyLine,
  normalizeInline,
  normalizeText,
  normalizeStage,
} from '../src/normalize/index.ts';
import { NO_ALIASES } from '../src/anchors/aliases.ts';
import { scriptStage } from '../src/script/index.ts';
import { normalized, sample } from './helpers.ts';

describe('normalize: patterns from ../shared/samples', () => {
  it('joins Vietnamese pre-segmented words and keeps them as hints (000)', () => {
    const r = normalizeText(sample('000'));
    const text = normalized(sample('000'), 'vi');
    assert.match(text, /Tổng thống Kyrgyzstan Askar Akayev hôm qua ra lệnh/);
    assert.ok(!text.includes('_'));
    assert.ok(r.hintWords.includes('bầu cử'));
    assert.ok(r.hintWords.includes('kurmanbek bakiyev'));
  });

  it('removes spaces that split off punctuation (000)', () => {
    const text = normalized(sample('000'), 'vi');
    assert.match(text, /chiếm hai thành phố\. Ông Akayev/);
    assert.ok(!/ \.( |$)/.test(text));
    assert.equal(normalizeInline('( AFP ) nói , rồi .'), '(AFP) nói, rồi.');
  });

  it('drops photo-caption lines and pipe rows, keeping captions aside (001)', () => {
    const r = normalizeText(sample('001'));
    assert.ok(!r.text.split('\n').some((l) => /^\|/.test(l) || /Ảnh: AFP/.test(l)));
    assert.ok(r.captions.some((c) => c.includes('Almaty') && c.includes('Ảnh: AFP')));
    assert.ok(isCaptionLine('Cảnh sát phong tỏa một số con đường ở TP Almaty. Ảnh: Reuters. |'));
    assert.ok(isCaptionLine('|'));
    assert.ok(
      !isCaptionLine('Hôm 6/1, Ban Thư ký của CSTO xác nhận đề nghị của Tổng thống Tokayev.'),
    );
  });

  it('removes spaces inside space-segmented Chinese and rejoins split names (002)', () => {
    const r = normalizeText(sample('002'));
    assert.match(r.text, /总统巴基耶夫/);
    assert.match(r.text, /萨里耶夫/);
    assert.match(r.text, /吉尔吉斯斯坦7日发生大规模骚乱/);
  });

  it('takes the crawl date off the first line and the site boilerplate off the end (003)', () => {
    const r = normalizeText(sample('003'));
    assert.equal(r.crawlDate, 'Saturday, 04, May, 2024');
    assert.ok(r.text.startsWith('Opposition supporters in Kyrgyzstan'));
    assert.ok(!r.text.includes('Latest in National'));
    assert.ok(isDateOnlyLine('Saturday, 04, May, 2024'));
    assert.ok(
      !isDateOnlyLine('President Jeenbekov spoke on Tuesday, 6 October 2020 to reporters.'),
    );
    assert.ok(isBoilerplateLine('Latest in National'));
  });

  it('takes share and credit lines off both ends, never a line of the report', () => {
    const r = normalizeText(
      [
        'Share this article: Facebook Twitter WhatsApp Email',
        'Protesters stormed the parliament in Bishkek on Tuesday.',
        'Reporting by our correspondents; editing by the news desk.',
        'Police said one person died.',
        'Reporting by Olzhas Auyezov; Editing by Mark Heinrich',
        'Subscribe to our newsletter for the latest news.',
      ].join('\n'),
    );
    assert.equal(
      r.text,
      [
        'Protesters stormed the parliament in Bishkek on Tuesday.',
        // Inside the report it stays: only the ends are a site's wrapping.
        'Reporting by our correspondents; editing by the news desk.',
        'Police said one person died.',
      ].join('\n'),
    );
  });

  it('splits Arabic sentences glued with ".," (004)', () => {
    const r = normalizeText(sample('004'));
    assert.ok(!r.text.includes('.,'));
    assert.ok(r.text.split('\n').length > 5);
    assert.ok(r.text.split('\n').some((l) => l.startsWith('وفي حين أعلن')));
  });

  // Regression: the Vietnamese `_` join ran on every language and rewrote English pages.
  it('keeps @dele_official, TP_615 and PFF_Browns on English pages (the _ join is Vietnamese only)', () => {
    const input = {
      id: 'x',
      idDerived: false,
      title: 'PFF_Browns grades',
      text: 'Follow @dele_official for updates on flight TP_615.',
      lang: 'en',
      published: null,
      url: null,
      source: null,
      origin: { file: 'f', line: 1 },
    };
    const ctx = { aliases: NO_ALIASES };
    const en = scriptStage.run(normalizeStage.run(input, ctx), ctx);
    assert.equal(en.title, 'PFF_Browns grades');
    assert.equal(en.text, 'Follow @dele_official for updates on flight TP_615.');
    const vi = scriptStage.run(
      normalizeStage.run({ ...input, lang: 'vi', text: 'Cuộc bầu_cử ở thành_phố .' }, ctx),
      ctx,
    );
    assert.equal(vi.text, 'Cuộc bầu cử ở thành phố.');
    assert.ok(vi.hintWords?.includes('bầu cử'));
  });

  it('keeps the original title and text beside the normalised ones', () => {
    const raw = 'Saturday, 04, May, 2024\nBody text here .\nLatest in National';
    const out = normalizeStage.run(
      {
        id: 'x',
        idDerived: false,
        title: 'A_b title',
        text: raw,
        lang: null,
        published: null,
        url: null,
        source: null,
        origin: { file: 'f', line: 1 },
      },
      { aliases: NO_ALIASES },
    );
    assert.equal(out.rawText, raw);
    assert.equal(out.rawTitle, 'A_b title');
    assert.equal(out.text, 'Body text here.');
  });

  it('is NFC and idempotent on any input (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => {
        const once = normalizeInline(s);
        assert.equal(once, once.normalize('NFC'));
        assert.equal(normalizeInline(once), once);
      }),
      { numRuns: 300 },
    );
  });
});
