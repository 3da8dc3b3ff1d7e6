/**
 * Letter tables shared by the languages written in a script: romanisation of Cyrillic and
 * Arabic letters, enough to key and skeletonise names (src/anchors/names.ts, translit.ts).
 */

/** Cyrillic letters to Latin (a simple scientific-style table; Kazakh and Kyrgyz letters too). */
export const CYRILLIC_LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ө: 'o',
  ү: 'u',
  ң: 'ng',
  ә: 'a',
  қ: 'k',
  ғ: 'g',
  ұ: 'u',
  һ: 'h',
};

/** Arabic-script letters to Latin (Persian letters too), one sound each. */
export const ARABIC_LATIN: Readonly<Record<string, string>> = {
  ا: 'a',
  أ: 'a',
  إ: 'i',
  آ: 'a',
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: '',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  و: 'u',
  ي: 'y',
  ى: 'a',
  ة: 'a',
  ء: '',
  ئ: 'y',
  ؤ: 'u',
  پ: 'p',
  چ: 'ch',
  ژ: 'zh',
  گ: 'g',
  ک: 'k',
  ی: 'y',
};

/** Katakana to Latin (Hepburn, one kana each; small kana give their vowel). Hiragana maps through it. */
export const KANA_LATIN: Readonly<Record<string, string>> = Object.fromEntries(
  (
    'ア a イ i ウ u エ e オ o カ ka キ ki ク ku ケ ke コ ko ガ ga ギ gi グ gu ゲ ge ゴ go ' +
    'サ sa シ shi ス su セ se ソ so ザ za ジ ji ズ zu ゼ ze ゾ zo タ ta チ chi ツ tsu テ te ト to ' +
    'ダ da ヂ ji ヅ zu デ de ド do ナ na ニ ni ヌ nu ネ ne ノ no ハ ha ヒ hi フ fu ヘ he ホ ho ' +
    'バ ba ビ bi ブ bu ベ be ボ bo パ pa ピ pi プ pu ペ pe ポ po マ ma ミ mi ム mu メ me モ mo ' +
    'ヤ ya ユ yu ヨ yo ラ ra リ ri ル ru レ re ロ ro ワ wa ヰ wi ヱ we ヲ o ン n ヴ vu ' +
    'ァ a ィ i ゥ u ェ e ォ o ャ ya ュ yu ョ yo ヮ wa'
  )
    .split(' ')
    .reduce<[string, string][]>((out, x, i, all) => (i % 2 ? out : [...out, [x, all[i + 1]]]), []),
);

/**
 * Hangul jamo as romanised (Revised Romanization): a syllable block is initial x 588 + medial
 * x 28 + final from U+AC00.
 */
export const HANGUL_INITIALS = 'g kk n d tt r m b pp s ss _ j jj ch k t p h'.split(' ');
export const HANGUL_MEDIALS = 'a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i'.split(
  ' ',
);
export const HANGUL_FINALS =
  '_ g kk gs n nj nh d l lg lm lb ls lt lp lh m b bs s ss ng j ch k t p h'.split(' ');

/**
 * Hebrew letters to Latin, consonants only (Hebrew writes few vowels). A single vav is a vowel
 * in foreign names, a double one a v; a geresh makes ג ז צ ת into j, zh, ch, th.
 */
export const HEBREW_LATIN: Readonly<Record<string, string>> = {
  א: '',
  ב: 'b',
  ג: 'g',
  ד: 'd',
  ה: 'h',
  ו: 'u',
  ז: 'z',
  ח: 'kh',
  ט: 't',
  י: 'y',
  כ: 'k',
  ך: 'k',
  ל: 'l',
  מ: 'm',
  ם: 'm',
  נ: 'n',
  ן: 'n',
  ס: 's',
  ע: '',
  פ: 'p',
  ף: 'f',
  צ: 'ts',
  ץ: 'ts',
  ק: 'k',
  ר: 'r',
  ש: 'sh',
  ת: 't',
};
export const HEBREW_GERESH: Readonly<Record<string, string>> = {
  ג: 'j',
  ז: 'zh',
  צ: 'ch',
  ץ: 'ch',
  ת: 'th',
};

/**
 * Devanagari consonants to Latin (vowels and vowel signs give nothing: a skeleton drops them);
 * a nukta below a letter gives the Perso-Arabic sound it marks.
 */
export const DEVANAGARI_LATIN: Readonly<Record<string, string>> = {
  क: 'k',
  ख: 'kh',
  ग: 'g',
  घ: 'gh',
  ङ: 'n',
  च: 'ch',
  छ: 'chh',
  ज: 'j',
  झ: 'jh',
  ञ: 'n',
  ट: 't',
  ठ: 'th',
  ड: 'd',
  ढ: 'dh',
  ण: 'n',
  त: 't',
  थ: 'th',
  द: 'd',
  ध: 'dh',
  न: 'n',
  प: 'p',
  फ: 'ph',
  ब: 'b',
  भ: 'bh',
  म: 'm',
  य: 'y',
  र: 'r',
  ल: 'l',
  व: 'v',
  श: 'sh',
  ष: 'sh',
  स: 's',
  ह: 'h',
  'ं': 'n',
  'ँ': 'n',
};
export const DEVANAGARI_NUKTA: Readonly<Record<string, string>> = {
  ज: 'z',
  फ: 'f',
  क: 'q',
  ख: 'kh',
  ग: 'gh',
  ड: 'r',
  ढ: 'rh',
};
