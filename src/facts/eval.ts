import fs from 'node:fs';
import path from 'node:path';
import { nameSkeleton } from '../anchors/translit.ts';
import { eventDate, resolveDates } from './dates.ts';
import { extractFigures, type FigureKind } from './figures.ts';
import { nameMentions, noVotes, voteKind, type NameKind } from './entity-kind.ts';
import { foreignNameForms } from '../anchors/index.ts';
import { normalizeArabic } from '../segment/arabic.ts';
import { scoreEntityNames, type EntityNamesCase } from './eval-names.ts';

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
  return readJsonl<FigureCase>(file);
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

/** A labelled sentence for entity kinds: the names in it and whether each is a person, an organisation or a place. */
export interface EntityKindCase {
  lang: string;
  text: string;
  entities: { name: string; kind: NameKind }[];
}

const foldSurface = (s: string) =>
  normalizeArabic(s.normalize('NFC').toLowerCase()).replace(/[\s_·'’-]/g, '');

const KINDS: readonly NameKind[] = ['person', 'organisation', 'place'];

/**
 * Precision and recall of entity typing. A labelled name is predicted by the mentions whose
 * surface lies inside it; it counts as answered when they vote for a kind.
 */
export function scoreEntityKinds(cases: readonly EntityKindCase[]): {
  precision: number;
  recall: number;
  byKind: Record<NameKind, { precision: number; recall: number }>;
  errors: string[];
} {
  const tally = Object.fromEntries(
    KINDS.map((k) => [k, { gold: 0, predicted: 0, correct: 0 }]),
  ) as Record<NameKind, { gold: number; predicted: number; correct: number }>;
  const errors: string[] = [];
  for (const c of cases) {
    // The name forms the anchors stage would find (Arabic: words the pack lacks).
    const forms = foreignNameForms(c.text, c.lang);
    const mentions = nameMentions(c.text, c.lang, forms);
    for (const e of c.entities) {
      const label = foldSurface(e.name);
      const votes = noVotes();
      for (const m of mentions) {
        const surface = foldSurface(m.surface);
        if (m.kind && surface.length >= 2 && label.includes(surface)) votes[m.kind] += m.weight;
      }
      const got = voteKind(votes);
      tally[e.kind].gold++;
      if (got) tally[got].predicted++;
      if (got === e.kind) tally[e.kind].correct++;
      else
        errors.push(`[${c.lang}] ${e.name} in "${c.text}" -> ${got ?? 'no kind'}; want ${e.kind}`);
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const sum = (f: 'gold' | 'predicted' | 'correct') => KINDS.reduce((n, k) => n + tally[k][f], 0);
  return {
    precision: ratio(sum('correct'), sum('predicted')),
    recall: ratio(sum('correct'), sum('gold')),
    byKind: Object.fromEntries(
      KINDS.map((k) => [
        k,
        {
          precision: ratio(tally[k].correct, tally[k].predicted),
          recall: ratio(tally[k].correct, tally[k].gold),
        },
      ]),
    ) as Record<NameKind, { precision: number; recall: number }>,
    errors,
  };
}

export function readJsonl<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** A labelled pair of name spellings: the same person or place, or not. */
export interface NamePairCase {
  a: string;
  b: string;
  same: boolean;
}

/** Precision and recall of one-id-per-name: a pair is predicted the same when the skeletons agree. */
export function scoreNamePairs(cases: readonly NamePairCase[]): {
  precision: number;
  recall: number;
  errors: string[];
} {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: string[] = [];
  for (const c of cases) {
    const a = nameSkeleton(c.a);
    const predicted = a !== null && a === nameSkeleton(c.b);
    if (predicted && c.same) tp++;
    else if (predicted) fp++;
    else if (c.same) fn++;
    if (predicted !== c.same) errors.push(`${c.a} / ${c.b} -> ${predicted ? 'same' : 'different'}`);
  }
  return {
    precision: tp + fp ? tp / (tp + fp) : 1,
    recall: tp + fn ? tp / (tp + fn) : 1,
    errors,
  };
}

export interface FactsEvaluation {
  set: string;
  items: number;
  precision: number;
  recall: number;
  detail?: string;
}

/** Every labelled facts set in `dir` (examples/facts by default), scored. */
export function evaluateFacts(dir: string): FactsEvaluation[] {
  const file = (name: string) => path.join(dir, name);
  const out: FactsEvaluation[] = [];
  for (const name of ['figures.jsonl', 'figures-heldout.jsonl']) {
    if (!fs.existsSync(file(name))) continue;
    const cases = readFigureCases(file(name));
    const s = scoreFigures(cases);
    const langs = Object.entries(s.byLanguage)
      .map(([l, v]) => `${l} ${v.precision.toFixed(2)}/${v.recall.toFixed(2)}`)
      .join(', ');
    out.push({
      set: name,
      items: cases.length,
      precision: s.precision,
      recall: s.recall,
      detail: langs,
    });
  }
  if (fs.existsSync(file('dates.jsonl'))) {
    const cases = readJsonl<DateCase>(file('dates.jsonl'));
    const s = scoreDates(cases);
    out.push({ set: 'dates.jsonl', items: cases.length, precision: s.precision, recall: s.recall });
  }
  if (fs.existsSync(file('names.jsonl'))) {
    const cases = readJsonl<NamePairCase>(file('names.jsonl'));
    const s = scoreNamePairs(cases);
    out.push({ set: 'names.jsonl', items: cases.length, precision: s.precision, recall: s.recall });
  }
  for (const name of ['entity-names.jsonl', 'entity-names-heldout.jsonl']) {
    if (!fs.existsSync(file(name))) continue;
    const cases = readJsonl<EntityNamesCase>(file(name));
    const s = scoreEntityNames(cases);
    out.push({ set: name, items: cases.length, precision: s.precision, recall: s.recall });
  }
  for (const name of ['entity-kinds.jsonl', 'entity-kinds-heldout.jsonl']) {
    if (!fs.existsSync(file(name))) continue;
    const cases = readJsonl<EntityKindCase>(file(name));
    const s = scoreEntityKinds(cases);
    const detail = KINDS.filter((k) => cases.some((c) => c.entities.some((e) => e.kind === k)))
      .map((k) => `${k} ${s.byKind[k].precision.toFixed(2)}/${s.byKind[k].recall.toFixed(2)}`)
      .join(', ');
    out.push({ set: name, items: cases.length, precision: s.precision, recall: s.recall, detail });
  }
  return out;
}
