/**
 * What the pipeline knows about one language, as data: the stages read these fields and never
 * ask which language they are looking at. A field left out means "nothing special".
 */

/** Cue patterns for the figures a report states (src/facts/figures.ts). */
export interface FigureCues {
  killed: RegExp;
  injured: RegExp;
  arrested: RegExp;
  crowd: RegExp;
}

/**
 * Words around a name that say what it names (src/facts/entity-kind.ts), lower case, each a
 * comma-separated list of phrases (a cue may be several words: `prime minister`).
 */
export interface EntityCues {
  /** Titles and forms of address right before a person's name. */
  person: string;
  /** Institution words before, after or inside an organisation's name. */
  org: string;
  /** Place words right before a place's name (`the town of`, `der Ort`). */
  place: string;
}

export interface Calendar {
  /**
   * Month names, January first, each with the forms written after a day number (Russian:
   * the genitive, `5 октября`).
   */
  months?: readonly (readonly string[])[];
  /** Abbreviations of the month names, January first (`jan`, `okt`). */
  monthAbbreviations?: readonly (readonly string[])[];
  /** Weekday names, Sunday first (JavaScript's getUTCDay order), each with its forms. */
  weekdays?: readonly (readonly string[])[];
  /** Plural weekdays (`Mondays`): habitual, never a date, but no names either. */
  weekdayPlurals?: readonly string[];
  /** The language capitalises month and weekday names, so a name finder must skip them. */
  capitalised?: boolean;
  /** Calendar words that are also given names (`Mai`, `Mei`): a name finder keeps them. */
  alsoNames?: readonly string[];
}

/** Words before a number that qualify it (`at least 14`), lower case. */
export interface Qualifiers {
  atLeast?: readonly string[];
  moreThan?: readonly string[];
  about?: readonly string[];
  /** Written right after the number instead (`400多人`, `40余人`). */
  moreThanAfter?: readonly string[];
}

