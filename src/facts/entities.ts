import { cityName } from '../anchors/cities.ts';
import { countryName, findCountries } from '../anchors/countries.ts';
import { nameSkeleton } from '../anchors/translit.ts';
import type { StoredArticle } from '../types.ts';

/**
 * Who and where, per event, under one id in every script: countries by ISO code, cities by
 * GeoNames id, other names by their consonant skeleton (`name:SMBKB` is Jeenbekov, Жээнбеков,
 * جينبيكوف and 热恩别科夫 alike). People and organisations are not told apart yet.
 */
export interface Entity {
  id: string;
  kind: 'country' | 'city' | 'name';
  name: string;
  /** How many of the event's reports mention it, and in which languages. */
  reports: number;
  languages: string[];
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Capitalised words of institution names: parts of a name, not who or where. */
const INSTITUTION_WORDS = new Set(
  `ministry ministries commission committee council central national security health city hall
  party union agency office department court parliament assembly government radio liberty
  news post times press international federal state republic democratic people peoples army
  police bank university institute foundation company group association`.split(/\s+/),
);

export function eventEntities(articles: readonly StoredArticle[], limit = 12): Entity[] {
  const found = new Map<
    string,
    { kind: Entity['kind']; names: Map<string, number>; reports: Set<string>; langs: Set<string> }
  >();
  const see = (id: string, kind: Entity['kind'], name: string, a: StoredArticle) => {
    let e = found.get(id);
    if (!e) {
      e = { kind, names: new Map(), reports: new Set(), langs: new Set() };
      found.set(id, e);
    }
    e.names.set(name, (e.names.get(name) ?? 0) + 1);
    e.reports.add(a.id);
    e.langs.add(a.lang);
  };
  for (const a of articles) {
    const placeSkeletons = new Set<string>();
    for (const c of a.anchors.countries) {
      const name = countryName(c);
      see(`country:${c}`, 'country', name, a);
      placeSkeletons.add(nameSkeleton(name) ?? '');
    }
    for (const c of a.anchors.cities ?? []) {
      const name = cityName(c);
      see(`city:${c}`, 'city', name, a);
      placeSkeletons.add(nameSkeleton(name) ?? '');
    }
    const latin = new Map<string, string>();
    for (const key of a.anchors.names) {
      const isCountry =
        findCountries(key.charAt(0).toUpperCase() + key.slice(1), a.lang).length > 0;
      if (INSTITUTION_WORDS.has(key) || isCountry) {
        placeSkeletons.add(nameSkeleton(key) ?? '');
        continue;
      }
      const s = nameSkeleton(key);
      if (s) latin.set(s, capitalise(key));
    }
    for (const s of a.anchors.skeletons ?? []) {
      if (placeSkeletons.has(s)) continue;
      see(`name:${s}`, 'name', latin.get(s) ?? s, a);
    }
  }
  return [...found]
    .map(([id, e]) => {
      // Prefer a spelled-out name over a bare skeleton for display.
      const names = [...e.names].sort(
        (x, y) => Number(/^[A-Z]+$/.test(x[0])) - Number(/^[A-Z]+$/.test(y[0])) || y[1] - x[1],
      );
      return {
        id,
        kind: e.kind,
        name: names[0][0],
        reports: e.reports.size,
        languages: [...e.langs].sort(),
      };
    })
    .sort(
      (x, y) =>
        y.reports - x.reports ||
        y.languages.length - x.languages.length ||
        x.id.localeCompare(y.id),
    )
    .slice(0, limit);
}
