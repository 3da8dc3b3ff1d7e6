import { findNumbers } from '../anchors/numbers.ts';
import { languageData, languages, type FigureCues, type Qualifiers } from '../lang/index.ts';

/**
 * Figures: killed, injured, arrested and crowd sizes, each with its number, its qualifier
 * (`at least`, `more than`), its language and the words that decided it. A figure is a
 * number with a cue word of its kind close by (after the number first: `590 people sustained
 * injuries`, `400多人受伤`, `120 جريحا`; else before it: `killing at least 14`).
 */
export type FigureKind = 'killed' | 'injured' | 'arrested' | 'crowd';
export type Qualifier = 'exact' | 'at least' | 'more than' | 'about';

export interface Figure {
  kind: FigureKind;
  value: number;
  qualifier: Qualifier;
  lang: string;
  /** The stretch of text the figure was read from. */
  evidence: string;
}

type CueTable = FigureCues;

/** Qualifier words of every language (src/lang/), as cues may be borrowed across languages. */
function qualifierPattern(pick: (q: Qualifiers) => readonly string[] | undefined): RegExp {
  const words = languages().flatMap((d) => (d.qualifiers ? (pick(d.qualifiers) ?? []) : []));
  return new RegExp(`(${words.join('|')})`, 'iu');
}

const QUALIFIERS: [RegExp, Qualifier][] = [
  [qualifierPattern((q) => q.atLeast), 'at least'],
  [qualifierPattern((q) => q.moreThan), 'more than'],
  [qualifierPattern((q) => q.about), 'about'],
];
/** `400多人`, `40余人`: more than, written after the number. */
const MORE_THAN_AFTER = new RegExp(
  `^\\s*(${languages()
    .flatMap((d) => d.qualifiers?.moreThanAfter ?? [])
    .join('|')})`,
  'u',
);

/**
 * How far from a number a cue may stand (characters), unless the language says otherwise
 * (Chinese packs more into fewer). A cue before the number must be close: `killing at least
 * 14`, `مقتل 14`, `задержала 150`.
 */
const WINDOW = { after: 64, before: 24 };

/** What follows a number that makes it not a count of people. */
const NOT_A_COUNT =
  /^\s*(%|percent|per cent|phần trăm|٪|процент|por ciento|pour cent|年|月|日|号|号|tháng|năm|giờ|h\b|km|kilomet|hect|ha\b|tonnes|tons|dollars|USD|\$|euros?|đồng|yuan|元|美元|tenge|тенге|ruble|рубл|:\d)/i;

/**
 * The cue nearest to the number on either side. Casualty and arrest cues outrank crowd cues:
 * in `4 officers were beaten to death by protesters` the protesters are not what 4 counts.
 */
interface Cue {
  kind: FigureKind;
  distance: number;
  /** Where the cue starts in the sentence: a cue counts for one number only. */
  at: number;
}

function nearestCue(
  table: CueTable,
  after: string,
  afterStart: number,
  before: string,
  beforeStart: number,
  claimed: ReadonlySet<number>,
): Cue | null {
  const found: Cue[] = [];
  for (const kind of Object.keys(table) as FigureKind[]) {
    const a = table[kind].exec(after);
    if (a) found.push({ kind, distance: a.index, at: afterStart + a.index });
    const re = new RegExp(table[kind].source, table[kind].flags.replace('g', '') + 'g');
    let last: RegExpExecArray | null = null;
    for (let m = re.exec(before); m; m = re.exec(before)) {
      if (!claimed.has(beforeStart + m.index)) last = m;
    }
    if (last) {
      found.push({
        kind,
        distance: before.length - (last.index + last[0].length),
        at: beforeStart + last.index,
      });
    }
  }
  if (found.length === 0) return null;
  const rank = (c: Cue) => (c.kind === 'crowd' ? 1000 : 0) + c.distance;
  return found.sort((a, b) => rank(a) - rank(b))[0];
}

/** Clause punctuation: a cue never reaches across it (`9人遇难，另有1200人被转移`). */
const CLAUSE = /[,;，。；、:：]/;

/** `at least` may also follow the count: `120 جريحا على الأقل`, `12 people at least`. */
const AT_LEAST_AFTER = QUALIFIERS[0][0];

function qualifierOf(before: string, after: string): Qualifier {
  if (MORE_THAN_AFTER.test(after)) return 'more than';
  const near = before.slice(-24);
  for (const [re, q] of QUALIFIERS) if (re.test(near)) return q;
  // Only in the same clause and before the next number: `12 dead and at least 40 injured`
  // qualifies the 40.
  const stop = after.search(/\d|[,;，。；、:：.]/);
  const clause = stop >= 0 ? after.slice(0, stop) : after;
  const m = AT_LEAST_AFTER.exec(clause.slice(0, 32));
  // Right before the next number, it is that number's.
  const nextNumber = stop >= 0 && /\d/.test(after[stop]);
  if (m && !(nextNumber && clause.slice(m.index + m[0].length).trim() === '')) return 'at least';
  return 'exact';
}

