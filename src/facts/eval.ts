import fs from 'node:fs';
import { eventDate, resolveDates } from './dates.ts';
import { extractFigures, type FigureKind } from './figures.ts';

/** A labelled sentence: the figures a reader finds in it (kind and value). */
export interface FigureCase {
  lang: string;
  text: string;
  figures: { kind: FigureKind; value: number }[];
}

export interface FigureScores {
  precision: number;
  recall: number;
  gold: number;
  predicted: number;
  correct: number;
  byLanguage: Record<string, { precision: number; recall: number }>;
  errors: string[];
}

export function readFigureCases(file: string): FigureCase[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as FigureCase);
}

/** Precision and recall of figure extraction: a figure is right when kind and value match. */
export function scoreFigures(cases: readonly FigureCase[]): FigureScores {
  let gold = 0;
  let predicted = 0;
  let correct = 0;
  const perLang = new Map<string, { gold: number; predicted: number; correct: number }>();
  const errors: string[] = [];
  for (const c of cases) {
    const got = extractFigures(c.text, c.lang).map((f) => `${f.kind}:${f.value}`);
    const want = c.figures.map((f) => `${f.kind}:${f.value}`);
    const gotSet = new Set(got);
    const ok = want.filter((w) => gotSet.has(w)).length;
    const l = perLang.get(c.lang) ?? { gold: 0, predicted: 0, correct: 0 };
    l.gold += want.length;
    l.predicted += gotSet.size;
    l.correct += ok;
    perLang.set(c.lang, l);
    gold += want.length;
    predicted += gotSet.size;
    correct += ok;
    if (ok !== want.length || gotSet.size !== ok) {
      errors.push(
        `[${c.lang}] ${c.text} -> got ${[...gotSet].join(', ') || 'nothing'}; want ${want.join(', ') || 'nothing'}`,
      );
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const byLanguage: FigureScores['byLanguage'] = {};
  for (const [lang, l] of perLang) {
    byLanguage[lang] = {
      precision: ratio(l.correct, l.predicted),
      recall: ratio(l.correct, l.gold),
    };
  }
  return {
    precision: ratio(correct, predicted),
    recall: ratio(correct, gold),
    gold,
    predicted,
    correct,
    byLanguage,
    errors,
  };
}

/** A labelled sentence for time: its publication date and the day its event happened. */
export interface DateCase {
  lang: string;
  published: string | null;
  text: string;
  dates: string[];
}

/**
 * Precision and recall of event-date resolution. A case counts as answered when the text
 * gave a date (the publication-date fallback is not an answer unless the event is that day).
 */
export function scoreDates(cases: readonly DateCase[]): {
  precision: number;
  recall: number;
  errors: string[];
} {
  let answered = 0;
  let correct = 0;
  const errors: string[] = [];
  for (const c of cases) {
    const got = eventDate(c.text, c.lang, c.published);
    const fromText = resolveDates(c.text, c.lang, c.published).some((d) => d.date === got);
    if (got === null || !fromText) {
      errors.push(`[${c.lang}] ${c.text} -> no date from the text; want ${c.dates[0]}`);
      continue;
    }
    answered++;
    if (got === c.dates[0]) correct++;
    else errors.push(`[${c.lang}] ${c.text} -> ${got}; want ${c.dates[0]}`);
  }
  return {
    precision: answered ? correct / answered : 1,
    recall: cases.length ? correct / cases.length : 1,
    errors,
  };
}
