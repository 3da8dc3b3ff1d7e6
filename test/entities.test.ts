import { eventNames } from '../src/facts/event-names.ts';
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { extractAnchors } from '../src/anchors/index.ts';
import { cityFitsCountries, cityPlace } from '../src/anchors/places.ts';
import { eventEntities } from '../src/facts/entities.ts';
import { nameMentions, type NameKind } from '../src/facts/entity-kind.ts';
import { readJsonl, scoreEntityKinds, type EntityKindCase } from '../src/facts/eval.ts';
import { scoreEntityNames, type EntityNamesCase } from '../src/facts/eval-names.ts';
import { findCountries } from '../src/anchors/countries.ts';
import { chineseNameCandidates } from '../src/segment/index.ts';
import type { StoredArticle } from '../src/types.ts';
import { ROOT, normalized, sample } from './helpers.ts';

const FACTS = path.join(ROOT, 'examples', 'facts');

/** The kind the mentions of `surface` in `text` vote for. */
function kindOf(text: string, lang: string, surface: string): NameKind | null {
  const kinds = nameMentions(text, lang)
    .filter((m) => m.surface === surface && m.kind)
    .map((m) => m.kind);
  return kinds[0] ?? null;
}

function article(id: string, raw: string, lang: string): StoredArticle {
  const text = normalized(raw, lang);
  return {
    id,
    title: '',
    text,
    rawTitle: '',
    rawText: raw,
    lang,
    published: null,
    url: null,
    source: null,
    contentHash: id,
    terms: [],
    anchors: extractAnchors('', text, lang),
    captions: [],
    eventId: 'ev-test',
    eventDate: null,
    seq: 0,
    ingestedAt: '2026-11-22T00:00:00Z',
  };
}

