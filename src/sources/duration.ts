import { BabelwireError } from '../errors.ts';

const UNITS = [
  ['d', 86_400],
  ['h', 3_600],
  ['m', 60],
  ['s', 1],
] as const;

const DURATION = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/**
 * Seconds in a duration such as `90s`, `10m`, `1h`, `2d` or `1h30m` (units largest first).
 * Anything else, a bare number or zero is E_USAGE.
 */
export function parseDuration(text: string): number {
  const t = text.trim().toLowerCase();
  const m = DURATION.exec(t);
  const seconds = m ? UNITS.reduce((sum, [, unit], i) => sum + Number(m[i + 1] ?? 0) * unit, 0) : 0;
  if (!m || t === '' || !Number.isSafeInteger(seconds) || seconds <= 0) {
    throw new BabelwireError(
      'E_USAGE',
      `invalid duration "${text}": use a whole number and a unit, e.g. 90s, 10m, 1h, 2d or 1h30m`,
    );
  }
  return seconds;
}

/** The shortest form `parseDuration` reads back: 600 → `10m`, 5400 → `1h30m`, 0 → `0s`. */
export function formatDuration(seconds: number): string {
  let rest = Math.max(0, Math.round(seconds));
  if (rest === 0) return '0s';
  let out = '';
  for (const [name, unit] of UNITS) {
    const n = Math.floor(rest / unit);
    if (n > 0) out += `${n}${name}`;
    rest -= n * unit;
  }
  return out;
}
