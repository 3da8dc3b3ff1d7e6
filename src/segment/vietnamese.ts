/**
 * Vietnamese is written one syllable at a time; words span 1–4 syllables (`bầu cử`, `Hội đồng
 * Bảo an`). We group syllables by longest match against a lexicon: words the input itself
 * marked (`bầu_cử`), plus any lexicon a language pack registers.
 */
export const MAX_WORD_SYLLABLES = 4;

export class VietnameseLexicon {
  private readonly words = new Set<string>();

  constructor(words: Iterable<string> = []) {
    for (const w of words) this.add(w);
  }

  get size(): number {
    return this.words.size;
  }

  add(word: string): void {
    const syllables = word.toLowerCase().normalize('NFC').trim().split(/\s+/);
    if (syllables.length >= 2 && syllables.length <= MAX_WORD_SYLLABLES) {
      this.words.add(syllables.join(' '));
    }
  }

  has(word: string): boolean {
    return this.words.has(word);
  }
}

/**
 * Groups lower-cased syllables into words by greedy longest match. `extra` holds words known
 * for this article only (its own `_` marks).
 */
export function groupSyllables(
  syllables: readonly string[],
  lexicon: VietnameseLexicon,
  extra: ReadonlySet<string> = new Set(),
): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < syllables.length) {
    let taken = 1;
    for (let n = Math.min(MAX_WORD_SYLLABLES, syllables.length - i); n >= 2; n--) {
      const candidate = syllables.slice(i, i + n).join(' ');
      if (extra.has(candidate) || lexicon.has(candidate)) {
        taken = n;
        break;
      }
    }
    words.push(syllables.slice(i, i + taken).join(' '));
    i += taken;
  }
  return words;
}