describe('entities: people and organisations by the cues around a name', () => {
  it('reads titles before a name as a person, in several languages', () => {
    assert.equal(kindOf('President Sooronbay Jeenbekov spoke.', 'en', 'Jeenbekov'), 'person');
    assert.equal(kindOf('Tổng_thống Askar_Akayev rời Bishkek .', 'vi', 'Akayev'), 'person');
    assert.equal(kindOf('Президент Жээнбеков заявил об отставке.', 'ru', 'Жээнбеков'), 'person');
    assert.equal(kindOf('总统 热恩别科夫 宣布', 'zh', '恩别科夫'), 'person');
    assert.equal(kindOf('Mme Otounbaïeva dirige le gouvernement.', 'fr', 'Otounbaïeva'), 'person');
  });

  it('reads institution words and acronyms as an organisation', () => {
    assert.equal(kindOf('The Ata-Jurt party rejected it.', 'en', 'Ata-Jurt'), 'organisation');
    assert.equal(kindOf('Партия Ата-Журт не признала итоги.', 'ru', 'Ата-Журт'), 'organisation');
    assert.equal(kindOf('Mr. Tokayev asked the CSTO for help.', 'en', 'CSTO'), 'organisation');
    assert.equal(kindOf('阿塔梅肯党呼吁支持者上街。', 'zh', '阿塔梅肯'), 'organisation');
  });

  it('reads place words before or around a name as a place', () => {
    assert.equal(kindOf('The town of Grindavik was evacuated.', 'en', 'Grindavik'), 'place');
    assert.equal(kindOf('Lava reached the Reykjanes peninsula.', 'en', 'Reykjanes'), 'place');
    assert.equal(kindOf('Auf der Halbinsel Reykjanes bebt die Erde.', 'de', 'Reykjanes'), 'place');
    assert.equal(kindOf('Жителей города Гриндавик эвакуировали.', 'ru', 'Гриндавик'), 'place');
    assert.equal(kindOf('Boats searched the Han River overnight.', 'en', 'Han'), 'place');
    assert.equal(kindOf('Penduduk kampung Manggarai dipindahkan.', 'ms', 'Manggarai'), 'place');
  });

  it('leaves a name with no cue unclassified instead of guessing', () => {
    assert.equal(kindOf('Shares of Gazprom fell.', 'en', 'Gazprom'), null);
    assert.equal(kindOf('Boats searched the Han River overnight.', 'en', 'River'), null, 'a place');
    // A capitalised country word next to a name does not make a first name + surname pair.
    assert.equal(
      kindOf('Truyền thông dẫn lời cơ quan vũ trụ Nga Roscosmos .', 'vi', 'Roscosmos'),
      null,
    );
  });

  it('scores the labelled sentences (examples/facts/entity-kinds*.jsonl), no packs needed', () => {
    const dev = scoreEntityKinds(readJsonl<EntityKindCase>(path.join(FACTS, 'entity-kinds.jsonl')));
    const heldOut = scoreEntityKinds(
      readJsonl<EntityKindCase>(path.join(FACTS, 'entity-kinds-heldout.jsonl')),
    );
    process.stdout.write(
      `# entity kinds: dev P ${dev.precision.toFixed(3)} R ${dev.recall.toFixed(3)}; ` +
        `held-out P ${heldOut.precision.toFixed(3)} R ${heldOut.recall.toFixed(3)}\n`,
    );
    assert.ok(dev.precision >= 0.95 && dev.recall >= 0.7, dev.errors.join('\n'));
    assert.ok(heldOut.precision >= 0.85 && heldOut.recall >= 0.6, heldOut.errors.join('\n'));
  });

  it('lists the names a reader would list (examples/facts/entity-names.jsonl), no packs needed', () => {
    const dev = scoreEntityNames(
      readJsonl<EntityNamesCase>(path.join(FACTS, 'entity-names.jsonl')),
    );
    process.stdout.write(
      `# entity names: dev P ${dev.precision.toFixed(3)} R ${dev.recall.toFixed(3)}\n`,
    );
    assert.ok(dev.precision >= 0.85 && dev.recall >= 0.78, dev.errors.join('\n'));
  });

  it('scores a listed name right when it is a labelled one or its surname, optional ones aside', () => {
    const s = scoreEntityNames([
      {
        lang: 'en',
        text: 'Governor Lucía Ferreyra visited Mendoza with officials of UNICEF.',
        names: [['Lucía Ferreyra'], ['Mendoza'], ['Luján de Cuyo']],
        optional: [['UNICEF']],
      },
    ]);
    // Ferreyra and Mendoza listed and right; Luján de Cuyo missed.
    assert.equal(s.precision, 1, s.errors.join('\n'));
    assert.ok(Math.abs(s.recall - 2 / 3) < 1e-9, s.errors.join('\n'));
  });

  it('takes titles off a name and keeps a Vietnamese name whole', () => {
    const names = (raw: string, lang: string) =>
      eventEntities([article('t', raw, lang)], 50)
        .filter((e) => e.kind !== 'country')
        .map((e) => e.name);
    const en = names('A train derailed in Jakarta, Transport Minister Rudi Hartono said.', 'en');
    assert.ok(en.includes('Rudi Hartono') && !en.includes('Transport'), en.join(', '));
    const vi = names('Ông Trần Văn Minh cho biết nước đang rút chậm.', 'vi');
    assert.ok(vi.includes('Trần Văn Minh'), vi.join(', '));
    const ru = names(
      'По данным Генеральной избирательной комиссии, партия получила 52 места.',
      'ru',
    );
    assert.ok(!ru.some((n) => /generaln/i.test(n)), ru.join(', '));
  });

  it('types the people and organisations of sample 003 and 001', () => {
    const e003 = eventEntities([article('003', sample('003'), 'en')], 50);
    // A person is listed under the whole name the report gives (`Sooronbay Jeenbekov`).
    const kind = (list: typeof e003, name: string) =>
      list.find((e) => e.name === name || e.name.endsWith(` ${name}`))?.kind;
    const kyrgyzstan = e003.find((e) => e.id === 'country:KG');
    assert.equal(kyrgyzstan?.reports, 1);
    assert.ok((kyrgyzstan?.mentions ?? 0) >= 2, 'the report names Kyrgyzstan more than once');
    assert.equal(kind(e003, 'Jeenbekov'), 'person');
    assert.equal(kind(e003, 'Atambayev'), 'person');
    const e001 = eventEntities([article('001', sample('001'), 'vi')], 50);
    assert.equal(kind(e001, 'CSTO'), 'organisation');
    assert.ok(!e001.some((e) => e.kind === 'name' && e.name.toUpperCase() === 'CSTO'));
  });
});

describe('entities: capitalised words that name no one', () => {
  it('does not list titles, place words or inflected country names as names', () => {
    const ru = eventEntities(
      [article('r', 'Премьер-министр Монголии Оюун-Эрдэнэ прибыл в Исландии вчера.', 'ru')],
      50,
    );
    const names = ru.map((e) => e.name.toLowerCase());
    for (const word of ['premer', 'ministr', 'mongolii', 'islandii'])
      assert.ok(!names.includes(word), `${word} in ${names.join(', ')}`);
    assert.ok(
      ru.some((e) => e.id === 'country:IS'),
      'Исландии is Iceland',
    );
    const en = eventEntities(
      [article('e', 'The Icelandic Met Office said Chairman Li visited the Peninsula.', 'en')],
      50,
    );
    for (const word of ['Icelandic', 'Chairman', 'Peninsula'])
      assert.ok(!en.some((e) => e.kind === 'name' && e.name === word), word);
  });

  it('takes a German noun after an article or number for a noun, not a name', () => {
    const keys = extractAnchors(
      '',
      'Auf der isländischen Halbinsel Reykjanes hat sich eine drei Kilometer lange Spalte geöffnet. Der Ort Grindavik mit 3.700 Einwohnern wurde im Januar geräumt.',
      'de',
    ).names;
    for (const noun of ['halbinsel', 'kilometer', 'einwohnern', 'januar'])
      assert.ok(!keys.includes(noun), noun);
    assert.ok(keys.includes('reykjanes') && keys.includes('grindavik'), keys.join(', '));
  });

  it('does not cut a Chinese name out of a longer word: 印度尼西亚雅加达 is Indonesia, Jakarta', () => {
    const text = '印度尼西亚雅加达一列通勤列车脱轨。';
    assert.deepEqual(chineseNameCandidates(text), ['雅加达']);
    assert.deepEqual(findCountries(text, 'zh'), ['ID']);
    assert.deepEqual(chineseNameCandidates('反对派领导人奥通巴耶娃宣布成立临时政府。'), [
      '奥通巴耶娃',
    ]);
  });
});

