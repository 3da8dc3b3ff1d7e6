import type { LanguageData } from '../types.ts';

/** Mongolian (Cyrillic) case and plural endings (`сонгууль` election, `сонгуулийн` of it). */
const ENDINGS = [
  // genitive
  'ын',
  'ийн',
  'ий',
  'ны',
  'ний',
  'н',
  // dative-locative
  'д',
  'т',
  'ад',
  'эд',
  'од',
  'өд',
  'нд',
  // accusative
  'ыг',
  'ийг',
  'г',
  // ablative
  'аас',
  'ээс',
  'оос',
  'өөс',
  'иас',
  'иос',
  'наас',
  'нээс',
  // instrumental
  'аар',
  'ээр',
  'оор',
  'өөр',
  'иар',
  'иор',
  // comitative
  'тай',
  'тэй',
  'той',
  // directive
  'руу',
  'рүү',
  'луу',
  'лүү',
  // plural
  'ууд',
  'үүд',
  'нууд',
  'нүүд',
  'чууд',
  'чүүд',
  'нар',
  // reflexive possessive
  'аа',
  'ээ',
  'оо',
  'өө',
];

/** Mongolian function words (stopwords-iso has none): conjunctions, pronouns, postpositions, copulas. */
const STOPWORDS =
  'ба болон бөгөөд гэж гэв гэсэн гэдэг энэ тэр эдгээр тэдгээр нэг нь юм байна байсан байгаа байх болно боловч харин мөн бас ч л аа ээ би бид та тэд тэрээр түүний түүнийг түүнд тэдний миний манай бидний үүний ямар юу хэн хэзээ хаана дээр доор дотор хойш өмнө тухай хүртэл тул учир'.split(
    ' ',
  );

export const mn: LanguageData = {
  code: 'mn',
  stopwords: STOPWORDS,
  segmenter: 'words',
  lookupAffixes: { suffixes: ENDINGS, maxSuffixes: 2, minStem: 3 },
};
