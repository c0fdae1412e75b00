/**
 * Dates and date ranges, in every way the documents write them: "Monday 9 June 2025",
 * "21st January 2022", "Thursday May 8th 2025", "09/06/2025" (UK day-first), "October 2021",
 * a year alone where the wording makes it a date ("in 2018"), a day and month whose year comes
 * from context ("On 7th June we received"), and ranges ("between the 13 and 24 January 2025").
 *
 * Why hand-written patterns rather than chrono-node (en-GB): measured on the five seeds' gold
 * day-precision dates (the .txt inputs), chrono found 16 of 17 and gave 4 false ones (P 0.80,
 * R 0.94, F1 0.86): it misses the start of a "between the D and D Month Year" range, reads "now" as
 * today and the "end of Month Year" of a deadline as a date, and the year of "On Dth June" comes
 * from a reference date rather than the text. It also offers no way to keep "2024-2025" or
 * "Children Act 2004" out short of post-filtering. The patterns below score F1 1.000 there and
 * on fixtures/recognise/, with exact spans, and the roles and year-from-context logic would be
 * needed on top of chrono anyway.
 */
import { linesOf, type Line, type NormalisedDocument } from '../normalise/index.js';
import type { DateEntity, DateRangeEntity, DocumentKind } from '../record.js';
import { entityAt, overlaps } from './spans.js';

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Month names and their usual abbreviations ("Sept", "Dec."), longest first so "June" beats "Jun". */
export const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const YEAR = '(?:19|20)\\d{2}';
/** Not followed by more of a number or a further year: "2024-2025" and "2024/25" are financial years. */
const YEAR_END = '(?![\\d])(?!\\s*[-\u2013/]\\s*\\d{2})';

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

function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
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

/** The English weekday of an ISO day-precision date. */
export function weekdayOf(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
}

const dayNumber = (written: string) => Number.parseInt(written, 10);

function fullYear(written: string): number {
  const n = Number.parseInt(written, 10);
  if (written.length === 4) return n;
  // Two-digit years in these documents are this century's ("05/03/24").
  return n < 70 ? 2000 + n : 1900 + n;
}

interface Found {
  start: number;
  end: number;
  value: string;
  precision: DateEntity['precision'];
  weekday: string | null;
  inferred: boolean;
}

interface FoundRange {
  start: number;
  end: number;
  startValue: string;
  endValue: string;
}

type DateReader = (match: RegExpExecArray) => Omit<Found, 'start' | 'end' | 'inferred'> | null;

/** A day-precision value, or null where the day does not exist (31 February). */
function dayValue(year: number, month: number, day: number, weekday: string | undefined): Omit<Found, 'start' | 'end' | 'inferred'> | null {
  if (!validDay(year, month, day)) return null;
  return { value: isoDay(year, month, day), precision: 'day', weekday: weekday ?? null };
}

const weekdayPrefix = `(?:(${WEEKDAY}),?\\s+(?:the\\s+)?)?`;

/** Patterns for dates that carry their own year, most specific first. */
const DATED_PATTERNS: Array<[RegExp, DateReader]> = [
  // Monday 9 June 2025 · 21st January 2022 · 7th of June, 2025
  [new RegExp(`\\b${weekdayPrefix}(${DAY})\\s+(?:of\\s+)?(${MONTH}),?\\s+(${YEAR})${YEAR_END}`, 'gi'), (m) => dayValue(fullYear(m[4]), monthNumber(m[3]), dayNumber(m[2]), m[1])],
  // Thursday May 8th 2025 · May 8, 2025
  [new RegExp(`\\b${weekdayPrefix}(${MONTH})\\s+(${DAY}),?\\s+(${YEAR})${YEAR_END}`, 'gi'), (m) => dayValue(fullYear(m[4]), monthNumber(m[2]), dayNumber(m[3]), m[1])],
  // 2024-03-05
  [/\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/g, (m) => dayValue(Number(m[1]), Number(m[2]), Number(m[3]), undefined)],
  // 09/06/2025 · 9.6.2025 · 09/06/25: day first, as UK documents write them
  [new RegExp(`(?<![\\d./])${weekdayPrefix}(\\d{1,2})([/.])(\\d{1,2})\\3(\\d{4}|\\d{2})(?![\\d/.]\\d)`, 'gi'), (m) => dayValue(fullYear(m[5]), Number(m[4]), Number(m[2]), m[1])],
  // December 2023
  [new RegExp(`\\b(${MONTH}),?\\s+(${YEAR})${YEAR_END}`, 'gi'), (m) => {
    const month = monthNumber(m[1]);
    return month ? { value: isoMonth(fullYear(m[2]), month), precision: 'month', weekday: null } : null;
  }],
  // A year alone only after words that make it a time ("in 2018", "since 2019"); "Children Act
  // 2004" and "2024-2025" are not dates.
  [new RegExp(`(?<=\\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Bb]y|[Uu]ntil|[Ff]rom|[Bb]efore|[Aa]fter|[Ss]ummer|[Ss]pring|[Aa]utumn|[Ww]inter|[Ee]arly|[Ll]ate)\\s+)(${YEAR})${YEAR_END}(?!\\s*(?:%|children|people|pupils|staff|cases))`, 'g'), (m) => ({ value: m[1], precision: 'year', weekday: null })],
];