export interface LanguageData {
  /** ISO 639-1 code (or 639-3 where there is none). */
  code: string;
  /**
   * How text becomes words: jieba (`jieba`), syllables grouped by a lexicon (`syllables`),
   * Arabic normalisation and light stemming (`arabic`), or Intl.Segmenter words (`words`).
   */
  segmenter: 'jieba' | 'syllables' | 'arabic' | 'words';
  /** Other pipelines write this language's words joined by `_` (`bầu_cử`): one word each. */
  joinsUnderscoredWords?: boolean;
  /** Written in Traditional and Simplified characters: converted to Simplified. */
  simplifiesScript?: boolean;
  /** Its stemmed words are the concept space itself (English glosses). */
  pivot?: boolean;
  /**
   * Pivot language only: words of a dictionary gloss that describe the entry instead of
   * translating it (`plural of`, `alternative spelling`).
   */
  glossNoise?: readonly string[];
  /**
   * Country names, lower case, that are also common given or family names in this language's
   * texts (`Jordan Spieth`, `Chad Johnson`): next to another capitalised word they are a person.
   */
  countryGivenNames?: readonly string[];
  /** How a dictionary headword becomes a term: as written (no spaces), lower-cased, or segmented. */
  packHeadwords?: 'as-written' | 'lower-case' | 'segmented';
  /**
   * Where names in a script without case come from: runs of transliteration characters
   * (`translit-runs`) or the words the language pack does not know (`unknown-words`).
   */
  nameForms?: 'translit-runs' | 'unknown-words';
  /**
   * With `unknown-words`: which words may be a name (a global pattern over the text), the
   * letters a form keeps at least, and one-letter proclitics a name may carry (Hebrew
   * `בבישקק`, in Bishkek), whose bare form is taken too.
   */
  nameWords?: { pattern: RegExp; minLength: number; proclitics?: readonly string[] };
  /** How name mentions are found for entity kinds (default: capitalised words). */
  mentions?: 'cased' | 'han-runs' | 'arabic-forms';
  /** Letters only native words have: such a word next to a foreign name is not part of it. */
  nativeWordLetters?: RegExp;
  /** Capitalises every noun, so capitals alone do not make a name. */
  capitalisesNouns?: boolean;
  /** Words after which a capitalised word is a common noun (articles, determiners, numbers). */
  nounMarkers?: readonly string[];
  /** Country names take case endings (`России`): matched through their stems. */
  inflectsNames?: boolean;
  /**
   * Adjective endings: an institution's name capitalises its first word only, so a capitalised
   * adjective before a lower-case adjective or institution word opens one (`Генеральной
   * избирательной комиссии`, `Метеорологическая служба`) and is no name.
   */
  adjectiveEndings?: RegExp;
  /** Its short country names (`Nga`, `مصر`, `Чад`) were checked by hand and are used. */
  shortCountryNames?: boolean;
  /** Everyday short country names the locale data lacks (`Mỹ`), folded, to ISO codes. */
  countryShortForms?: Readonly<Record<string, string>>;
  /** Demonyms (`Kenyan`) to ISO codes, folded. */
  demonyms?: Readonly<Record<string, string>>;
  /** Stop words replacing stopwords-iso's list for the language. */
  stopwords?: readonly string[];
  /** Words in a text are matched whole: a letter on either side breaks a match. */
  spacedWords?: boolean;
  calendar?: Calendar;
  /** Relative day words and their offset from publication, each group counted once. */
  relativeDays?: readonly (readonly [readonly string[], number])[];
  /** A day of the month stands alone (`7日`): this month, or last month if still to come. */
  dayOfMonthAlone?: boolean;
  /** Slashed dates are month first (`10/5/2020` is October 5). */
  monthFirstDates?: boolean;
  /** Dotted day-month without a year (`16.05`) is never a date (it is a decimal). */
  noDottedDates?: boolean;
  figureCues?: FigureCues;
  /** How far (characters) a figure cue may stand from its number, after and before. */
  figureWindow?: { after: number; before: number };
  /**
   * Multiplier words after a number (`2 million`, `3 triệu`, `5万`), each matched at the start
   * of what follows the number, with the factor it applies.
   */
  multipliers?: readonly (readonly [RegExp, number])[];
  /** Words of a numeric date, day first: `5 tháng 10 năm 2020` (month word, year word). */
  numericDate?: { month: string; year: string };
  /** Number words read as figures (`dozens`, `three`). */
  numberWords?: Readonly<Record<string, number>>;
  qualifiers?: Qualifiers;
  entityCues?: EntityCues;
  /** Capitalised words of institution names: parts of a name, not who or where. */
  institutionWords?: readonly string[];
  /** Parts of titles that are no title alone (`Prime` Minister, `Vice` President). */
  titleParts?: readonly string[];
  /** Words that make a capitalised run a place (`Han River`, `Lac Kivu`). */
  placeWords?: readonly string[];
  /** Labels that credit a photo (`Ảnh:`, `Photo:`), before a colon. */
  captionLabels?: readonly string[];
  /** Site lines that end a page (`Read more`, `Xem thêm`), each matched at a line's start. */
  boilerplate?: readonly RegExp[];
  /**
   * Credits a report opens with, before its first sentence proper: a byline or an agency's
   * dateline (`国际在线报道（驻中亚记者王向东）：`, `BISHKEK (Reuters) -`). Each is matched at the
   * start of a sentence and taken off what a summary quotes.
   */
  credits?: readonly RegExp[];
  /** Conjunctions, prepositions and articles written onto the next word, longest first. */
  proclitics?: readonly string[];
  /** Particles a name takes at its end (Korean `미국은`): stripped before a lookup. */
  nameParticles?: RegExp;
  /**
   * Affixes a dictionary lookup may take off a word its pack does not know: Korean particles
   * (`대통령은` -> `대통령`), case endings (`сайлауда` -> `сайлау`), Hebrew prefixes (`הממשלה` ->
   * `ממשלה`). The word stays the term; only its meaning is looked up through its stem.
   */
  lookupAffixes?: LookupAffixes;
  /** Letters written two ways (Persian `ي`/`ی`, `ك`/`ک`): words and headwords use the first. */
  letterVariants?: Readonly<Record<string, string>>;
}

export interface LookupAffixes {
  /** Written before the word, longest first. */
  prefixes?: readonly string[];
  /** Written after the word, longest first; up to `maxSuffixes` of them are taken off. */
  suffixes?: readonly string[];
  /** How many suffixes may be taken off one after another (default 1). */
  maxSuffixes?: number;
  /** Letters the stem keeps at least (default 2). */
  minStem?: number;
}
