import { cityName, countCities, scanCities } from '../anchors/cities.ts';
import { countCountries, countryName, countryOfWord, findCountries } from '../anchors/countries.ts';
import { nameSkeleton } from '../anchors/translit.ts';
import type { StoredArticle } from '../types.ts';
import {
  isCodeWord,
  isCueWord,
  isPlaceWord,
  isTitleMention,
  nameMentions,
  noVotes,
  voteKind,
  type KindVotes,
} from './entity-kind.ts';
import { nameKey } from '../anchors/names.ts';
import { cityPlace } from '../anchors/places.ts';
import { languages } from '../lang/index.ts';

/**
 * Who and where, per event, under one id in every script: countries by ISO code, cities by
 * GeoNames id (with country and coordinates where GeoNames lists them), other names by their
 * consonant skeleton (`name:SMBKB` is Jeenbekov, Жээнбеков, جينبيكوف and 热恩别科夫 alike),
 * organisations named by an acronym or an institution word by `org:KEY`. A name is a person or
 * an organisation when the cues around its mentions say so (src/facts/entity-kind.ts); `name`
 * means they did not.
 */
export interface Entity {
  id: string;
  kind: 'country' | 'city' | 'place' | 'person' | 'organisation' | 'name';
  name: string;
  /** How many of the event's reports mention it, how often in all, and in which languages. */
  reports: number;
  mentions: number;
  languages: string[];
  /** Cities: the ISO country and WGS84 coordinates from GeoNames, when it lists the city. */
  country?: string;
  lat?: number;
  lon?: number;
}

const LATIN = /\p{Script=Latin}/u;

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Capitalised words of institution names (src/lang/): parts of a name, not who or where. */
const INSTITUTION_WORDS: ReadonlySet<string> = new Set(
  languages().flatMap((d) => d.institutionWords ?? []),
);

/**
 * Name keys of capitalised words that name no one: countries as the text inflects them
 * (`Исландии`, of Iceland; `Icelandic`), titles (`Премьер-министр`, `Chairman`) and place
 * words (`Peninsula`). Looked up on the words as written, as the tables are in their script.
 */
