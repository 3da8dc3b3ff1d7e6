import { ar } from './ar/index.ts';
import { de } from './de/index.ts';
import { en } from './en/index.ts';
import { es } from './es/index.ts';
import { fa } from './fa/index.ts';
import { fi } from './fi/index.ts';
import { fr } from './fr/index.ts';
import { hu } from './hu/index.ts';
import { ja } from './ja/index.ts';
import { ko } from './ko/index.ts';
import { lb } from './lb/index.ts';
import { lt } from './lt/index.ts';
import { ms } from './ms/index.ts';
import { ru } from './ru/index.ts';
import { sr } from './sr/index.ts';
import { tr } from './tr/index.ts';
import { uk } from './uk/index.ts';
import { vi } from './vi/index.ts';
import { zh } from './zh/index.ts';
import { bn } from './bn/index.ts';
import { he } from './he/index.ts';
import { hi } from './hi/index.ts';
import { kk } from './kk/index.ts';
import { ky } from './ky/index.ts';
import { mn } from './mn/index.ts';
import { pt } from './pt/index.ts';
import { th } from './th/index.ts';
import type { LanguageData } from './types.ts';

export type {
  Calendar,
  EntityCues,
  FigureCues,
  LanguageData,
  LookupAffixes,
  Qualifiers,
} from './types.ts';

/**
 * The language registry: one entry per language with its words, cues and rules (src/lang/<code>/),
 * the only place that knows which language does what. Every stage asks `languageData(code)`.
 */

/** The language of a text nothing could identify. */
export const UNDETERMINED = 'und';

const LANGUAGES: ReadonlyMap<string, LanguageData> = new Map(
  [
    ar,
    bn,
    de,
    en,
    es,
    fa,
    fi,
    fr,
    he,
    hi,
    hu,
    ja,
    kk,
    ko,
    ky,
    lb,
    lt,
    mn,
    ms,
    pt,
    ru,
    sr,
    th,
    tr,
    uk,
    vi,
    zh,
  ].map((d) => [d.code, d]),
);

/** Languages that use another's data: Indonesian shares Malay's titles, stop words and calendar. */
const FALLBACKS: Readonly<Record<string, string>> = { id: 'ms' };

/**
 * The primary language subtag of a tag, lower case: `en-US` -> `en`, `zh-Hant-TW` -> `zh`,
 * `pt-BR` -> `pt`, `EN` -> `en`; null for what is no language tag.
 */
export function normalizeLangTag(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const m = /^([a-z]{2,3})(?:[-_].*)?$/i.exec(tag.trim());
  return m ? m[1].toLowerCase() : null;
}

const plain = new Map<string, LanguageData>();

/**
 * A language's data, for any tag (`zh-Hant`, `pt-BR`, `EN`); a language without an entry of
 * its own gets a plain one (Intl.Segmenter words, nothing special).
 */
export function languageData(code: string): LanguageData {
  const lang = normalizeLangTag(code) ?? UNDETERMINED;
  const entry = LANGUAGES.get(lang) ?? LANGUAGES.get(FALLBACKS[lang] ?? '');
  if (entry) return entry;
  let d = plain.get(lang);
  if (!d) {
    d = { code: lang, segmenter: 'words' };
    plain.set(lang, d);
  }
  return d;
}

/** Every language with an entry of its own. */
export function languages(): readonly LanguageData[] {
  return [...LANGUAGES.values()];
}

/**
 * The phrases of an entity-cue list as a set (`'ông, bộ trưởng'`: `ông`, `bộ trưởng`), one space
 * between words.
 */
export function cuePhrases(list: string): Set<string> {
  return new Set(
    list
      .split(',')
      .map((p) => p.trim().replace(/\s+/g, ' '))
      .filter(Boolean),
  );
}

/** Words that make a capitalised run a place (`Han River`, `Lac Kivu`), in every language. */
export const PLACE_WORDS: ReadonlySet<string> = new Set(
  languages().flatMap((d) => d.placeWords ?? []),
);
