import { pinyin } from 'pinyin-pro';
import { romanizeCyrillic } from './names.ts';

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

/** Characters Chinese uses to transliterate foreign names (Xinhua's table, most frequent). */
export const TRANSLIT_CHARS = new Set([
  ...'阿埃艾爱安昂奥巴拜班邦保贝本比彼别宾波伯博布查达戴丹道德迪蒂丁东杜多厄恩尔法菲费芬丰弗福夫盖甘冈戈格古哈海汉豪赫亨胡华霍基吉加贾杰金卡凯坎康考柯科克肯库夸奎拉莱赖兰朗劳勒雷蕾里利列林琳卢鲁伦罗洛吕马玛迈麦曼芒梅蒙米敏明莫默姆穆纳娜南瑙内尼妮涅宁纽努诺帕派潘佩彭皮珀普奇恰乔切钦琼萨塞桑瑟森沙莎舍申圣施什史舒斯松苏索塔泰坦汤唐特提汀通图托瓦万旺威韦维温沃乌伍西希锡谢辛休雅亚扬耶伊因尤于约扎泽詹兹佐滕娃',
]);

/** Runs of transliteration characters in a Chinese text: candidate foreign names. */
export function chineseNameRuns(text: string): string[] {
  const runs: string[] = [];
  for (const part of text.split(/[·・•]/)) {
    let current = '';
    for (const ch of part) {
      if (TRANSLIT_CHARS.has(ch)) current += ch;
      else {
        if (current.length >= 3) runs.push(current);
        current = '';
      }
    }
    if (current.length >= 3) runs.push(current);
  }
  return runs;
}

/** Characters whose everyday reading is not the one they have in names (什么 shen, 什 shi). */
const NAME_READINGS: Record<string, string> = {
  什: 'shi',
  查: 'cha',
  伯: 'bo',
  卡: 'ka',
  尉: 'wei',
  单: 'shan',
};

export function chineseSkeleton(name: string): string {
  const syllables = [...name].map(
    (ch) => NAME_READINGS[ch] ?? pinyin(ch, { toneType: 'none', type: 'array' })[0] ?? '',
  );
  return syllables
    .map(pinyinSyllableSkeleton)
    .join('')
    .replace(/(.)\1+/g, '$1');
}

const ARABIC: Record<string, string> = {
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

/** Letter-by-letter romanisation of Arabic script (enough for a skeleton). */
export function romanizeArabic(word: string): string {
  return [...word.replace(/[\u064b-\u065f\u0670\u0640]/g, '')].map((c) => ARABIC[c] ?? '').join('');
}

/** The skeleton of a name in any script we can romanise, or null. */
export function nameSkeleton(name: string): string | null {
  let latin: string;
  if (/\p{Script=Han}/u.test(name)) return chineseSkeleton(name);
  if (/\p{Script=Arabic}/u.test(name)) latin = romanizeArabic(name);
  else if (/\p{Script=Cyrillic}/u.test(name)) latin = romanizeCyrillic(name);
  else latin = name.normalize('NFD').replace(/\p{M}/gu, '');
  const s = skeleton(latin);
  return s.length >= MIN_SKELETON ? s : null;
}
