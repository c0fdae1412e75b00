/**
 * The calendar as English documents write it, shared by every stage that reads dates: month
 * and weekday names with their abbreviations, and the arithmetic of ISO dates. One table, so
 * that the date recogniser, the deadline reader and the name reader (which must not take
 * "March" or "Monday" for part of a name) agree on what a month is.
 */

export const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const;
export const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** Month names and their usual abbreviations ("Sept", "Dec."), longest first so "June" beats "Jun". */
export const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
export const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)';
/** A day of the month as written: "5", "05", "5th", "31st". */
export const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
/** A four-digit year of the documents' era. */
export const YEAR = '(?:19|20)\\d{2}';
/** Not followed by more of a number or a further year: "2024-2025" and "2024/25" are spans of years ("2023 - 06:00" is a time). */
export const YEAR_END = '(?![\\d])(?!\\s*[-\u2013/]\\s*\\d{2}(?![:.]\\d{2}))';

/** A whole date as a header, dateline or signature writes it: "Tuesday 14 November 2024", "14th Nov 2024", "14/11/2024". */
export const WRITTEN_DATE = `(?:${WEEKDAY},?\\s+)?${DAY}\\s+${MONTH},?\\s+${YEAR}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}`;

/** 1-based month of a written month name or abbreviation, or 0. */
export function monthNumber(word: string): number {
  const key = word.toLowerCase().replace(/\.$/, '');
  return MONTH_NAMES.findIndex((name) => name.startsWith(key) && key.length >= 3) + 1;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDay(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function isoMonth(year: number, month: number): string {
  return `${year}-${pad(month)}`;
}

export function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The last day of a month, as an ISO date. */
export function lastDayOf(year: number, month: number): string {
  return isoDay(year, month, daysInMonth(year, month));
}

/** The ISO date `months` months after `iso` (day clamped to the month's end). */
export function addMonths(iso: string, months: number): string {
  const [year, month, day] = iso.split('-').map(Number);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return isoDay(y, m, Math.min(day, daysInMonth(y, m)));
}

/** The ISO date `days` days after `iso`. */
export function addDays(iso: string, days: number): string {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The date a period of `every` (ISO duration: days, weeks, months or years) after `from` ends. */
export function endOfPeriod(from: string, every: string): string | null {
  const m = /^P(\d+)([DWMY])$/.exec(every);
  if (!m) return null;
  const count = Number(m[1]);
  if (m[2] === 'D' || m[2] === 'W') return addDays(from, count * (m[2] === 'W' ? 7 : 1));
  return addMonths(from, count * (m[2] === 'Y' ? 12 : 1));
}

/** The English weekday of an ISO day-precision date. */
export function weekdayOf(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  const name = WEEKDAY_NAMES[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return name[0].toUpperCase() + name.slice(1);
}

/** A year as written, two digits read as this century's or the last ("05/03/24" is 2024). */
export function fullYear(written: string): number {
  const n = Number.parseInt(written, 10);
  if (written.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}
