import {
  ARABIC_LATIN,
  CYRILLIC_LATIN,
  DEVANAGARI_LATIN,
  DEVANAGARI_NUKTA,
  HANGUL_FINALS,
  HANGUL_INITIALS,
  HANGUL_MEDIALS,
  HEBREW_GERESH,
  HEBREW_LATIN,
  KANA_LATIN,
} from '../lang/scripts.ts';
import { createRequire } from 'node:module';

// pinyin-pro's CommonJS build: its ES module build is 29 files, loaded one by one through the
// TypeScript loader at every start of every command (see src/store/kysely.ts).
const { pinyin } = createRequire(import.meta.url)('pinyin-pro') as typeof import('pinyin-pro');
import { NAME_READINGS } from '../lang/zh/index.ts';

/** Romanises Cyrillic letter by letter (src/lang/scripts.ts). */
export function romanizeCyrillic(word: string): string {
  return [...word.toLowerCase()].map((c) => CYRILLIC_LATIN[c] ?? c).join('');
}

/**
 * Names across scripts. A name is reduced to a consonant skeleton that survives the usual
 * changes between scripts and languages: vowels dropped (Arabic and Hebrew do not write them),
 * b/p/v/f/w merged, k/g/q/kh merged, t/d merged, s/z/sh/ch/zh/j merged, l/r merged, m/n merged.
 * `Jeenbekov`, `Жээнбеков`, `جينبيكوف` and `热恩别科夫` (re-en-bie-ke-fu) all give `SMBKB`.
 */

/** Shorter skeletons collide too often to link anything (Akayev -> KB). */
export const MIN_SKELETON = 3;