function nonNameKeys(text: string, lang: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.match(/\p{Lu}[\p{L}\p{M}'’-]*/gu) ?? []) {
    const parts = word.split(/[-’']/);
    const notName =
      countryOfWord(word, lang) !== null ||
      isPlaceWord(word) ||
      [word, ...parts].some((w) => isCueWord(w, lang));
    if (notName) for (const w of [word, ...parts]) out.add(nameKey(w));
  }
  return out;
}

/**
 * Whether a name anchor key (`jeenbekov`) of an event in `languages` is worth listing as a
 * name: not a title or place word (`chairman`, `peninsula`) and not one of the event's
 * `countries` as some language spells it (`kenia`, `egypte`, `kazakhstane`).
 */
export function isNameKey(key: string, languages: readonly string[], countries: readonly string[]) {
  if (INSTITUTION_WORDS.has(key) || isPlaceWord(key) || isCodeWord(key)) return false;
  if (languages.some((lang) => isCueWord(key, lang))) return false;
  const word = capitalise(key);
  if (languages.some((lang) => countryOfWord(word, lang) !== null)) return false;
  const skeleton = nameSkeleton(key);
  if (skeleton === null) return !countries.some((c) => countryName(c).toLowerCase() === key);
  return !countries.some((c) =>
    ['en', ...languages].some((lang) => countrySkeleton(c, lang) === skeleton),
  );
}

/** The skeleton of a country's name in a language; asked for every name key of an event. */
const countrySkeletons = new Map<string, string | null>();
function countrySkeleton(code: string, lang: string): string | null {
  const id = `${code}|${lang}`;
  let s = countrySkeletons.get(id);
  if (s === undefined) {
    const name = localCountryName(code, lang);
    s = name === null ? null : nameSkeleton(name);
    countrySkeletons.set(id, s);
  }
  return s;
}

const displayNames = new Map<string, Intl.DisplayNames | null>();
/** A country's name in a language (`Исландия`), from the ICU data Node ships. */
function localCountryName(code: string, lang: string): string | null {
  if (!displayNames.has(lang)) {
    let names: Intl.DisplayNames | null;
    try {
      names = new Intl.DisplayNames([lang], { type: 'region' });
    } catch {
      names = null; // `und` and other tags ICU does not know
    }
    displayNames.set(lang, names);
  }
  try {
    return displayNames.get(lang)?.of(code) ?? null;
  } catch {
    return null;
  }
}

export function eventEntities(articles: readonly StoredArticle[], limit = 12): Entity[] {
  const found = new Map<
    string,
    {
      kind: Entity['kind'];
      names: Map<string, number>;
      reports: Set<string>;
      langs: Set<string>;
      mentions: number;
    }
  >();
  const votes = new Map<string, KindVotes>();
  // Whole names of people (`Serik Abenov`) with the ids of their words in order, and how often
  // each id is mentioned outside such a name: a given name seen only inside one is not listed.
  const fullNames = new Map<string, { ids: string[]; count: number }>();
  const standalone = new Map<string, number>();
  const see = (id: string, kind: Entity['kind'], name: string, a: StoredArticle, times = 1) => {
    let e = found.get(id);
    if (!e) {
      e = { kind, names: new Map(), reports: new Set(), langs: new Set(), mentions: 0 };
      found.set(id, e);
    }
    e.mentions += Math.max(1, times);
    e.names.set(name, (e.names.get(name) ?? 0) + 1);
    e.reports.add(a.id);
    e.langs.add(a.lang);
  };
  for (const a of articles) {
    const all = `${a.title}\n${a.text}`;
    const countryCounts = countCountries(all, a.lang);
    const cityScan = scanCities(all, a.lang, a.anchors.countries);
    const cityCounts = cityScan.counts;
    const placeSkeletons = new Set<string>();
    for (const c of a.anchors.countries) {
      const name = countryName(c);
      see(`country:${c}`, 'country', name, a, countryCounts.get(c));
      placeSkeletons.add(nameSkeleton(name) ?? '');
    }
    for (const c of a.anchors.cities ?? []) {
      const name = cityName(c);
      see(`city:${c}`, 'city', name, a, cityCounts.get(c));
      // Nor are the words of its name (`Pennes`, `Mirabeau` of Les Pennes-Mirabeau) names.
      for (const part of [name, ...name.split(/[\s-]+/)])
        placeSkeletons.add(nameSkeleton(part) ?? '');
    }
    // Nor the words of a city as the report writes it (`Баторе` of `Улан-Баторе`, Ulaanbaatar).
    for (const w of cityScan.words)
      for (const part of [w, ...w.split(/[\s-]+/)]) placeSkeletons.add(nameSkeleton(part) ?? '');
    const latin = new Map<string, string>();
    // A name with no Latin form is shown as the report writes it (`巴基耶夫`), not as its skeleton.
    const written = new Map<string, string>();
    for (const form of a.anchors.nameForms ?? []) {
      const s = nameSkeleton(form);
      if (!s) continue;
      // Transliterated country names (`乌克兰`) are countries, already listed as such.
      if (findCountries(form, a.lang).length > 0) placeSkeletons.add(s);
      // So are cities (`雅加达`, Jakarta).
      else if (countCities(form, a.lang, a.anchors.countries).size > 0) placeSkeletons.add(s);
      else if (!written.has(s)) written.set(s, form);
    }
    const notNames = nonNameKeys(all, a.lang);
    for (const key of a.anchors.names) {
      const isCountry = findCountries(capitalise(key), a.lang).length > 0;
      if (INSTITUTION_WORDS.has(key) || isCountry || notNames.has(key)) {
        placeSkeletons.add(nameSkeleton(key) ?? '');
        continue;
      }
      const s = nameSkeleton(key);
      if (s) latin.set(s, capitalise(key));
    }
    const all_ = nameMentions(all, a.lang, a.anchors.nameForms ?? []);
    // Words of a title (`Transport` of `Transport Minister Rudi Hartono`) are no names.
    for (const m of all_) if (isTitleMention(m)) placeSkeletons.add(nameSkeleton(m.surface) ?? '');
    const mentions = all_.filter((m) => !isTitleMention(m));
    const mentionCounts = new Map<string, number>();
    for (const m of mentions) mentionCounts.set(m.id, (mentionCounts.get(m.id) ?? 0) + 1);
    // An acronym is listed once, as the organisation (`CSTO`), not also as a name.
    const acronyms = new Set(
      mentions.filter((m) => m.id === `org:${m.surface}`).map((m) => nameSkeleton(m.surface)),
    );
    for (const s of a.anchors.skeletons ?? []) {
      if (placeSkeletons.has(s) || acronyms.has(s)) continue;
      const times = mentionCounts.get(`name:${s}`);
      see(`name:${s}`, 'name', latin.get(s) ?? written.get(s) ?? s, a, times);
    }
    // A name word with no skeleton (`Ferreyra`, `Lucía`) is listed by its key when a cue around
    // it says whose name it is: it would otherwise not be listed at all.
    const keyed = new Set(a.anchors.names.filter((k) => !notNames.has(k) && !nameSkeleton(k)));
    for (const m of mentions) {
      const key = nameKey(m.surface);
      if (m.kind && m.id === `name:${key}` && keyed.has(key)) see(m.id, 'name', m.surface, a);
    }
    for (const m of mentions) {
      if (m.fullName) {
        const whole = fullNames.get(m.fullName) ?? { ids: [], count: 0 };
        if (!whole.ids.includes(m.id)) whole.ids.push(m.id);
        if (whole.ids[whole.ids.length - 1] === m.id) whole.count++;
        fullNames.set(m.fullName, whole);
      } else standalone.set(m.id, (standalone.get(m.id) ?? 0) + 1);
      if (!m.kind) continue;
      const v = votes.get(m.id) ?? noVotes();
      v[m.kind] += m.weight;
      votes.set(m.id, v);
      if (m.id.startsWith('org:') && !found.get(m.id)?.reports.has(a.id))
        see(m.id, 'organisation', m.surface, a, mentionCounts.get(m.id));
    }
  }
  // Each whole name is shown on the listed entity of its last word that has one (`Kamau` has
  // no skeleton of its own, so `Wanjiru Kamau` goes on `Wanjiru`); its other words go unlisted.
  const wholeOf = new Map<string, Map<string, number>>();
  const absorbed = new Set<string>();
  for (const [name, whole] of fullNames) {
    const owner = [...whole.ids].reverse().find((id) => found.get(id)?.kind === 'name');
    if (!owner) continue;
    const forms = wholeOf.get(owner) ?? new Map<string, number>();
    forms.set(name, (forms.get(name) ?? 0) + whole.count);
    wholeOf.set(owner, forms);
    // The anchors split hyphenated names (`Kassym-Jomart`): their parts go too.
    const parts = name.split(/[\s-]+/).map((w) => `name:${nameSkeleton(w) ?? nameKey(w)}`);
    for (const id of [...whole.ids, ...parts])
      if (id !== owner && !standalone.has(id)) absorbed.add(id);
  }
  return [...found]
    .filter(([id, e]) => !(e.kind === 'name' && absorbed.has(id) && !wholeOf.has(id)))
    .map(([id, e]) => {
      // Prefer a whole name, then a spelled-out name over a bare skeleton, for display; whole
      // names in Latin script first, as the list is read across languages.
      const whole = [...(wholeOf.get(id) ?? [])].sort(
        (x, y) => Number(LATIN.test(y[0])) - Number(LATIN.test(x[0])) || y[1] - x[1],
      );
      const names = [
        ...whole,
        ...[...e.names].sort(
          (x, y) => Number(/^[A-Z]+$/.test(x[0])) - Number(/^[A-Z]+$/.test(y[0])) || y[1] - x[1],
        ),
      ];
      const voted = e.kind === 'name' ? voteKind(votes.get(id) ?? noVotes()) : null;
      const entity: Entity = {
        id,
        kind: voted ?? e.kind,
        name: names[0][0],
        reports: e.reports.size,
        mentions: e.mentions,
        languages: [...e.langs].sort(),
      };
      const place = e.kind === 'city' ? cityPlace(id.slice('city:'.length)) : null;
      return place ? { ...entity, ...place } : entity;
    })
    .sort(
      (x, y) =>
        y.reports - x.reports ||
        y.languages.length - x.languages.length ||
        y.mentions - x.mentions ||
        x.id.localeCompare(y.id),
    )
    .slice(0, limit);
}