/**
 * The words around a figure, as a reader quotes them: from a word's start to a word's end,
 * never cut inside one (scripts without spaces are cut by characters).
 */
export function quote(sentence: string, start: number, end: number): string {
  let from = Math.max(0, start);
  let to = Math.min(sentence.length, end);
  if (/\s/.test(sentence)) {
    while (from > 0 && !/\s/.test(sentence[from - 1])) from--;
    while (to < sentence.length && !/\s/.test(sentence[to])) to++;
  }
  return sentence.slice(from, to).trim();
}

/** Sentences, split where every language ends one. */
function sentences(text: string): string[] {
  // A Latin full stop ends a sentence only before a space (`10.000 người` is one number).
  return text.split(/(?<=[.!?])\s+|(?<=[。！？؟])\s*|\n+/u).filter((s) => s.trim().length > 0);
}

/** The figures a text states. Pure: one text and its language in, figures out. */
export function extractFigures(text: string, lang: string): Figure[] {
  const data = languageData(lang);
  const table = data.figureCues;
  if (!table) return [];
  const window = data.figureWindow ?? WINDOW;
  const numberWords = data.numberWords ?? {};
  const numberWord =
    Object.keys(numberWords).length > 0
      ? new RegExp(`\\b(${Object.keys(numberWords).join('|')})\\b`, 'gi')
      : null;
  const out: Figure[] = [];
  for (const sentence of sentences(text)) {
    const numbers: { value: number; index: number; end: number }[] = findNumbers(sentence);
    for (const m of numberWord ? sentence.matchAll(numberWord) : []) {
      numbers.push({
        value: numberWords[m[1].toLowerCase()],
        index: m.index ?? 0,
        end: (m.index ?? 0) + m[0].length,
      });
    }
    numbers.sort((a, b) => a.index - b.index);
    const claimed = new Set<number>();
    for (const n of numbers) {
      const after = sentence.slice(n.end, n.end + window.after);
      if (NOT_A_COUNT.test(after)) continue;
      if (Number.isInteger(n.value) && n.value >= 1900 && n.value <= 2100) continue;
      // People come whole: `magnitude 6.1` is no death toll (`1.5 million` is whole already).
      if (!Number.isInteger(n.value)) continue;
      let beforeStart = Math.max(0, n.index - window.before);
      let before = sentence.slice(beforeStart, n.index);
      const lastClause = Math.max(...[...before].map((ch, i) => (CLAUSE.test(ch) ? i : -1)));
      if (lastClause >= 0) {
        before = before.slice(lastClause + 1);
        beforeStart += lastClause + 1;
      }
      // A cue after the number must come before the next number (`12 dead and 40 injured`)
      // and before the end of the clause.
      let cueAfter = after;
      const stop = cueAfter.search(/\d|[,;，。；、]/);
      if (stop >= 0) cueAfter = cueAfter.slice(0, stop);
      const cue = nearestCue(table, cueAfter, n.end, before, beforeStart, claimed);
      if (!cue) continue;
      claimed.add(cue.at);
      if (cue.kind === 'crowd' && n.value < 20) continue;
      const start = Math.max(0, n.index - 20);
      out.push({
        kind: cue.kind,
        value: n.value,
        qualifier: qualifierOf(before, after),
        lang,
        evidence: quote(sentence, start, n.end + 40),
      });
    }
  }
  return out;
}

export interface FigureRange {
  kind: FigureKind;
  min: number;
  max: number;
  /** Every report's statement, so no number is picked silently. */
  reports: {
    articleId: string;
    lang: string;
    value: number;
    qualifier: Qualifier;
    evidence: string;
  }[];
}

/** Per kind, the range across reports (each report's largest figure of that kind counts). */
export function figureRanges(
  perArticle: { articleId: string; figures: Figure[] }[],
): FigureRange[] {
  const byKind = new Map<FigureKind, FigureRange>();
  for (const { articleId, figures } of perArticle) {
    const best = new Map<FigureKind, Figure>();
    for (const f of figures) {
      const b = best.get(f.kind);
      if (!b || f.value > b.value) best.set(f.kind, f);
    }
    for (const f of best.values()) {
      let range = byKind.get(f.kind);
      if (!range) {
        range = { kind: f.kind, min: f.value, max: f.value, reports: [] };
        byKind.set(f.kind, range);
      }
      range.min = Math.min(range.min, f.value);
      range.max = Math.max(range.max, f.value);
      range.reports.push({
        articleId,
        lang: f.lang,
        value: f.value,
        qualifier: f.qualifier,
        evidence: f.evidence,
      });
    }
  }
  const order: FigureKind[] = ['killed', 'injured', 'arrested', 'crowd'];
  return order.filter((k) => byKind.has(k)).map((k) => byKind.get(k)!);
}
