import type { LanguageData } from '../types.ts';

export const de: LanguageData = {
  code: 'de',
  segmenter: 'words',
  spacedWords: true,
  capitalisesNouns: true,
  // Articles, determiners and number words: a capitalised word after one is a common noun
  // (`der Halbinsel`, `drei Kilometer`).
  nounMarkers: `der die das den dem des ein eine einen einem einer eines kein keine keinen keinem
    keiner keines im am zum zur vom beim ins ans aufs sein seine seinen seinem seiner ihr ihre
    ihren ihrem ihrer unser unsere unseren unserem unserer dieser diese dieses diesem diesen jeder
    jede jedes jedem jeden mehrere viele alle beiden zwei drei vier fünf sechs sieben acht neun
    zehn elf zwölf zwanzig dreißig hundert tausend rund etwa`.split(/\s+/),
  multipliers: [
    [/^\s*tausend(?!\p{L})/iu, 1e3],
    [/^\s*millionen(?!\p{L})/iu, 1e6],
    [/^\s*milliarden(?!\p{L})/iu, 1e9],
  ],
  calendar: {
    months: [
      ['januar'],
      ['februar'],
      ['märz'],
      ['april'],
      ['mai'],
      ['juni'],
      ['juli'],
      ['august'],
      ['september'],
      ['oktober'],
      ['november'],
      ['dezember'],
    ],
    monthAbbreviations: [[], [], [], [], [], [], [], [], [], ['okt'], [], ['dez']],
    weekdays: [
      ['sonntag'],
      ['montag'],
      ['dienstag'],
      ['mittwoch'],
      ['donnerstag'],
      ['freitag'],
      ['samstag'],
    ],
    capitalised: true,
    alsoNames: ['mai'],
  },
  relativeDays: [
    [['gestern'], -1],
    [['heute'], 0],
  ],
  captionLabels: ['Foto'],
  entityCues: {
    person: `präsident, präsidentin, kanzler, kanzlerin, minister, ministerin, herr, frau, chef,
      chefin, general, könig, königin, ministerpräsident, sprecher, sprecherin, bürgermeister,
      richter, richterin`,
    org: `partei, ministerium, organisation, bank, komitee, rat, universität, agentur, union,
      bewegung, verband, gruppe, konzern`,
    place: `ort, stadt, dorf, gemeinde, region, provinz, bezirk, insel, halbinsel, hauptstadt,
      einwohner von`,
  },
  placeWords: [
    'fluss',
    'see',
    'berg',
    'insel',
    'meer',
    'straße',
    'platz',
    'brücke',
    'flughafen',
    'halbinsel',
    'vulkan',
  ],
};
