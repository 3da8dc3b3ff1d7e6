import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractAnchors } from '../src/anchors/index.ts';
import { findCountries } from '../src/anchors/countries.ts';
import { dateAnchors } from '../src/anchors/dates.ts';
import { nameAnchors, nameAnchorsAndRuns, nameKey } from '../src/anchors/names.ts';
import { numberAnchors } from '../src/anchors/numbers.ts';
import { normalizeText } from '../src/normalize/index.ts';
import { normalized, sample } from './helpers.ts';

describe('anchors', () => {
  it('Latin-script names in Vietnamese match their English form', () => {
    const vi = nameAnchors(normalized(sample('000'), 'vi'), 'vi');
    const en = nameAnchors(normalizeText(sample('003')).text, 'en');
    assert.ok(vi.includes('bakiyev') && vi.includes('akayev'));
    assert.ok(en.includes('akayev'), 'the English report names Akayev too');
    assert.ok(!vi.includes('tong'), 'a Vietnamese title word (Tổng thống) is not a name');
  });

  it('keeps names of several words whole, without the country or possessive before them', () => {
    const vi = nameAnchorsAndRuns(normalized(sample('000'), 'vi'), 'vi').runs;
    assert.ok(vi.includes('Askar Akayev'), vi.join(' | '));
    assert.ok(!vi.some((r) => r.startsWith('Kyrgyzstan')), 'Tổng thống Kyrgyzstan Askar Akayev');
    const en = nameAnchorsAndRuns(
      "Vietnam's Da Nang was flooded, said Tran Van Minh. Officials met.",
      'en',
    ).runs;
    assert.deepEqual(en, ['Da Nang', 'Tran Van Minh']);
    assert.deepEqual(nameAnchorsAndRuns('Kassym-Jomart Tokayev spoke', 'en').runs, [
      'Kassym-Jomart Tokayev',
    ]);
  });

  it('takes no institution or office phrase of Vietnamese for a name', () => {
    const words = new Set(['tài nguyên', 'giao thông', 'minh chủ', 'môi trường']);
    const pack = { has: (t: string) => words.has(t) };
    const runs = (t: string) => nameAnchorsAndRuns(t, 'vi', pack);
    // The demo's air pollution report: `Sở Tài nguyên và Môi trường` is a department.
    assert.deepEqual(
      runs('Tại Hà Nội, Sở Tài nguyên và Môi trường khuyến cáo người dân ở trong nhà.'),
      { keys: ['noi'], runs: ['Hà Nội'] },
    );
    assert.deepEqual(runs('Bộ trưởng Giao thông Rudi Hartono yêu cầu điều tra.'), {
      keys: ['rudi', 'hartono'],
      runs: ['Rudi Hartono'],
    });
    // `minh chủ` is a word too, but here Minh ends a name.
    assert.deepEqual(runs('Ông Trần Văn Minh chủ trì cuộc họp.').runs, ['Trần Văn Minh']);
    assert.deepEqual(runs('Hôm nay ông Minh chủ trì cuộc họp.').keys, ['minh']);
  });

  it('folds diacritics and romanises Cyrillic', () => {
    assert.equal(nameKey('Nguyễn'), 'nguyen');
    assert.equal(nameKey('Бакиев'), 'bakiev');
    assert.equal(nameKey('Łódź'), 'lodz');
  });

  it('finds countries in many locales and scripts', () => {
    assert.deepEqual(findCountries('吉尔吉斯斯坦发生骚乱', 'zh'), ['KG']);
    assert.deepEqual(findCountries('Protests in Kyrgyzstan', 'en'), ['KG']);
    assert.deepEqual(findCountries('Biểu tình ở Kazakhstan', 'vi'), ['KZ']);
    assert.deepEqual(findCountries('احتجاجات في روسيا', 'ar'), ['RU']);
    assert.deepEqual(findCountries('Протесты в России', 'ru'), ['RU']);
    assert.deepEqual(findCountries('Kyrgyz police', 'en'), ['KG']);
  });

  it('guards against false friends', () => {
    assert.deepEqual(findCountries('cơ quan lập pháp', 'vi'), [], 'lập pháp is not France');
    assert.deepEqual(findCountries('有关说法国际在线报道', 'zh'), [], '说法国际 is not France');
    assert.deepEqual(findCountries('the chad of the sky', 'en'), [], 'lower case is not a name');
    assert.deepEqual(findCountries('Jordan Spieth and Justin Thomas', 'en'), [], 'a golfer');
    assert.deepEqual(findCountries('Michael Jordan retired', 'en'), []);
    assert.deepEqual(findCountries('Chad Johnson played', 'en'), []);
    assert.deepEqual(findCountries('In Jordan, protests', 'en'), ['JO'], 'In is a word');
    assert.deepEqual(findCountries('King Abdullah of Jordan met', 'en'), ['JO']);
    assert.deepEqual(findCountries('troops left Chad on Monday', 'en'), ['TD']);
  });

  it('reads short country names in their own language only, mid-sentence', () => {
    assert.deepEqual(findCountries('cơ quan vũ trụ Nga và Mỹ', 'vi'), ['RU', 'US']);
    assert.deepEqual(findCountries('قالت مصر إن', 'ar'), ['EG']);
    assert.deepEqual(findCountries('Ý kiến của anh', 'vi'), [], 'a sentence-initial Ý is a word');
    assert.deepEqual(findCountries('ông Tuấn Anh nói', 'vi'), [], 'Anh after a name is a name');
    assert.deepEqual(
      findCountries('visited Nga Trang', 'en'),
      [],
      'Nga is Russia only in Vietnamese',
    );
  });

  it('finds countries in Thai (no spaces) and Korean (particles attached)', () => {
    assert.deepEqual(findCountries('การประท้วงในประเทศอิหร่าน', 'th'), ['IR']);
    assert.deepEqual(findCountries('브라질 총선에서 미국은 러시아를', 'ko'), ['BR', 'RU', 'US']);
  });

  it('matches Arabic spellings of a country that differ in long vowels', () => {
    assert.deepEqual(findCountries('عنف في قرغيزستان', 'ar'), ['KG']);
    assert.deepEqual(findCountries('عنف في قيرغيزستان', 'ar'), ['KG']);
  });

  it('reads numbers in both separator conventions and with multipliers', () => {
    assert.deepEqual(numberAnchors('10.000 người'), ['10000']);
    assert.deepEqual(numberAnchors('10,000 people'), ['10000']);
    assert.deepEqual(numberAnchors('سقوط ١٢٠ جريحا'), ['120']);
    assert.deepEqual(numberAnchors('2 million people in 2020'), ['2000000']);
    assert.deepEqual(numberAnchors('400万'), ['4000000']);
    assert.deepEqual(numberAnchors('3 people'), [], 'small counts are too common to anchor');
  });

  it('reads dates in several styles', () => {
    assert.deepEqual(dateAnchors('hôm 13/3', 'vi'), ['--03-13']);
    assert.deepEqual(dateAnchors('2020年10月5日', 'zh'), ['2020', '2020-10-05']);
    assert.deepEqual(dateAnchors('on October 5, 2020', 'en'), ['2020', '2020-10-05']);
    assert.deepEqual(dateAnchors('5 октября', 'ru'), ['--10-05']);
    assert.deepEqual(dateAnchors('ngày 5 tháng 10 năm 2020', 'vi'), ['2020', '2020-10-05']);
    assert.deepEqual(dateAnchors('am 16.05. in Paris', 'de'), ['--05-16']);
    assert.deepEqual(dateAnchors('am 16.5. in Paris', 'de'), ['--05-16']);
    assert.deepEqual(dateAnchors('13.03.2005', 'de'), ['2005', '2005-03-13']);
  });

  it('does not read a decimal or a score as a day and month', () => {
    assert.deepEqual(dateAnchors('Europe won 16.5-10.5 at Le Golf National', 'en'), []);
    assert.deepEqual(dateAnchors('Europa gewann mit 16,5 zu 10.5 Punkten', 'de'), []);
    assert.deepEqual(dateAnchors('a 10.05 second run', 'en'), []);
  });

  it('gives the English and Arabic reports of one event shared anchors', () => {
    const en = extractAnchors('', normalizeText(sample('003')).text, 'en');
    const ar = extractAnchors('', normalizeText(sample('004')).text, 'ar');
    assert.ok(en.countries.includes('KG'));
    assert.ok(ar.numbers.includes('120'));
    assert.ok(en.numbers.includes('590'));
    // Bishkek: `بشكيك` in the report, `بيشكك` in GeoNames, and `ب` + `شكيك` ("doubtful") to
    // the Arabic pack; found by its consonants, it is the city and a name of the report.
    const bishkek = '1528675';
    assert.ok(en.cities?.includes(bishkek));
    assert.ok(ar.cities?.includes(bishkek), `Arabic cities: ${ar.cities}`);
    assert.ok(ar.nameForms?.includes('بشكيك'));
    const skeletonOf = (s: string) => en.skeletons?.includes(s) && ar.skeletons?.includes(s);
    assert.ok(skeletonOf('BSK'), `${en.skeletons} / ${ar.skeletons}`);
    // A longer name holding a city's consonants is not the city: Atambayev is not Tambov.
    assert.deepEqual(ar.cities, [bishkek]);
  });

  it('finds a city in a case ending, and takes the word for the city, not a name', () => {
    const ru = extractAnchors('', 'Выборы прошли в Улан-Баторе, столице Монголии.', 'ru');
    assert.deepEqual(ru.cities, ['2028462']);
    assert.ok(!ru.names.includes('batore'), ru.names.join(' '));
    // A word that only shares a stem with a city's name is not the city (Almada, Portugal).
    const tr = extractAnchors(
      '',
      'Alman hükümeti Lizbon ile görüştü. Portekiz açıklama yaptı.',
      'tr',
    );
    assert.ok(!(tr.cities ?? []).includes('2271961'), `${tr.cities}`);
  });

  it('finds a city by its consonants only in a country the text names', () => {
    const text = 'وصل الوفد إلى بشكيك صباح اليوم';
    assert.deepEqual(extractAnchors('', `${text} في قرغيزستان`, 'ar').cities, ['1528675']);
    assert.deepEqual(extractAnchors('', text, 'ar').cities, []);
  });
});
