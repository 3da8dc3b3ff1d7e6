/**
 * Vietnamese is written one syllable at a time; words span 1–4 syllables (`bầu cử`, `Hội đồng
 * Bảo an`). We group syllables by longest match against a lexicon: words the input itself
 * marked (`bầu_cử`), plus any lexicon a language pack registers.
 */
export const MAX_WORD_SYLLABLES = 4;

export class VietnameseLexicon {
  private readonly words = new Set<string>();
  private readonly longest = new Map<string, number>();

  constructor(words: Iterable<string> = []) {
    for (const w of words) this.add(w);
  }

  get size(): number {
    return this.words.size;
  }

  add(word: string): void {
    const syllables = word.toLowerCase().normalize('NFC').trim().split(/\s+/);
    if (syllables.length >= 2 && syllables.length <= MAX_WORD_SYLLABLES) {
      const word = syllables.join(' ');
      this.words.add(word);
      noteLongest(this.longest, word);
    }
  }

  /** The most syllables a word starting with `syllable` has (1 when none has several). */
  longestFrom(syllable: string): number {
    return this.longest.get(syllable) ?? 1;
  }

  has(word: string): boolean {
    return this.words.has(word);
  }
}

/** Records the syllables of `word` under its first syllable when it is the longest so far. */
function noteLongest(longest: Map<string, number>, word: string): void {
  const parts = word.split(' ');
  if (parts.length >= 2) longest.set(parts[0], Math.max(longest.get(parts[0]) ?? 1, parts.length));
}

/** For the words of several syllables, first syllable -> the most syllables such a word has. */
export function longestWords(words: Iterable<string>): Map<string, number> {
  const longest = new Map<string, number>();
  for (const w of words) noteLongest(longest, w);
  return longest;
}

/**
 * Groups lower-cased syllables into words by greedy longest match. `extra` holds words known
 * for this article only (its own `_` marks); `extraLongest` is `longestWords(extra)`, when the
 * caller groups many clauses with the same words.
 */
export function groupSyllables(
  syllables: readonly string[],
  lexicon: VietnameseLexicon,
  extra: ReadonlySet<string> = new Set(),
  extraLongest: ReadonlyMap<string, number> = longestWords(extra),
): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < syllables.length) {
    let taken = 1;
    // Only as many syllables as the longest word starting here: building and looking up every
    // two- to four-syllable candidate at every syllable was most of the grouping's time.
    const longest = Math.max(
      lexicon.longestFrom(syllables[i]),
      extraLongest.get(syllables[i]) ?? 1,
    );
    for (let n = Math.min(MAX_WORD_SYLLABLES, syllables.length - i, longest); n >= 2; n--) {
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