/** Day and month without a year: the year comes from context. Capitalised months only ("may" is a verb). */
const YEARLESS_PATTERNS: Array<[RegExp, (m: RegExpExecArray) => { month: number; day: number; weekday: string | null }]> = [
  [new RegExp(`\\b${weekdayPrefix}(${DAY})\\s+(?:of\\s+)?(${MONTH})(?![a-z])(?!,?\\s*(?:${YEAR}|\\d))`, 'g'), (m) => ({ month: monthNumber(m[3]), day: dayNumber(m[2]), weekday: m[1] ?? null })],
  [new RegExp(`\\b${weekdayPrefix}(${MONTH})\\s+(\\d{1,2}(?:st|nd|rd|th))(?![\\d.])(?!,?\\s*${YEAR})`, 'g'), (m) => ({ month: monthNumber(m[2]), day: dayNumber(m[3]), weekday: m[1] ?? null })],
];

/** "and" joins a range only after "between": "on 4 and 22 December" names two days. */
const RANGE_JOIN = '(?:\\s*[-\u2013\u2014]\\s*|\\s+(?:to|until|till|and)\\s+)(?:the\\s+)?';
const joinsByAnd = (m: RegExpExecArray) => /\sand\s/i.test(m[0]) && !/^between\b/i.test(m[0]);
const RANGE_PREFIX = '(?:(?:between|from)\\s+(?:the\\s+)?)?';

/** Ranges: same month ("13 and 24 January 2025", "13-24 January"), or two months ("9 October to 2 November 2017"). */
const RANGE_PATTERNS: Array<[RegExp, (m: RegExpExecArray) => { start: string; end: string } | null]> = [
  [new RegExp(`\\b${RANGE_PREFIX}(${DAY})${RANGE_JOIN}(${DAY})\\s+(?:of\\s+)?(${MONTH}),?\\s+(${YEAR})${YEAR_END}`, 'gi'), (m) => {
    if (joinsByAnd(m)) return null;
    const year = fullYear(m[4]);
    const month = monthNumber(m[3]);
    const [from, to] = [dayNumber(m[1]), dayNumber(m[2])];
    if (!validDay(year, month, from) || !validDay(year, month, to) || from >= to) return null;
    return { start: isoDay(year, month, from), end: isoDay(year, month, to) };
  }],
  [new RegExp(`\\b${RANGE_PREFIX}(${DAY})\\s+(?:of\\s+)?(${MONTH})(?:,?\\s+(${YEAR}))?${RANGE_JOIN}(${DAY})\\s+(?:of\\s+)?(${MONTH}),?\\s+(${YEAR})${YEAR_END}`, 'gi'), (m) => {
    if (joinsByAnd(m)) return null;
    const endYear = fullYear(m[6]);
    const [fromMonth, toMonth] = [monthNumber(m[2]), monthNumber(m[5])];
    // "9 November to 2 January 2018" runs over the turn of the year.
    const startYear = m[3] ? fullYear(m[3]) : fromMonth > toMonth ? endYear - 1 : endYear;
    const [from, to] = [dayNumber(m[1]), dayNumber(m[4])];
    if (!validDay(startYear, fromMonth, from) || !validDay(endYear, toMonth, to)) return null;
    const start = isoDay(startYear, fromMonth, from);
    const end = isoDay(endYear, toMonth, to);
    return start < end ? { start, end } : null;
  }],
];

/**
 * The first day of "on 2 and 3 July 2024" (two days, not a range: no "between"): the entity is
 * the day as written, its month and year taken from the date that follows (`inferred`).
 */
const SHARED_MONTH = new RegExp(`(?<!\\bbetween\\s+(?:the\\s+)?)\\b(${DAY})(?=\\s+(?:and|&)\\s+(?:the\\s+)?(${DAY})\\s+(?:of\\s+)?(${MONTH}),?\\s+(${YEAR})${YEAR_END})`, 'gi');

