/** Small formatting helpers shared by the pages. */

/** Languages offered for titles (the demo's and the packs'). */
export const UI_LANGUAGES = [
  'ar',
  'de',
  'en',
  'es',
  'fa',
  'fr',
  'he',
  'id',
  'ja',
  'ko',
  'ms',
  'pt',
  'ru',
  'tr',
  'uk',
  'vi',
  'zh',
];

const names = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' });
  } catch {
    return null;
  }
})();

export function languageName(code: string): string {
  const name = names?.of(code);
  return name && name !== code ? `${name} (${code})` : code;
}

/** `2026-09-03`, `2026-08-04 – 2026-10-03`, or `undated`. */
export function dateSpan(
  first: string | null | undefined,
  last: string | null | undefined,
): string {
  if (!first && !last) return 'undated';
  if (!last || first === last) return String(first ?? last);
  if (!first) return String(last);
  return `${first} – ${last}`;
}

export function number(n: number): string {
  return Number.isInteger(n)
    ? n.toLocaleString('en')
    : n.toLocaleString('en', { maximumFractionDigits: 2 });
}

export function range(min: number, max: number): string {
  return min === max ? number(min) : `${number(min)}–${number(max)}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** An event's reports, and how many of them are copies of others when any are. */
export function reportCount(reports: number, copies = 0): string {
  if (!copies) return plural(reports, 'report');
  return `${plural(reports - copies, 'report')} + ${plural(copies, 'copy', 'copies')}`;
}

/** A timestamp as local date and time, short. */
export function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
