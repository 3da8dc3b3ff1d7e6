/** Where an input record came from, so every message can name file and line. */
export interface Origin {
  file: string;
  /** 1-based line for JSON Lines input; 1 for whole-file inputs. */
  line: number;
}

/** An article as the readers hand it over, before any pipeline stage ran. */
export interface ArticleInput {
  id: string;
  /** True when `id` was derived from the content because the input had none. */
  idDerived: boolean;
  title: string;
  text: string;
  lang: string | null;
  published: string | null;
  url: string | null;
  source: string | null;
  origin: Origin;
}

/** Language-independent features every report carries (see src/anchors). */
export interface Anchors {
  /** Normalised numbers (separators removed, multiplier words applied): `590`, `10000`. */
  numbers: string[];
  /** ISO dates or partial dates found in the text: `2020-10-05`, `--10-05`, `2020`. */
  dates: string[];
  /** Romanised, lower-cased name keys: `bakiyev`, `jeenbekov`. */
  names: string[];
  /** ISO 3166 alpha-2 codes of countries named in the text. */
  countries: string[];
  /** Names in scripts without case (Chinese transliteration runs, unknown Arabic words). */
  nameForms?: string[];
  /** GeoNames ids of the cities named in the text (src/anchors/cities.ts). */
  cities?: string[];
  /** Consonant skeletons of names in any script (src/anchors/translit.ts): `SMBKB`. */
  skeletons?: string[];
  /** Names of two or more words as written (`Trần Văn Minh`, `Wanjiru Kamau`), for display. */
  fullNames?: string[];
}

/**
 * The record that flows through the pipeline. Each stage reads some fields and adds others;
 * the field lists are declared on the stage (src/pipeline.ts) and checked when it is built.
 */
export interface Article extends ArticleInput {
  /** The title and text exactly as given; nothing the user gave is thrown away. */
  rawTitle?: string;
  rawText?: string;
  /** Photo captions and credits split off the body by normalisation. */
  captions?: string[];
  /** A crawl/scrape date line found at the top; never used as the publication date. */
  crawlDate?: string | null;
  /** Multi-syllable words the input already marked (Vietnamese `bầu_cử`). */
  hintWords?: string[];
  /**
   * Where `lang` came from: the input's tag, fastText, fastText over a tag the text plainly
   * contradicts (src/language/), or nowhere (`und`).
   */
  langSource?: 'input' | 'detected' | 'detected-over-declared' | 'unknown';
  /** Where the publication date came from (src/facts/dateline.ts). */
  publishedSource?: 'input' | 'dateline' | 'unknown';
  langConfidence?: number;
  /** Content terms after segmentation, stop-word removal and stemming. */
  terms?: string[];
  anchors?: Anchors;
  /** Weighted language-neutral concepts (see src/represent). */
  concepts?: [string, number][];
  /** Share of the article's terms its language pack knew. */
  conceptCoverage?: number;
}

/** An article as the store keeps it. */
export interface StoredArticle {
  id: string;
  title: string;
  text: string;
  rawTitle: string;
  rawText: string;
  lang: string;
  published: string | null;
  url: string | null;
  source: string | null;
  contentHash: string;
  terms: string[];
  /** Computed at ingest; not stored (recomputed from terms and packs when the store is reopened). */
  concepts?: [string, number][];
  anchors: Anchors;
  captions: string[];
  eventId: string;
  /** The day the reported event happened, as far as the text and publication date tell. */
  eventDate: string | null;
  /**
   * Where `lang` came from: the input's tag, detection, or detection that overruled a
   * contradicting tag (`Article.langSource`). Absent for articles stored before schema 3.
   */
  langSource?: string | null;
  /**
   * The near-duplicate fingerprint of title and text (src/dedup/), as stored; null when the
   * text is too short to tell a copy by, absent for articles stored before schema 5.
   */
  fingerprint?: string | null;
  /** The first copy this report republishes (src/dedup/), or null for an independent report. */
  duplicateOf?: string | null;
  seq: number;
  ingestedAt: string;
}

export interface EventSummary {
  id: string;
  title: string;
  titleLang: string;
  languages: string[];
  articles: string[];
  firstDate: string | null;
  lastDate: string | null;
  firstSeen: string;
  names: string[];
  countries: string[];
}

/** What the search index holds for one article: its stems, and its concept and anchor keys. */
export interface SearchDoc {
  terms: string[];
  keys: string[];
}

/**
 * A news source as the poller sees it: where it is, how often to read it, what the server said
 * last time (for a conditional GET) and how it has fared. The store keeps one row per source;
 * `pollSource` takes one and hands back the updated copy.
 */
export interface SourceState {
  id: string;
  url: string;
  name: string;
  everySeconds: number;
  etag: string | null;
  lastModified: string | null;
  lastFetch: string | null;
  lastOk: string | null;
  nextDue: string | null;
  failures: number;
  lastError: string | null;
  itemsSeen: number;
  itemsStored: number;
  errors: number;
  createdAt: string;
}