const LATIN_CLASSES: [RegExp, string][] = [
  [/shch|sch|tsch/g, 'S'],
  [/sh|ch|zh|ts|tz|dzh|dj|dz/g, 'S'],
  // h-sounds (h, kh, gh; Cyrillic х, Arabic ح خ غ, pinyin h) are written in some scripts and
  // dropped or silent in others (Netanyahu / Нетаньяху, Kavanaugh / كافانو): they count for nothing.
  [/kh|gh/g, ''],
  [/ck|ch/g, 'K'],
  [/th|dh/g, 'T'],
  [/ph/g, 'B'],
  [/ng/g, 'M'],
  [/[bpvfw]/g, 'B'],
  [/[kgqcx]/g, 'K'],
  [/[td]/g, 'T'],
  [/[szj]/g, 'S'],
  [/[lr]/g, 'L'],
  [/[mn]/g, 'M'],
  [/[aeiouyh'’-]/g, ''],
];

/** Consonant skeleton of a romanised (plain Latin, lower-case) name. */
export function skeleton(latin: string): string {
  let s = latin.toLowerCase().replace(/[^a-z'’-]/g, '');
  for (const [re, cls] of LATIN_CLASSES) s = s.replace(re, cls);
  return s.replace(/(.)\1+/g, '$1');
}

/**
 * Pinyin initials as the sounds they stand for in transliterated names: j/q/g before i are
 * k-sounds (基 ki), x is s, r renders Russian zh (热 = Же), h renders kh (哈 = Kha).
 */
const PINYIN_INITIALS: [RegExp, string][] = [
  [/^(zh|ch|sh|z|c|s|x)/, 'S'],
  [/^r/, 'S'],
  [/^h/, ''],
  [/^(j|q|g|k)/, 'K'],
  [/^[bpfw]/, 'B'],
  [/^[dt]/, 'T'],
  [/^[lr]/, 'L'],
  [/^[mn]/, 'M'],
];

function pinyinSyllableSkeleton(syllable: string): string {
  let s = syllable;
  let out = '';
  for (const [re, cls] of PINYIN_INITIALS) {
    const m = re.exec(s);
    if (m) {
      out += cls;
      s = s.slice(m[0].length);
      break;
    }
  }
  // 尔 (er) renders r and l (默克尔 Merkel, 埃尔多安 Erdogan).
  if (s === 'er') return 'L';
  // A final n/ng is usually a transliterated n or m (坦 tan, 恩 en); keep it.
  if (/n$|ng$/.test(s)) out += 'M';
  return out;
}

export function chineseSkeleton(name: string): string {
  const syllables = [...name].map(
    (ch) => NAME_READINGS[ch] ?? pinyin(ch, { toneType: 'none', type: 'array' })[0] ?? '',
  );
  return syllables
    .map(pinyinSyllableSkeleton)
    .join('')
    .replace(/(.)\1+/g, '$1');
}

/** Letter-by-letter romanisation of Arabic script (enough for a skeleton; src/lang/scripts.ts). */
export function romanizeArabic(word: string): string {
  return [...word.replace(/[\u064b-\u065f\u0670\u0640]/g, '')]
    .map((c) => ARABIC_LATIN[c] ?? '')
    .join('');
}

/** Hangul syllable blocks as romanised jamo (`젠베코프` -> `jenbekopeu`). */
export function romanizeHangul(word: string): string {
  let out = '';
  for (const ch of word) {
    const code = ch.codePointAt(0)! - 0xac00;
    if (code < 0 || code >= 11172) continue;
    const initial = HANGUL_INITIALS[Math.floor(code / 588)];
    const final = HANGUL_FINALS[code % 28];
    out += (initial === '_' ? '' : initial) + HANGUL_MEDIALS[Math.floor((code % 588) / 28)];
    out += final === '_' ? '' : final;
  }
  return out;
}

/** Katakana and hiragana as romanised (`ジェエンベコフ` -> `jieenbekofu`); `ー` and `ッ` give nothing. */
export function romanizeKana(word: string): string {
  let out = '';
  for (const ch of word) {
    const code = ch.codePointAt(0)!;
    // Hiragana sits 0x60 below the katakana it matches.
    const kata = code >= 0x3041 && code <= 0x3096 ? String.fromCodePoint(code + 0x60) : ch;
    out += KANA_LATIN[kata] ?? '';
  }
  return out;
}

/** Hebrew letters as consonants (`ז'ינבקוב` -> `zhynbkub`). */
export function romanizeHebrew(word: string): string {
  const letters = [...word];
  let out = '';
  for (let i = 0; i < letters.length; i++) {
    const c = letters[i];
    const next = letters[i + 1];
    if ((next === "'" || next === '׳') && HEBREW_GERESH[c]) {
      out += HEBREW_GERESH[c];
      i++;
    } else if (c === 'ו' && next === 'ו') {
      out += 'v';
      i++;
    } else out += HEBREW_LATIN[c] ?? '';
  }
  return out;
}

/** Devanagari consonants (`जीनबेकोव` -> `jnbkv`). */
export function romanizeDevanagari(word: string): string {
  const letters = [...word.normalize('NFD')];
  let out = '';
  for (let i = 0; i < letters.length; i++) {
    const c = letters[i];
    if (letters[i + 1] === '़' && DEVANAGARI_NUKTA[c]) {
      out += DEVANAGARI_NUKTA[c];
      i++;
    } else out += DEVANAGARI_LATIN[c] ?? '';
  }
  return out;
}

/**
 * Skeletons of the names seen lately: the same names recur from report to report of an event,
 * and a skeleton costs a dozen replacements (a Han name, a pinyin lookup per character).
 * Cleared when full, so memory stays bounded.
 */
const skeletonsSeen = new Map<string, string | null>();
const SKELETONS_KEPT = 20_000;

/** The skeleton of a name in any script we can romanise, or null. */
export function nameSkeleton(name: string): string | null {
  let s = skeletonsSeen.get(name);
  if (s === undefined) {
    s = computeSkeleton(name);
    if (skeletonsSeen.size >= SKELETONS_KEPT) skeletonsSeen.clear();
    skeletonsSeen.set(name, s);
  }
  return s;
}

function computeSkeleton(name: string): string | null {
  let latin: string;
  if (/\p{Script=Han}/u.test(name)) return chineseSkeleton(name);
  if (/\p{Script=Arabic}/u.test(name)) latin = romanizeArabic(name);
  else if (/\p{Script=Cyrillic}/u.test(name)) latin = romanizeCyrillic(name);
  else if (/\p{Script=Hangul}/u.test(name)) latin = romanizeHangul(name);
  else if (/[\p{Script=Katakana}\p{Script=Hiragana}]/u.test(name)) latin = romanizeKana(name);
  else if (/\p{Script=Hebrew}/u.test(name)) latin = romanizeHebrew(name);
  else if (/\p{Script=Devanagari}/u.test(name)) latin = romanizeDevanagari(name);
  else latin = name.normalize('NFD').replace(/\p{M}/gu, '');
  const s = skeleton(latin);
  return s.length >= MIN_SKELETON ? s : null;
}
