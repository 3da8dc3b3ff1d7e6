import { languageData, languages } from '../lang/index.ts';
import type { Stage } from '../pipeline.ts';

/**
 * Normalisation undoes the marks other pipelines leave on news text (see
 * ../shared/samples/README.md): Chinese words separated by spaces, punctuation split off by spaces, sentences glued by `.,`, photo-caption lines,
 * a crawl date as the first line and site boilerplate as the last. The raw text is kept
 * beside the result. Vietnamese words joined by `_` are undone once the language is known
 * (src/script/), as `_` means nothing special in other languages (`@dele_official`).
 */

const HAN = '\\p{Script=Han}';
/** CJK and full-width punctuation: no space belongs on either side of it. */
const CJK_PUNCT = '，。、；：！？（）《》「」『』【】“”‘’…—·・';

// Scrapers print their crawl time in English: any word that starts like an English weekday or
// month (`Sat`, `Saturday`, `May`).
const englishCalendar = languageData('en').calendar;
const WEEKDAYS_MONTHS = new RegExp(
  `\\b(${[...(englishCalendar?.weekdays ?? []), ...(englishCalendar?.months ?? [])]
    .map((forms) => forms[0].slice(0, 3))
    .join('|')})[a-z]*\\b`,
  'gi',
);

/** A line that is only a date (as a scraper prints its crawl time), e.g. `Saturday, 04, May, 2024`. */
export function isDateOnlyLine(line: string): boolean {
  const s = line.trim();
  if (s.length === 0 || s.length > 60 || !/\b(19|20)\d\d\b/.test(s)) return false;
  const rest = s
    .replace(WEEKDAYS_MONTHS, '')
    .replace(/\b(at|am|pm|gmt|utc)\b/gi, '')
    .replace(/[\d\s,./:+\-–—()]/g, '');
  return rest.length === 0;
}

// Normalisation runs before the language is known: the labels and site lines of every language.
const CAPTION_LABEL = new RegExp(
  `(^|[\\s(])(${[...new Set(languages().flatMap((d) => d.captionLabels ?? []))].join('|')})\\s*[:：]`,
  'iu',
);
const PIPE_ONLY = /^[|\s¦]+$/;

/** A photo caption line: a credit label near its end, often closed by a table pipe. */
export function isCaptionLine(line: string): boolean {
  const s = line.trim();
  if (PIPE_ONLY.test(s)) return true;
  if (s.length > 400) return false;
  if (/\|\s*$/.test(s) && CAPTION_LABEL.test(s)) return true;
  // A short line that ends in a credit (`... Ảnh: AFP.`) without being a sentence of the body.
  const label = CAPTION_LABEL.exec(s);
  return (
    label !== null && s.length - label.index < 60 && s.length < 300 && /[:：]\s*\S{2,}/.test(s)
  );
}

const BOILERPLATE: readonly RegExp[] = [/^©/u, ...languages().flatMap((d) => d.boilerplate ?? [])];

/** A site line around the report (`Latest in National`, `Share this article`), not part of it. */
export function isBoilerplateLine(line: string): boolean {
  const s = line.trim();
  return s.length < 120 && BOILERPLATE.some((re) => re.test(s));
}

export interface NormalizedText {
  text: string;
  captions: string[];
  crawlDate: string | null;
  hintWords: string[];
}

const UNDERSCORE_WORD = /[\p{L}\p{M}\p{N}-]+(?:_[\p{L}\p{M}\p{N}-]+)+/gu;

