import { languages } from '../lang/index.ts';

/**
 * Numbers as language-neutral anchors. Digits of every script become ASCII; thousands
 * separators of both conventions (`10,000`, `10.000`, `10 000`) are removed; a multiplier word
 * (`2 million`, `3 triệu`, `5万`) is applied. Small counts (< 10) are too common to link
 * reports and are left out.
 */

export function asciiDigits(text: string): string {
  return text.replace(/[٠-٩۰-۹０-９]/g, (d) => {
    const c = d.charCodeAt(0);
    if (c >= 0xff10) return String(c - 0xff10);
    if (c >= 0x06f0) return String(c - 0x06f0);
    return String(c - 0x0660);
  });
}

/** Multiplier words of every language (src/lang/): a number's language is not always the text's. */
const MULTIPLIERS: readonly (readonly [RegExp, number])[] = languages().flatMap(
  (d) => d.multipliers ?? [],
);

// Digits glued to Han or Arabic text (`至少40多人`) are numbers; glued to Latin letters (`G7`) not.
const NUMBER =
  /(?<![\p{Script=Latin}\p{Script=Cyrillic}\d.,])(\d{1,3}(?:([.,  ])\d{3})+|\d+)(?:[.,](\d+))?/gu;

export interface FoundNumber {
  value: number;
  index: number;
  end: number;
}

/** Every number in a text with its value and position. */
export function findNumbers(text: string): FoundNumber[] {
  const s = asciiDigits(text);
  const out: FoundNumber[] = [];
  for (const m of s.matchAll(NUMBER)) {
    const grouped = m[2] !== undefined;
    let value = Number(grouped ? m[1].replace(/[.,  ]/g, '') : m[1]);
    if (m[3] !== undefined) value = Number(`${String(value)}.${m[3]}`);
    const end = (m.index ?? 0) + m[0].length;
    for (const [re, mult] of MULTIPLIERS) {
      const mm = re.exec(s.slice(end, end + 16));
      if (mm) {
        value *= mult;
        break;
      }
    }
    if (Number.isFinite(value)) out.push({ value, index: m.index ?? 0, end });
  }
  return out;
}

/** Number anchor keys: values of 10 and above that are not calendar years. */
export function numberAnchors(text: string): string[] {
  const keys = new Set<string>();
  for (const n of findNumbers(text)) {
    if (n.value < 10) continue;
    if (Number.isInteger(n.value) && n.value >= 1900 && n.value <= 2100) continue;
    keys.add(String(n.value));
  }
  return [...keys];
}