describe('entities: a person under one whole name', () => {
  it('lists `Wanjiru Kamau` once, not `Wanjiru` and `Kamau`', () => {
    const list = eventEntities(
      [
        article('e', 'Opposition leader Wanjiru Kamau said 37 protesters were arrested.', 'en'),
        article('f', "Selon l'opposante Wanjiru Kamau, 37 personnes ont été arrêtées.", 'fr'),
      ],
      50,
    );
    const people = list.filter((e) => e.kind === 'person');
    assert.deepEqual(
      people.map((e) => [e.name, e.reports]),
      [['Wanjiru Kamau', 2]],
    );
    assert.ok(!list.some((e) => e.name === 'Wanjiru' || e.name === 'Kamau'));
  });
});

describe('entities: names in the script the report writes them', () => {
  it('shows a Chinese name as written, and a transliterated country as a country', () => {
    const entities = eventEntities([article('002', sample('002'), 'zh')], 50);
    const bakiyev = entities.find((e) => e.name === '巴基耶夫');
    assert.equal(bakiyev?.kind, 'person', '总统巴基耶夫');
    assert.ok(!entities.some((e) => e.name === '乌克兰'), 'Ukraine is listed as a country');
    assert.ok(entities.some((e) => e.id === 'country:UA'));
  });
});

describe('places: GeoNames cities with country and coordinates', () => {
  it('gives Bishkek its country and coordinates', () => {
    const bishkek = cityPlace('1528675');
    assert.equal(bishkek?.country, 'KG');
    assert.ok(Math.abs((bishkek?.lat ?? 0) - 42.87) < 0.1);
    assert.ok(Math.abs((bishkek?.lon ?? 0) - 74.59) < 0.1);
    assert.equal(cityPlace('no-such-id'), null);
  });

  it('drops a small town abroad that a text naming other countries matches by name', () => {
    // GeoNames lists `Nikolai` as a name of Mikołów, Poland (3091831).
    assert.equal(cityFitsCountries('3091831', ['KG', 'RU']), false);
    assert.equal(cityFitsCountries('3091831', ['PL']), true);
    assert.equal(cityFitsCountries('3091831', []), true);
    // Moscow is known without its country being named.
    assert.equal(cityFitsCountries('524901', ['KG']), true);
  });

  it('lists sample 000 cities with coordinates', () => {
    const entities = eventEntities([article('000', sample('000'), 'vi')], 50);
    const osh = entities.find((e) => e.id === 'city:1527534');
    assert.equal(osh?.country, 'KG');
    assert.ok(osh?.lat !== undefined && osh.lon !== undefined);
    assert.ok(!entities.some((e) => e.id === 'city:3091831'), 'no Mikołów in a Kyrgyz report');
  });
});

describe('event summary names', () => {
  it('shows each name key as the whole name reports write, once', () => {
    const members = [
      { fullNames: ['Trần Văn Minh', 'Đà Nẵng'] },
      { fullNames: ['Tran Van Minh', 'Da Nang', 'Governor Lucia Ferreyra'] },
      { fullNames: ['Chairman Tran Van Minh'] },
    ];
    const ranked = ['minh', 'nang', 'tran', 'van', 'lucia', 'ferreyra', 'hartono'];
    assert.deepEqual(eventNames(members, ranked, ['vi', 'en'], ['VN']), [
      'Tran Van Minh', // two reports write it so, one `Trần Văn Minh`
      'Đà Nẵng', // one each: the first written
      'Lucia Ferreyra',
      'Hartono',
    ]);
  });

  it('lists single words where no report writes a whole name', () => {
    assert.deepEqual(eventNames([{}], ['jeenbekov', 'chairman'], ['en'], []), ['Jeenbekov']);
  });
});
