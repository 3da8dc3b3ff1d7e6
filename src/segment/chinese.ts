import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { TRANSLIT_CHARS } from '../lang/zh/index.ts';

/**
 * Chinese word segmentation with jieba. Each segmenter owns its jieba instance, built once from
 * jieba's dictionary and the user's words; nothing is added to it afterwards. An article's own
 * name candidates are kept whole by cutting around them, so one article never changes how
 * another is segmented.
 */

/** The frequency user words get: high enough that jieba prefers them to any split. */
const USER_WORD_FREQUENCY = 100000;

/** Runs of transliteration characters (src/lang/zh/) in a Chinese text: candidate foreign names. */
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

export class ChineseSegmenter {
  private loaded: Jieba | null = null;
  private readonly userWords: readonly string[];

  constructor(userWords: readonly string[] = []) {
    this.userWords = userWords;
  }

  /**
   * jieba with its dictionary, loaded when a text first needs it (0.2 s): a pipeline is built
   * in every command and thread that reads texts, most of which see no Chinese.
   */
  private get jieba(): Jieba {
    if (this.loaded) return this.loaded;
    const jieba = Jieba.withDict(dict);
    const words = [...new Set(this.userWords.map((w) => w.trim()))].filter((w) => w.length > 1);
    if (words.length > 0) {
      jieba.loadDict(
        Buffer.from(words.map((w) => `${w} ${USER_WORD_FREQUENCY} nr`).join('\n') + '\n'),
      );
    }
    this.loaded = jieba;
    return jieba;
  }

  /**
   * Words as jieba cuts them (with HMM for unknown words), with each of `keepWhole` that jieba
   * would cut into kept as one word, as if it were in the dictionary with a high frequency. A
   * dictionary word that holds it whole stays whole (`诺贝尔物理学奖`, not `诺贝尔` + `物理学奖`).
   */
  words(text: string, keepWhole: readonly string[] = []): string[] {
    const tokens = this.jieba.cut(text, true);
    const whole = [...new Set(keepWhole)].filter((w) => w.length > 1);
    if (whole.length === 0) return tokens;
    const ends = new Set<number>();
    let offset = 0;
    for (const t of tokens) ends.add((offset += t.length));
    // Longest first, so that a name inside a longer name does not split it.
    const pattern = new RegExp(
      whole
        .sort((a, b) => b.length - a.length)
        .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|'),
      'gu',
    );
    const cutInto = [...text.matchAll(pattern)].filter((m) => {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      // A token boundary inside the word: jieba cut it. Without one, the word is a token or
      // lies inside a longer dictionary word, and the cut stands.
      for (let i = start + 1; i < end; i++) if (ends.has(i)) return true;
      return false;
    });
    if (cutInto.length === 0) return tokens;
    const out: string[] = [];
    let from = 0;
    for (const m of cutInto) {
      const at = m.index ?? 0;
      if (at > from) out.push(...this.jieba.cut(text.slice(from, at), true));
      out.push(m[0]);
      from = at + m[0].length;
    }
    if (from < text.length) out.push(...this.jieba.cut(text.slice(from), true));
    return out;
  }

  /**
   * Candidate foreign names in a Chinese text: runs of transliteration characters
   * (src/lang/zh/), trimmed where a longer word jieba knows runs into them. In
   * `印度尼西亚雅加达` (Indonesia's Jakarta) the run starts inside `印度尼西亚`: the candidate is
   * `雅加达`, not `尼西亚雅加达`. Only dictionary words of three or more characters trim.
   */
  nameCandidates(text: string): string[] {
    const runs = chineseNameRuns(text);
    if (runs.length === 0) return runs;
    // Without HMM, every token of two or more characters is a word of the dictionary (or a
    // user word); jieba's guesses for unknown words (`巴耶娃`) would cut into names.
    const tokens = this.jieba.cut(text, false);
    if (tokens.join('') !== text) return runs;
    const spans: { start: number; end: number }[] = [];
    let offset = 0;
    for (const t of tokens) {
      spans.push({ start: offset, end: offset + t.length });
      offset += t.length;
    }
    const crossing = (at: number) =>
      spans.find((s) => s.start < at && at < s.end && s.end - s.start >= 3);
    const out: string[] = [];
    let from = 0;
    for (const run of runs) {
      const at = text.indexOf(run, from);
      if (at < 0) continue;
      from = at + run.length;
      // A word that starts before the run and ends inside it cuts the run's head off; a word
      // that starts inside it and runs past its end cuts the tail. A word that starts with the
      // run (`诺贝尔奖`, Nobel Prize; `阿拉斯加州`, the state of Alaska) leaves the name whole.
      const start = crossing(at)?.end ?? at;
      let end = at + run.length;
      const tail = crossing(end);
      if (tail && tail.start > start) end = tail.start;
      if (end - start >= 3) out.push(text.slice(start, end));
    }
    return out;
  }

  /** Words with the text's own name candidates kept whole (`巴基耶夫`, not `巴基耶 / 夫`). */
  wordsWithNames(text: string): string[] {
    return this.words(text, this.nameCandidates(text));
  }
}

let plain: ChineseSegmenter | null = null;

/**
 * A segmenter with jieba's dictionary alone, for reading stored reports (entities, facts) and
 * for tests. Built on first use and never changed.
 */
export function plainChineseSegmenter(): ChineseSegmenter {
  plain ??= new ChineseSegmenter();
  return plain;
}
