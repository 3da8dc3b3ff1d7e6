import { findCountries } from '../anchors/countries.ts';
import { nameKey } from '../anchors/names.ts';
import { nameSkeleton } from '../anchors/translit.ts';
import { capitalise, isNameKey } from './entities.ts';

const MAX_MEMBERS_FOR_NAMES = 100;
const LATIN_NAME = /^[\p{Script=Latin}\s'’-]+$/u;

/**
 * The five names an event's summary lists: its name keys (`rankedKeys`, the most reported
 * first), each shown as the whole name it is part of where reports write one (`Minh` as
 * `Trần Văn Minh`; of several, the one most reports write, then the shortest: `Rudi Hartono`,
 * not `Pengangkutan Rudi Hartono`). Titles at either end of a whole name are dropped
 * (`Governor Lucia Ferreyra`), and a word a listed name already covers, or spells another way
 * (`Chazli` after `Shazly`), is not listed again. An event can carry hundreds of name keys and
 * this runs for every event a batch touches: keys are checked in rank order until five are
 * listed.
 */
export function eventNames(
  members: readonly { fullNames?: readonly string[] }[],
  rankedKeys: readonly string[],
  languages: readonly string[],
  countryCodes: readonly string[],
): string[] {
  const verdicts = new Map<string, boolean>();
  const isName = (key: string) => {
    let v = verdicts.get(key);
    if (v === undefined) verdicts.set(key, (v = isNameKey(key, languages, countryCodes)));
    return v;
  };
  // `Kassym-Jomart` is keyed by its parts (`kassym`, `jomart`), as the anchors key it.
  const partKeys = (word: string) =>
    word
      .split(/[-’']/)
      .map((p) => nameKey(p))
      .filter(Boolean);
  const isNameWord = (word: string) => partKeys(word).every(isName);
  const wholeNames = new Map<
    string,
    { forms: Map<string, number>; reports: number; keys: string[] }
  >();
  const byKey = new Map<string, string[]>();
  // The latest reports tell enough, and a large event would cost much here on every batch.
  for (const m of members.slice(-MAX_MEMBERS_FOR_NAMES)) {
    const seen = new Set<string>();
    for (const written of m.fullNames ?? []) {
      const words = written.split(/\s+/);
      let from = 0;
      let to = words.length;
      while (from < to && !isNameWord(words[from])) from++;
      while (to > from && !isNameWord(words[to - 1])) to--;
      if (to - from < 2) continue;
      const keys = words.slice(from, to).flatMap(partKeys);
      const id = keys.join(' ');
      if (seen.has(id)) continue;
      seen.add(id);
      let entry = wholeNames.get(id);
      if (!entry) {
        entry = { forms: new Map(), reports: 0, keys };
        wholeNames.set(id, entry);
        for (const k of keys) byKey.set(k, [...(byKey.get(k) ?? []), id]);
      }
      const form = words.slice(from, to).join(' ');
      entry.forms.set(form, (entry.forms.get(form) ?? 0) + 1);
      entry.reports++;
    }
  }
  const names: string[] = [];
  const listedSkeletons = new Set<string>();
  for (const key of rankedKeys) {
    if (names.length === 5) break;
    if (listedSkeletons.has(nameSkeleton(key) ?? key) || !isName(key)) continue;
    const wholeId = (byKey.get(key) ?? []).sort(
      (x, y) =>
        wholeNames.get(y)!.reports - wholeNames.get(x)!.reports ||
        wholeNames.get(x)!.keys.length - wholeNames.get(y)!.keys.length,
    )[0];
    const whole = wholeId === undefined ? undefined : wholeNames.get(wholeId)!;
    const keys = whole?.keys ?? [key];
    const joined = nameSkeleton(keys.join('')) ?? keys.join('');
    // A longer form of a listed name (`Pengangkutan Rudi Hartono`, `Mona El-Chazli` after
    // `Mona El-Shazly`) or the same name run together (`Hanoi`, `Hà Nội`) is no new name.
    if (listedSkeletons.has(joined)) continue;
    if (keys.some((k) => k !== key && listedSkeletons.has(nameSkeleton(k) ?? k))) continue;
    // Shown in the Latin form most reports use, as the list is read across languages.
    const label = whole
      ? [...whole.forms].sort(
          (x, y) => Number(LATIN_NAME.test(y[0])) - Number(LATIN_NAME.test(x[0])) || y[1] - x[1],
        )[0][0]
      : capitalise(key);
    // A country in two words (`Mông Cổ`, Mongolia) is listed as the country, not a name.
    if (whole && languages.some((lang) => findCountries(label, lang).length > 0)) continue;
    names.push(label);
    for (const k of keys) listedSkeletons.add(nameSkeleton(k) ?? k);
    listedSkeletons.add(joined);
  }
  return names;
}