/** The lone line of a date, by document kind: a cabinet report's meeting, a press release's publication. */
const LONE_LINE_ROLE: Partial<Record<DocumentKind, string>> = { cabinet_report: 'meeting', press_release: 'published' };

interface RoleRule {
  /** `window` runs from the previous date (or the sentence's start) to this one; `sentence` from the sentence's start. */
  role: (window: string, sentence: string) => string | null;
  /** The word that, nearest before the date, decides the role. */
  trigger: RegExp;
}

/**
 * Roles read from the words just before a date in its own sentence: the nearest trigger wins,
 * and the rest of the sentence refines it ("published" of a report is the inspection report's,
 * also where the report is named before another date: "the inspection of 2 to 13 September
 * 2024, published on 25/10/2024").
 */
const ROLE_RULES: RoleRule[] = [
  { trigger: /\b(?:published|dated)\b|\breport\s+(?:of|on)\s*$/gi, role: (_, s) => (/\b(?:report|inspection)\b/i.test(s) ? 'inspection_report_published' : 'published') },
  // "the Ofsted inspection of 2 to 13 September 2024", "Inspection dates: 11 January to 4 February 2016"
  { trigger: /\binspection(?:\s+(?:dates?|period))?\s*(?:of|on|:|held|in)?\s*$/gi, role: () => 'inspection' },
  { trigger: /\b(?:issued|served|given)\b/gi, role: (w) => (/\bthis\s+(?:improvement\s+)?notice\b/i.test(w) ? 'issued' : /\bnotice\b/i.test(w) ? 'notice_issued' : null) },
  { trigger: /\bsubmitted\b/gi, role: (w) => (/\bplan\b/i.test(w) ? 'plan_submitted' : null) },
  { trigger: /\bsigned\b/gi, role: () => 'signed' },
  { trigger: /\b(?:took place|carried out|inspected)\b/gi, role: (w) => (/\b(?:inspect\w*|visit)\b/i.test(w) ? 'inspection' : null) },
  // "Cabinet, 17 July", "Cabinet – 18 July 2018", "the meeting held on …"
  { trigger: /\b(?:cabinet|committee|meeting(?: of| on| held)?)\s*[,:\u2013\u2014-]?\s*(?:on\s+)?$/gi, role: () => 'meeting' },
];

