import { dateAnchors } from '../anchors/dates.ts';
import { languageData } from '../lang/index.ts';

/**
 * Time: what day a report's event happened. Date expressions in the text are resolved
 * against the publication date: explicit dates (`13/3`, `5 октября`, `2020年10月5日`), days of
 * the month (`7日`, `8号`), relative days (`yesterday`, `hôm qua`, `昨天`, `أمس`, `вчера`) and
 * weekdays (`Tuesday`, `الثلاثاء`, `thứ Ba`, `周二`). Without a publication date only dates
 * that carry their own year are used. A crawl date is never a publication date (the
 * normaliser sets it apart).
 */

export interface ResolvedDate {
  date: string;
  expression: string;
}

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const parse = (d: string) => Date.parse(`${d}T00:00:00Z`);

/**
 * A pattern for one group of forms (`yesterday`, `昨天|昨日`): case-insensitive; a space also
 * matches `_` (pre-segmented Vietnamese); whole words only where the language spaces its words
 * (so Russian `понедельник` also matches in `понедельника`, and Chinese needs no spaces).
 */
function formsPattern(forms: readonly string[], wholeWords: boolean): RegExp {
  const alternatives = forms
    .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ _]'))
    .join('|');
  const source = wholeWords
    ? `(?<![\\p{L}\\p{M}\\p{N}_])(?:${alternatives})(?![\\p{L}\\p{M}\\p{N}_])`
    : alternatives;
  return new RegExp(source, 'iu');
}

interface DayWords {
  relative: [RegExp, number][];
  /** Sunday first (JavaScript's getUTCDay order). */
  weekdays: RegExp[];
}

const dayWordsCache = new Map<string, DayWords>();

/** A language's relative day words and weekday names (src/lang/) as patterns. */
function dayWords(lang: string): DayWords {
  const data = languageData(lang);
  let words = dayWordsCache.get(data.code);
  if (!words) {
    const whole = data.spacedWords ?? false;
    words = {
      relative: (data.relativeDays ?? []).map(([forms, offset]) => [
        formsPattern(forms, whole),
        offset,
      ]),
      weekdays: (data.calendar?.weekdays ?? []).map((forms) => formsPattern(forms, whole)),
    };
    dayWordsCache.set(data.code, words);
  }
  return words;
}

/** The last `weekday` (0 = Sunday) on or before `published`. */
function lastWeekday(published: number, weekday: number): number {
  const back = (new Date(published).getUTCDay() - weekday + 7) % 7;
  return published - back * DAY;
}

/** A day-and-month without a year happened in the year that puts it on or before publication. */
function withYear(monthDay: string, published: number): number {
  const year = new Date(published).getUTCFullYear();
  let t = parse(`${year}${monthDay.slice(1)}`);
  // A report can name a date a few days ahead (a scheduled vote); beyond that, it was last year.
  if (t > published + 7 * DAY) t = parse(`${year - 1}${monthDay.slice(1)}`);
  return t;
}

/** Resolves every date expression a text holds. */
export function resolveDates(text: string, lang: string, published: string | null): ResolvedDate[] {
  const out: ResolvedDate[] = [];
  const pub = published ? parse(published) : null;
  for (const d of dateAnchors(text, lang)) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(d)) out.push({ date: d, expression: d });
    else if (/^--\d{2}-\d{2}$/.test(d) && pub !== null && !Number.isNaN(withYear(d, pub))) {
      out.push({ date: iso(withYear(d, pub)), expression: d });
    }
  }
  if (pub === null) return out;
  // Day of the month alone (Chinese 7日, 8号): this month, or last month if still to come.
  if (languageData(lang).dayOfMonthAlone) {
    for (const m of text.matchAll(/(?<![月\d])(\d{1,2})\s*[日号]/g)) {
      const day = Number(m[1]);
      if (day < 1 || day > 31) continue;
      const p = new Date(pub);
      let t = Date.UTC(p.getUTCFullYear(), p.getUTCMonth(), day);
      if (t > pub + DAY) t = Date.UTC(p.getUTCFullYear(), p.getUTCMonth() - 1, day);
      out.push({ date: iso(t), expression: m[0] });
    }
  }
  const words = dayWords(lang);
  for (const [re, offset] of words.relative) {
    const m = re.exec(text);
    if (m) out.push({ date: iso(pub + offset * DAY), expression: m[0] });
  }
  words.weekdays.forEach((re, weekday) => {
    const m = re.exec(text);
    if (m) out.push({ date: iso(lastWeekday(pub, weekday)), expression: m[0] });
  });
  return out;
}

/**
 * The day a report's event happened: the most mentioned resolved date within the week before
 * publication, else the publication date, else the most mentioned date the text states with
 * its own year; null when nothing is known.
 */
export function eventDate(text: string, lang: string, published: string | null): string | null {
  const dates = resolveDates(text, lang, published);
  const pub = published ? parse(published) : null;
  const counts = new Map<string, number>();
  for (const d of dates) {
    const t = parse(d.date);
    if (pub !== null && (t > pub + DAY || t < pub - 7 * DAY)) continue;
    counts.set(d.date, (counts.get(d.date) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (best) return best[0];
  return published;
}
