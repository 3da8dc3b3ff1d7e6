import type { LanguageData } from '../types.ts';

/**
 * Kazakh is agglutinative: plural, possessive and case endings follow the stem in vowel
 * harmony (`сайлау` election, `сайлауда` in the election, `сайлаудың` of the election).
 */
const ENDINGS = [
  // plural
  'лар',
  'лер',
  'дар',
  'дер',
  'тар',
  'тер',
  // genitive
  'ның',
  'нің',
  'дың',
  'дің',
  'тың',
  'тің',
  // dative
  'ға',
  'ге',
  'қа',
  'ке',
  'на',
  'не',
  // accusative
  'ды',
  'ді',
  'ны',
  'ні',
  'ты',
  'ті',
  'н',
  // locative and the adjectival -ғы
  'да',
  'де',
  'та',
  'те',
  'нда',
  'нде',
  'дағы',
  'дегі',
  'тағы',
  'тегі',
  'ндағы',
  'ндегі',
  // ablative
  'дан',
  'ден',
  'тан',
  'тен',
  'нан',
  'нен',
  // instrumental
  'мен',
  'бен',
  'пен',
  // possessive
  'ы',
  'і',
  'сы',
  'сі',
  'сын',
  'сін',
  'ың',
  'ің',
  'ым',
  'ім',
];

/** Kazakh function words (stopwords-iso has none): conjunctions, pronouns, postpositions, copulas. */
const STOPWORDS =
  'және мен пен бен да де та те ол олар бұл осы сол ана мына бір үшін деп деді деген туралы кейін бірақ бар жоқ емес еді екен болып болды болады болса болған мен біз сен сіз оның оны оған олардың біздің бізге менің маған сондай сияқты ретінде арқылы дейін бойынша қазір енді тағы ғана әр барлық кез ма ме ба бе па пе ал не немесе'.split(
    ' ',
  );

export const kk: LanguageData = {
  code: 'kk',
  stopwords: STOPWORDS,
  segmenter: 'words',
  lookupAffixes: { suffixes: ENDINGS, maxSuffixes: 3, minStem: 3 },
};
