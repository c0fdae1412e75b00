/**
 * Deadlines: a due date ("by the end of June 2025" → 2025-06-30, "by 31 March 2025"), a
 * period after an event ("within 18 months of the Ofsted inspection" → P18M after "the Ofsted
 * inspection"), or both in one phrase, which make one deadline ("by the end of May 2022
 * (within 18 months of the Ofsted inspection)"). A period counted from "this notice" gets its
 * due date from the notice's issue date.
 */
import type { NormalisedDocument } from '../normalise/index.js';
import type { DeadlineEntity } from '../record.js';
import { COUNT, countValue, duration, UNIT } from './cadences.js';
import { addDays, addMonths, daysInMonth, isoDay, MONTH, monthNumber } from './dates.js';
import { entityAt } from './spans.js';

const YEAR = '((?:19|20)\\d{2})(?![\\d])(?!\\s*[-\u2013/]\\s*\\d{2})';
const BY = '(?:by|before|no\\s+later\\s+than|not\\s+later\\s+than)';

interface Part {
  start: number;
  end: number;
  due?: string;
  relative?: { every: string; after: string };
}

/** Due dates: the end of a month or year, or a day. */
const DUE_PATTERNS: Array<[RegExp, (m: RegExpExecArray) => string | null]> = [
  [new RegExp(`\\b${BY}\\s+the\\s+end\\s+of\\s+(${MONTH})\\s+${YEAR}`, 'gi'), (m) => {
    const month = monthNumber(m[1]);
    const year = Number(m[2]);
    return month ? isoDay(year, month, daysInMonth(year, month)) : null;
  }],
  [new RegExp(`\\b${BY}\\s+the\\s+end\\s+of\\s+${YEAR}`, 'gi'), (m) => `${m[1]}-12-31`],
  [new RegExp(`\\b${BY}\\s+(?:the\\s+)?([12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH}),?\\s+${YEAR}`, 'gi'), (m) => {
    const [day, month, year] = [Number.parseInt(m[1], 10), monthNumber(m[2]), Number(m[3])];
    return month && day <= daysInMonth(year, month) ? isoDay(year, month, day) : null;
  }],
];

/** "within 18 months of the Ofsted inspection": what the period counts from runs to the clause's end. */
const RELATIVE_PATTERN = new RegExp(`\\bwithin\\s+(${COUNT})\\s+${UNIT}\\s+(?:of|from|after)\\s+([^.,;:()\\n]+?)(?=\\s*(?:[.,;:()\\n]|\\bor\\b|\\band\\b|$))`, 'gi');

/** The date a period of `every` (ISO duration: days, weeks, months or years) after `from` ends. */
function endOfPeriod(from: string, every: string): string | null {
  const m = /^P(\d+)([DWMY])$/.exec(every);
  if (!m) return null;
  const count = Number(m[1]);
  if (m[2] === 'D' || m[2] === 'W') return addDays(from, count * (m[2] === 'W' ? 7 : 1));
  return addMonths(from, count * (m[2] === 'Y' ? 12 : 1));
}

/**
 * `issued` is the document's own issue date, for periods counted from "this notice".
 */
export function recogniseDeadlines(doc: NormalisedDocument, issued: string | null): DeadlineEntity[] {
  const text = doc.text;
  const dues: Part[] = DUE_PATTERNS.flatMap(([pattern, read]) =>
    [...text.matchAll(pattern)].flatMap((m) => {
      const due = read(m as RegExpExecArray);
      return due ? [{ start: m.index, end: m.index + m[0].length, due }] : [];
    }),
  );
  const relatives: Part[] = [...text.matchAll(RELATIVE_PATTERN)].map((m) => {
    const every = duration(countValue(m[1]), m[2]);
    const after = m[3].trim();
    const fromThisDocument = /\bthis\s+(?:improvement\s+)?notice\b/i.test(after);
    return {
      start: m.index,
      end: m.index + m[0].length,
      relative: { every, after },
      due: fromThisDocument && issued ? (endOfPeriod(issued, every) ?? undefined) : undefined,
    };
  });

  // A period written just after a due date, in brackets or after a comma, qualifies that date.
  const merged: Part[] = [];
  const used = new Set<Part>();
  for (const due of dues.sort((a, b) => a.start - b.start)) {
    const qualifier = relatives.find((r) => r.start >= due.end && /^\s*[(,]?\s*$/.test(text.slice(due.end, r.start)));
    if (qualifier) {
      used.add(qualifier);
      const closes = text[qualifier.end] === ')' && text.slice(due.end, qualifier.start).includes('(');
      merged.push({ start: due.start, end: qualifier.end + (closes ? 1 : 0), due: due.due, relative: qualifier.relative });
    } else merged.push(due);
  }
  merged.push(...relatives.filter((r) => !used.has(r)));

  return merged
    .sort((a, b) => a.start - b.start)
    .map((part) => ({ ...entityAt(doc, part.start, part.end), due: part.due ?? null, relative: part.relative ?? null }));
}