/** Inline normalisation that applies to titles and body lines alike. */
export function normalizeInline(input: string): string {
  let s = input.normalize('NFC');
  // Zero-width and control characters other pipelines leave behind (matching them is the point).
  // eslint-disable-next-line no-control-regex
  s = s.replace(/[\u200b-\u200d\u2060\ufeff\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  s = s.replace(/[\t\u00a0\u3000]/g, ' ');
  // Chinese words separated by spaces: `巴基耶 夫` -> `巴基耶夫`, `7 日` -> `7日`.
  s = s.replace(new RegExp(`(?<=[${HAN}${CJK_PUNCT}\\d])\\s+(?=[${HAN}${CJK_PUNCT}])`, 'gu'), '');
  s = s.replace(new RegExp(`(?<=[${HAN}${CJK_PUNCT}])\\s+(?=[\\d${CJK_PUNCT}])`, 'gu'), '');
  // Punctuation split off by spaces: `thành_phố .` -> `thành phố.`, `( AFP )` -> `(AFP)`.
  s = s.replace(/\s+(?=[.,;:!?%)\]}»،؛؟…](?:\s|$|[.,;:!?"”'’)\]}»]))/gu, '');
  s = s.replace(/(?<=[([{«])\s+/g, '');
  // Straight quotes padded on both sides: `" Vấn đề ... họ "` -> `"Vấn đề ... họ"`.
  s = s.replace(/"\s+([^"\n]*?\S)\s+"/g, '"$1"');
  return s.replace(/ {2,}/g, ' ').trim();
}

/**
 * Vietnamese pre-segmentation: `bầu_cử` -> `bầu cử` (normalisation keeps the word grouping as
 * a hint). Only for languages whose entry says `joinsUnderscoredWords`.
 */
export function joinUnderscoredWords(s: string): string {
  return s.replace(/(?<=[\p{L}\p{M}\p{N}])_(?=[\p{L}\p{M}\p{N}])/gu, ' ');
}

/** Normalises a whole article body. Pure: the same input always gives the same output. */
export function normalizeText(raw: string): NormalizedText {
  const hintWords = new Set<string>();
  const nfc = raw.normalize('NFC').replace(/\r\n?/g, '\n');
  for (const m of nfc.matchAll(UNDERSCORE_WORD)) {
    hintWords.add(m[0].replace(/_/g, ' ').toLowerCase());
  }
  // Sentences glued by `.,` from a broken export: split them back into lines.
  const unglued = nfc.replace(/\. ?,(?=\s|$)/g, '.\n');

  let lines = unglued.split('\n').map((l) => l.trim());
  let crawlDate: string | null = null;
  const firstIdx = lines.findIndex((l) => l.length > 0);
  if (firstIdx >= 0 && isDateOnlyLine(lines[firstIdx]) && lines.some((l, i) => i > firstIdx && l)) {
    crawlDate = lines[firstIdx];
    lines = lines.slice(firstIdx + 1);
  }
  const captions: string[] = [];
  const kept: string[] = [];
  for (const line of lines) {
    if (line.length === 0) continue;
    if (isCaptionLine(line)) {
      if (!PIPE_ONLY.test(line)) captions.push(normalizeInline(line.replace(/\|\s*$/, '')));
      continue;
    }
    kept.push(line);
  }
  // Sites wrap a story they carry in share, subscribe and credit lines, before it and after.
  while (kept.length > 1 && isBoilerplateLine(kept[kept.length - 1])) kept.pop();
  while (kept.length > 1 && isBoilerplateLine(kept[0])) kept.shift();
  const text = kept
    .map(normalizeInline)
    .filter((l) => l.length > 0)
    .join('\n');
  return { text, captions, crawlDate, hintWords: [...hintWords] };
}

export const normalizeStage: Stage = {
  name: 'normalize@2',
  requires: ['title', 'text'],
  assigns: ['rawTitle', 'rawText', 'captions', 'crawlDate', 'hintWords'],
  run(article) {
    const body = normalizeText(article.text);
    const titleHints = [...article.title.matchAll(UNDERSCORE_WORD)].map((m) =>
      m[0].replace(/_/g, ' ').toLowerCase(),
    );
    return {
      ...article,
      rawTitle: article.rawTitle ?? article.title,
      rawText: article.rawText ?? article.text,
      title: normalizeInline(article.title),
      text: body.text,
      captions: body.captions,
      crawlDate: body.crawlDate,
      hintWords: [...new Set([...titleHints, ...body.hintWords])],
    };
  },
};