function sentenceStart(line: Line, offset: number, text: string): number {
  let start = line.start;
  const before = text.slice(line.start, offset);
  for (const m of before.matchAll(/[.!?]\s+(?=[A-Z(])/g)) start = line.start + m.index + m[0].length;
  return start;
}

function roleFromWindow(window: string, sentence: string): string | null {
  let best: { end: number; role: string | null } | null = null;
  for (const rule of ROLE_RULES) {
    for (const m of window.matchAll(rule.trigger)) {
      const end = m.index + m[0].length;
      if (!best || end >= best.end) best = { end, role: rule.role(window, sentence) };
    }
  }
  return best?.role ?? null;
}

/**
 * A date after a short label that opens its line ("Date of meeting: 12 March 2025", "Meeting
 * date:\tJune 5, 2024", "Posted on 3rd May 2023", "Date of issue:\t26 October 2015"): the
 * label names the role; a bare "Date:" is the kind's own date, as a lone date line is.
 */
const LABEL = /^\W*([A-Za-z][A-Za-z ]{0,30}?)\s*(?::|\t|\bon\b)\s*$/;
const LABEL_ROLES: Array<[RegExp, (kind: DocumentKind) => string | null]> = [
  [/\b(?:meeting|committee|cabinet)\b/i, () => 'meeting'],
  [/\bissue[sd]?\b/i, (kind) => (kind === 'improvement_notice' ? 'issued' : 'notice_issued')],
  [/\b(?:published|publication|posted)\b/i, () => 'published'],
  [/^date$/i, (kind) => LONE_LINE_ROLE[kind] ?? null],
];

function labelRole(label: string, kind: DocumentKind): string | null {
  const written = LABEL.exec(label)?.[1];
  if (!written) return null;
  return LABEL_ROLES.find(([pattern]) => pattern.test(written))?.[1](kind) ?? null;
}

/** A "Date:" or "Dated:" line within a few lines after "Signed": the signature block's date. */
function isSignatureDate(lines: Line[], lineIndex: number, text: string, start: number): boolean {
  const label = text.slice(lines[lineIndex].start, start);
  if (!/^\W*Dated?\s*:?\s*$/i.test(label)) return false;
  return lines.slice(Math.max(0, lineIndex - 3), lineIndex + 1).some((line) => /^\W*Signed\b/i.test(line.text));
}

function lineIndexAt(lines: Line[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function collect<T extends { start: number; end: number }>(text: string, pattern: RegExp, read: (m: RegExpExecArray) => Omit<T, 'start' | 'end'> | null, taken: Array<{ start: number; end: number }>): T[] {
  const found: T[] = [];
  for (const m of text.matchAll(pattern)) {
    const at = { start: m.index, end: m.index + m[0].length };
    if (taken.some((t) => overlaps(t, at))) continue;
    const value = read(m as RegExpExecArray);
    if (!value) continue;
    found.push({ ...value, ...at } as T);
    taken.push(at);
  }
  return found;
}

export interface RecognisedDates {
  dates: DateEntity[];
  ranges: DateRangeEntity[];
}

export function recogniseDates(doc: NormalisedDocument, kind: DocumentKind): RecognisedDates {
  const text = doc.text;
  const taken: Array<{ start: number; end: number }> = [];
  const ranges = RANGE_PATTERNS.flatMap(([pattern, read]) =>
    collect<FoundRange>(text, pattern, (m) => {
      const range = read(m);
      return range && { startValue: range.start, endValue: range.end };
    }, taken),
  );
  const sharingMonth = collect<Found>(text, SHARED_MONTH, (m) => {
    const year = fullYear(m[4]);
    const month = monthNumber(m[3]);
    const value = dayValue(year, month, dayNumber(m[1]), undefined);
    return value && { ...value, inferred: true };
  }, taken);
  const dated = [...sharingMonth, ...DATED_PATTERNS.flatMap(([pattern, read]) => collect<Found>(text, pattern, (m) => {
    const value = read(m);
    return value && { ...value, inferred: false };
  }, taken))];
  dated.sort((a, b) => a.start - b.start);

  const yearless = YEARLESS_PATTERNS.flatMap(([pattern, read]) =>
    collect<Found>(text, pattern, (m) => {
      const { month, day, weekday } = read(m);
      const year = contextYear(dated, m.index);
      if (year === null || !validDay(year, month, day)) return null;
      return { value: isoDay(year, month, day), precision: 'day', weekday, inferred: true };
    }, taken),
  );

  const lines = linesOf(text);
  const all = [...dated, ...yearless].sort((a, b) => a.start - b.start);
  const ends = [...all, ...ranges].map((f) => f.end).sort((a, b) => a - b);
  const previousEnd = (start: number) => ends.filter((end) => end <= start).pop() ?? 0;

  const roleAt = (start: number, end: number): string | null => {
    const lineIndex = lineIndexAt(lines, start);
    const line = lines[lineIndex];
    if (isSignatureDate(lines, lineIndex, text, start)) return 'signed';
    if (text.slice(line.start, line.end).trim() === text.slice(start, end) && LONE_LINE_ROLE[kind]) return LONE_LINE_ROLE[kind] ?? null;
    const labelled = labelRole(text.slice(line.start, start), kind);
    if (labelled) return labelled;
    const sentenceFrom = sentenceStart(line, start, text);
    const role = roleFromWindow(text.slice(Math.max(sentenceFrom, previousEnd(start)), start), text.slice(sentenceFrom, start));
    if (role) return role;
    // "In December 2023, the service was inspected by Ofsted": the verb follows the date.
    const after = text.slice(end, line.end).split(/[.!?](?:\s|$)/)[0];
    return /^[^.]{0,80}\bwas inspected\b/i.test(after) ? 'inspection' : null;
  };

  return {
    dates: all.map((f) => ({ ...entityAt(doc, f.start, f.end), value: f.value, precision: f.precision, role: roleAt(f.start, f.end), inferred: f.inferred, weekday: f.weekday })),
    ranges: ranges
      .sort((a, b) => a.start - b.start)
      .map((r) => ({ ...entityAt(doc, r.start, r.end), start: r.startValue, end: r.endValue, role: roleAt(r.start, r.end) })),
  };
}

/** The year of the nearest date written before the offset, else of the nearest after; null if none. */
function contextYear(dated: Found[], offset: number): number | null {
  const before = dated.filter((f) => f.end <= offset).pop();
  const after = dated.find((f) => f.start >= offset);
  const source = before ?? after;
  return source ? Number(source.value.slice(0, 4)) : null;
}
