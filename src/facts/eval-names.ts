import { extractAnchors } from '../anchors/index.ts';
import { nameKey } from '../anchors/names.ts';
import { normalizeText } from '../normalize/index.ts';
import { normalizeArabic } from '../segment/arabic.ts';
import type { StoredArticle } from '../types.ts';
import { eventEntities } from './entities.ts';

/**
 * The names a reader is shown, measured: for a labelled report, the people, organisations and
 * places its entity list holds (`show`, the web UI) against the ones a reader would list.
 *
 * Labelling guidelines (examples/facts/entity-names*.jsonl). `names`: every person,
 * organisation with a proper name or acronym, and place below the country (city, region,
 * district, river, landmark) the text names, once each, as its alternatives: the English name
 * and the forms the text writes. Countries are not listed (they are listed apart), nor
 * nationalities, titles, weekdays, months or words in capitals at a sentence start.
 * `optional`: names a reader would accept but not miss, such as a government body named by
 * its function (`Health Ministry`, `Sở Tài nguyên và Môi trường`): neither right nor wrong.
 *
 * A listed entity is right when it is a labelled name or its last words (a surname alone,
 * `Jeenbekov` for `Sooronbai Jeenbekov`); a labelled name is found when a listed entity is.
 */
export interface EntityNamesCase {
  lang: string;
  text: string;
  names: (string | string[])[];
  optional?: (string | string[])[];
}

export interface EntityNamesScores {
  precision: number;
  recall: number;
  errors: string[];
}

// Words compared as name keys (`Рейкьянес` is `reykyanes`, `Lucía` is `lucia`), and in scripts
// without a Latin key as written.
const words = (s: string) =>
  normalizeArabic(s.normalize('NFC').toLowerCase())
    .split(/[\s_·'’.-]+/u)
    .filter(Boolean)
    .map((w) => nameKey(w) || w);

/** Whether `shown` is `label` or its last words. */
function names(shown: string, label: string): boolean {
  const a = words(shown);
  const b = words(label);
  if (a.length === 0 || a.length > b.length) return false;
  return a.every((w, i) => w === b[b.length - a.length + i]);
}

const alternatives = (x: string | string[]) => (Array.isArray(x) ? x : [x]);

/** The entity list of a one-report event, as the store would show it, less its countries. */
function shownNames(c: EntityNamesCase): string[] {
  const text = normalizeText(c.text).text;
  const report: StoredArticle = {
    id: 'case',
    title: '',
    text,
    rawTitle: '',
    rawText: c.text,
    lang: c.lang,
    published: null,
    url: null,
    source: null,
    contentHash: '',
    terms: [],
    anchors: extractAnchors('', text, c.lang),
    captions: [],
    eventId: 'case',
    eventDate: null,
    seq: 0,
    ingestedAt: '',
  };
  return eventEntities([report], 100)
    .filter((e) => e.kind !== 'country')
    .map((e) => e.name);
}

export function scoreEntityNames(cases: readonly EntityNamesCase[]): EntityNamesScores {
  let shown = 0;
  let right = 0;
  let labelled = 0;
  let found = 0;
  const errors: string[] = [];
  for (const c of cases) {
    const listed = shownNames(c);
    const matches = (name: string, x: string | string[]) =>
      alternatives(x).some((label) => names(name, label));
    for (const name of listed) {
      if ((c.optional ?? []).some((x) => matches(name, x))) continue;
      shown++;
      if (c.names.some((x) => matches(name, x))) right++;
      else errors.push(`[${c.lang}] listed "${name}", not a name of: ${c.text.slice(0, 80)}`);
    }
    for (const x of c.names) {
      labelled++;
      if (listed.some((name) => matches(name, x))) found++;
      else errors.push(`[${c.lang}] missed "${alternatives(x)[0]}" in: ${c.text.slice(0, 80)}`);
    }
  }
  return {
    precision: shown ? right / shown : 1,
    recall: labelled ? found / labelled : 1,
    errors,
  };
}
