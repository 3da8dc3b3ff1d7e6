import { InvalidArgumentError } from 'commander';

/**
 * Argument parsers shared by the commands. They throw commander's InvalidArgumentError, so a
 * bad value is a usage error with commander's message (naming the option) and exit 1.
 */

export function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidArgumentError('expected a date like 2020-10-05');
  }
  return value;
}

/** 1, 2, 3, …: a count that cannot be none (`--commit-every`). */
export function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) {
    throw new InvalidArgumentError('expected a whole number above 0');
  }
  return n;
}

/** 0, 1, 2, …: `--orders 0` means none. */
export function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
  return n;
}
