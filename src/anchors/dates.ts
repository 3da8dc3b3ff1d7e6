import { languageData, languages } from '../lang/index.ts';
import { asciiDigits } from './numbers.ts';

/**
 * Date expressions as anchors: full dates `2020-10-05`, day-and-month without a year
 * `--10-05`, and bare years `2020`. Resolution of relative expressions against the
 * publication date belongs to the event-knowledge stage; here we only read what is written.
 */

/** Month names and abbreviations of every language that has them (src/lang/) -> 1..12. */
const MONTHS: Record<string, number> = {};
for (const d of languages()) {
  for (const table of [d.calendar?.months, d.calendar?.monthAbbreviations]) {
    table?.forEach((forms, i) => forms.forEach((n) => (MONTHS[n] = i + 1)));
  }
}
const MONTH_RE = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

const NUMERIC_DATES: readonly RegExp[] = languages().flatMap((d) =>
  d.numericDate
    ? [
        new RegExp(
          `(\\d{1,2})\\s+${d.numericDate.month}\\s+(\\d{1,2})(?:\\s+${d.numericDate.year}\\s+(\\d{4}))?`,
          'giu',
        ),
      ]
    : [],
);

const pad = (n: number) => String(n).padStart(2, '0');

function ymd(y: number | null, m: number, d: number | null): string | null {
  if (m < 1 || m > 12) return null;
  if (d !== null && (d < 1 || d > 31)) return null;
  if (y !== null && (y < 1900 || y > 2100)) return null;
  if (d === null) return y === null ? null : `${y}-${pad(m)}`;
  return `${y === null ? '-' : y}-${pad(m)}-${pad(d)}`;
}

export function dateAnchors(rawText: string, lang: string): string[] {
  const text = asciiDigits(rawText);
  const data = languageData(lang);
  const out = new Set<string>();
  const add = (v: string | null) => v && out.add(v);
  let m: RegExpExecArray | null;

  const iso = /\b(19\d\d|20\d\d)-(\d\d)-(\d\d)\b/g;
  while ((m = iso.exec(text))) add(ymd(+m[1], +m[2], +m[3]));

  // 13/3, 13/3/2005, 13.03.2005 — day first, except where the language writes month first.
  const slash = /(?<![\d/.])(\d{1,2})[/.](\d{1,2})(?:[/.](\d{4}))?(?![\d/]|\.\d)/g;
  while ((m = slash.exec(text))) {
    // Without a year, `16.5` is a decimal (a score, `16.5-10.5`); `16.05` or `16.5.` is a date,
    // and some languages (English) never write a date that way.
    const dotted = m[0][m[1].length] === '.';
    const trailingDot = text[m.index + m[0].length] === '.';
    if (dotted && !m[3] && (data.noDottedDates || (m[2].length < 2 && !trailingDot))) continue;
    let [d, mo] = [+m[1], +m[2]];
    if (data.monthFirstDates && mo > 12 === false && d <= 12 && m[3]) [d, mo] = [mo, d];
    add(ymd(m[3] ? +m[3] : null, mo, d));
  }
  // Chinese and Japanese: 2020年10月5日, 10月5日
  const cjk = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号號]/g;
  while ((m = cjk.exec(text))) add(ymd(m[1] ? +m[1] : null, +m[2], +m[3]));
  // Day first with month and year words (Vietnamese: ngày 5 tháng 10 năm 2020, 5 tháng 10).
  for (const re of NUMERIC_DATES) {
    while ((m = re.exec(text))) add(ymd(m[3] ? +m[3] : null, +m[2], +m[1]));
  }
  // 5 October 2020, October 5, 2020, 5 октября
  const dayMonth = new RegExp(
    `\\b(\\d{1,2})(?:st|nd|rd|th|er)?\\.?\\s+(?:de\\s+)?(${MONTH_RE})\\.?(?:\\s+(?:de\\s+)?(\\d{4}))?`,
    'giu',
  );
  while ((m = dayMonth.exec(text)))
    add(ymd(m[3] ? +m[3] : null, MONTHS[m[2].toLowerCase()], +m[1]));
  const monthDay = new RegExp(
    `\\b(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`,
    'giu',
  );
  while ((m = monthDay.exec(text)))
    add(ymd(m[3] ? +m[3] : null, MONTHS[m[1].toLowerCase()], +m[2]));

  const years = /(?<!\d)(19[5-9]\d|20\d\d)(?!\d)/g;
  while ((m = years.exec(text))) out.add(m[1]);
  return [...out].sort();
}
