import { findNumbers } from '../anchors/numbers.ts';

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

type CueTable = Record<FigureKind, RegExp>;

// Cue words per language. Kept as data: adding a language is adding a row.
const CUES: Record<string, CueTable> = {
  en: {
    killed:
      /(?<!\p{L})(kill(ed|ing)?|dead|died|die|deaths?|death toll|lives|fatalit(y|ies)|bodies)(?!\p{L})/iu,
    injured: /(?<!\p{L})(injur(ed|ies|y|ing)|wounded|hurt|hospitali[sz]ed)(?!\p{L})/iu,
    arrested:
      /(?<!\p{L})(arrest(ed|s)?|detain(ed|ees)?|detentions?|in custody|held by police)(?!\p{L})/iu,
    crowd:
      /(?<!\p{L})(protesters|demonstrators|marchers|people (gathered|rallied|marched|took to)|crowds? of|rallied|supporters gathered)(?!\p{L})/iu,
  },
  zh: {
    killed: /死亡|丧生|遇难|身亡|罹难|死难|被打死|被杀|亡/,
    injured: /受伤|伤者|负伤|伤/,
    arrested: /被捕|逮捕|拘留|拘捕|抓获|羁押/,
    crowd: /示威者|抗议者|民众|群众|人参加|人聚集|游行/,
  },
  vi: {
    killed: /chết|thiệt mạng|tử vong|thiệt_mạng|tử_vong|tử nạn|thiệt mạng/i,
    injured: /bị thương|bị_thương/i,
    arrested: /bị bắt|bắt giữ|bị_bắt|bắt_giữ|tạm giữ|bị giam/i,
    crowd:
      /người biểu tình|người_biểu_tình|người tham gia|người tuần hành|người tụ tập|người bao vây|người xuống đường/i,
  },
  ar: {
    killed: /قتيل|قتلى|قتلوا|مقتل|حتفه|حتفهم|وفاة|وفيات|شهيد|شهداء|لقي|لقوا/,
    injured: /جريح|جرحى|جريحا|مصاب|مصابين|إصابة|إصابات|أصيب/,
    arrested: /اعتقال|معتقل|اعتقل|موقوف|توقيف|احتجاز|محتجز/,
    crowd: /متظاهر|محتج|آلاف الأشخاص|مشارك/,
  },
  ru: {
    killed: /погиб|убит|жертв|скончал|смерт|погибших|убитых/i,
    injured: /ранен|пострадал|пострадавш|травм|госпитализ/i,
    arrested: /задержан|задержал|арестован|задержани|аресто/i,
    crowd: /протестующ|демонстрант|митингующ|участник|человек вышл|вышли на/i,
  },
  es: {
    killed:
      /(?<!\p{L})(muert[oa]s?|fallecid[oa]s?|murieron|víctimas mortales|asesinad[oa]s?)(?!\p{L})/iu,
    injured: /(?<!\p{L})(herid[oa]s?|lesionad[oa]s?)(?!\p{L})/iu,
    arrested: /(?<!\p{L})(detenid[oa]s?|arrestad[oa]s?|detenciones)(?!\p{L})/iu,
    crowd: /(?<!\p{L})(manifestantes|personas se (concentraron|manifestaron)|marcharon)(?!\p{L})/iu,
  },
  fr: {
    killed: /(?<!\p{L})(morts?|tué(e|s|es)?|décès|décédé(e|s)?|ont péri|victimes)(?!\p{L})/iu,
    injured: /(?<!\p{L})(blessé(e|s|es)?|blessures)(?!\p{L})/iu,
    arrested:
      /(?<!\p{L})(interpellé(e|s)?|arrêté(e|s)?|interpellations|arrestations|gardes? à vue)(?!\p{L})/iu,
    crowd: /(?<!\p{L})(manifestants|personnes ont (manifesté|défilé))(?!\p{L})/iu,
  },
};

const QUALIFIERS: [RegExp, Qualifier][] = [
  [
    /(at least|no fewer than|至少|ít nhất|على الأقل|не менее|по меньшей мере|как минимум|al menos|por lo menos|au moins)/i,
    'at least',
  ],
  [
    /(more than|over|upwards of|超过|逾|hơn|أكثر من|более|свыше|больше|más de|plus de)/i,
    'more than',
  ],
  [
    /(about|around|nearly|almost|some|约|近|khoảng|gần|نحو|حوالي|около|почти|unos|cerca de|environ|près de)/i,
    'about',
  ],
];

const EN_NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  dozens: 24,
  hundreds: 200,
  thousands: 2000,
};

/** How far from a number a cue may stand (characters); Chinese packs more into fewer. */
const WINDOW_AFTER = 64;
/** A cue before the number must be close: `killing at least 14`, `مقتل 14`, `задержала 150`. */
const WINDOW_BEFORE = 24;
const ZH_WINDOW_AFTER = 6;
const ZH_WINDOW_BEFORE = 6;

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

function qualifierOf(before: string, after: string): Qualifier {
  // Chinese and Vietnamese put "more than" after the number: 400多人, 40余人.
  if (/^\s*(多|余|餘)/.test(after)) return 'more than';
  const near = before.slice(-24);
  for (const [re, q] of QUALIFIERS) if (re.test(near)) return q;
  return 'exact';
}

/** Sentences, split where every language ends one. */
function sentences(text: string): string[] {
  // A Latin full stop ends a sentence only before a space (`10.000 người` is one number).
  return text.split(/(?<=[.!?])\s+|(?<=[。！？؟])\s*|\n+/u).filter((s) => s.trim().length > 0);
}

/** The figures a text states. Pure: one text and its language in, figures out. */
export function extractFigures(text: string, lang: string): Figure[] {
  const table = CUES[lang];
  if (!table) return [];
  const zh = lang === 'zh' || lang === 'ja';
  const out: Figure[] = [];
  for (const sentence of sentences(text)) {
    const numbers: { value: number; index: number; end: number }[] = findNumbers(sentence);
    if (lang === 'en') {
      for (const m of sentence.matchAll(
        /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands)\b/gi,
      )) {
        numbers.push({
          value: EN_NUMBER_WORDS[m[1].toLowerCase()],
          index: m.index ?? 0,
          end: (m.index ?? 0) + m[0].length,
        });
      }
    }
    numbers.sort((a, b) => a.index - b.index);
    const claimed = new Set<number>();
    for (const n of numbers) {
      const after = sentence.slice(n.end, n.end + (zh ? ZH_WINDOW_AFTER : WINDOW_AFTER));
      if (NOT_A_COUNT.test(after)) continue;
      if (Number.isInteger(n.value) && n.value >= 1900 && n.value <= 2100) continue;
      let beforeStart = Math.max(0, n.index - (zh ? ZH_WINDOW_BEFORE : WINDOW_BEFORE));
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
        evidence: sentence.slice(start, Math.min(sentence.length, n.end + 40)).trim(),
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
