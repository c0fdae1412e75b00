/**
 * Deadlines: a due date ("by the end of June 2025" → 2025-06-30, "by 31 March 2025", "by April
 * 2027" → 2027-04-30, "by the end of the 2027/28 financial year" → 2028-03-31), a period after
 * an event ("within 18 months of the Ofsted inspection" → P18M after "the Ofsted inspection"),
 * or both in one phrase, which make one deadline ("by the end of May 2022 (within 18 months of
 * the Ofsted inspection)"). A period counted from an event the document dates (the notice's
 * issue, the report's publication, the plan's submission) gets its due date from that date.
 */
import { endOfPeriod, isoDay, lastDayOf, MONTH, monthNumber, validDay, YEAR, YEAR_END } from '../normalise/calendar.js';
import type { DateEntity, DeadlineEntity } from '../record.js';
import { COUNT, countValue, duration, UNIT } from './cadences.js';
import type { TextIndex } from './text-index.js';

const BY = '(?:by(?:\\s+no\\s+later\\s+than)?|before|(?:no|not)\\s+later\\s+than|on\\s+or\\s+before)';
const END_OF = '(?:the\\s+end\\s+of\\s+)';

interface Part {
  start: number;
  end: number;
  due?: string;
  relative?: { every: string; after: string | null; working_days?: boolean };
}

/** A due date as written, before a period that qualifies it is joined to it. */
interface DuePart extends Part {
  due: string;
}

/** The last day of a year that runs over two calendar years ("2027/28"): a financial year ends on 31 March, an academic year on 31 August. */
function endOfSplitYear(first: string, words: string): string {
  const year = Number(first) + 1;
  return /\b(?:academic|school)\s+year\b/i.test(words) ? `${year}-08-31` : `${year}-03-31`;
}

/** Due dates: a day, the end of a month (written with "the end of" or alone), of a year, or of a financial or academic year. */
const DUE_PATTERNS: Array<[RegExp, (m: RegExpExecArray) => string | null]> = [
  [new RegExp(`\\b${BY}\\s+${END_OF}?(?:the\\s+)?(?:(?:financial|academic|school)\\s+year\\s+)?(${YEAR})\\s*[/\u2013-]\\s*(\\d{2})(?!\\d)(?:\\s+(?:financial|academic|school)\\s+year)?`, 'gi'), (m) => endOfSplitYear(m[1], m[0])],
  [new RegExp(`\\b${BY}\\s+${END_OF}?(${MONTH})\\s+(${YEAR})${YEAR_END}`, 'gi'), (m) => {
    const month = monthNumber(m[1]);
    return month ? lastDayOf(Number(m[2]), month) : null;
  }],
  [new RegExp(`\\b${BY}\\s+${END_OF}(${YEAR})${YEAR_END}`, 'gi'), (m) => `${m[1]}-12-31`],
  [new RegExp(`\\b${BY}\\s+(?:the\\s+)?([12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH}),?\\s+(${YEAR})${YEAR_END}`, 'gi'), (m) => {
    const [day, month, year] = [Number.parseInt(m[1], 10), monthNumber(m[2]), Number(m[3])];
    return validDay(year, month, day) ? isoDay(year, month, day) : null;
  }],
];

/** "working days" count the days a council works: the unit keeps the word (SPEC, deadlines). */
const WORKING = '(working\\s+|school\\s+)?';

/** "within 18 months of the Ofsted inspection", "no later than 15 months after the report's publication": what the period counts from runs to the clause's end. */
const RELATIVE_PATTERN = new RegExp(
  `\\b(?:within|(?:no|not)\\s+later\\s+than|no\\s+more\\s+than)\\s+(${COUNT})\\s+${WORKING}${UNIT}\\s+(?:of|from|after|following)\\s+([^.,;:()\\n]+?)(?=\\s*(?:[.,;:()\\n]|\\bor\\b|\\band\\b|$))`,
  'gi',
);

/**
 * A time limit set for an action in prose that counts from no event the text names (SPEC,
 * deadlines): "within 70 working days", "a progress report in six months", "12 months to
 * demonstrate improvement". Its `after` is null and it has no due date.
 */
const PROSE_LIMITS: RegExp[] = [
  new RegExp(`\\bwithin\\s+(${COUNT})\\s+${WORKING}${UNIT}\\b(?!\\s+(?:of|from|after|following)\\b)`, 'gi'),
  new RegExp(`\\b(?:report|review|update|plan)s?\\s+in\\s+(${COUNT})\\s+${WORKING}${UNIT}(?:['\u2019]\\s*time)?\\b`, 'gi'),
  new RegExp(`\\b(${COUNT})\\s+${WORKING}${UNIT}\\s+to\\s+(?:demonstrate|show|improve|deliver|make|achieve|complete|submit|address|put)\\b`, 'gi'),
];

/**
 * A time limit given for an action in prose: "the notice … gives the council 12 months to
 * demonstrate improvement", "has given it six months to improve". What gives it is the clause's
 * subject before the verb.
 */
const TIME_GIVEN = new RegExp(`\\b(gives?|gave|given|giving|allows?|allowed|grants?|granted)(\\s+(?:[\\w'\u2019]+\\s+){0,3}?)(${COUNT})\\s+${UNIT}\\s+to\\s+[a-z]+`, 'gi');

/** The events a period may count from, by the words that name them, and the date role that dates them. */
const ANCHORS: Array<[RegExp, string]> = [
  [/\b(?:this|the)\s+(?:improvement\s+)?notice\b|\bthe\s+notice\s+(?:being\s+)?issued\b|\bissue\s+of\s+(?:this|the)\s+(?:improvement\s+)?notice\b/i, 'notice'],
  // An ombudsman's statement is the final decision it speaks of ("within one month of my final decision").
  [/\b(?:the|my|our|this)\s+final\s+decision\b/i, 'decision'],
  [/\bpublication\b|\bpublished\b/i, 'inspection_report_published'],
  [/\bplan\b[^.]*\bsubmi/i, 'plan_submitted'],
];

/** The day an event a period counts from happened, where the document dates it. */
function anchorDate(after: string, dates: DateEntity[]): string | null {
  const anchor = ANCHORS.find(([pattern]) => pattern.test(after))?.[1];
  if (!anchor) return null;
  // The notice's own issue before any other notice's: "this notice" is the document itself.
  const roles = anchor === 'notice' ? ['issued', 'notice_issued'] : anchor === 'decision' ? ['issued'] : [anchor];
  for (const role of roles) {
    const dated = dates.find((d) => d.precision === 'day' && d.role === role);
    if (dated) return dated.value;
  }
  return null;
}

/** What makes a "by" date a time set for an action: something to be done (will, must, should, to submit, is due, expected). */
export const TO_BE_DONE = /\b(?:will|shall|must|should|would|needs?\s+to|has\s+to|have\s+to|is\s+to|are\s+to|due|deadline|expect\w*|aim\w*|plans?\s+to|intend\w*|requir\w*|asked\s+to|agreed\s+to|committed\s+to|to\s+[a-z]+)\b/i;
/** An event told as done: "had fallen", "was completed", "did not meet", "took place". */
export const DONE = /\b(?:had|was|were|did|took|began|came|went|gave|held|became)\b/i;
/**
 * Or someone's verb in the past before the date ("she retired by March 2016", "the inspections
 * we carried out and published by 30 April"); a participle alone, "completed by", may be an order.
 */
const DONE_BEFORE = /\b(?:she|he|they|it|we|I)\s+[a-z]{3,}ed\b/i;
/** Where a clause ends within its sentence: a semicolon, a comma before a conjunction, or before a relative clause about something else ("…, whose services were inspected"). */
const CLAUSE_BREAK = /;|,\s+(?:and|but|while|whereas|although|whose|which|who)\b/g;
/** The roles of the document's own date: a time set for an action cannot have passed when the document was written. */
const OWN_DATE_ROLES = new Set(['issued', 'published', 'signed']);

/** The clause of its sentence that holds the range. */
function clauseAround(index: TextIndex, start: number, end: number): { start: number; end: number } {
  const sentence = index.sentenceAround(start, end);
  const words = index.text.slice(sentence.start, sentence.end);
  const at = start - sentence.start;
  let from = 0;
  let to = words.length;
  for (const m of words.matchAll(CLAUSE_BREAK)) {
    if (m.index + m[0].length <= at) from = m.index + m[0].length;
    else if (m.index >= end - sentence.start) {
      to = m.index;
      break;
    }
  }
  return { start: sentence.start + from, end: sentence.start + to };
}

/**
 * Whether the due date at `at` dates something told as done, not a time set for an action: a past
 * event ("she had retired by March 2016", "by June 2019 caseloads had fallen"), or a day before
 * the document's own date (a time an earlier direction set, now passed).
 */
function pastEvent(index: TextIndex, at: DuePart, ownDate: string | null): boolean {
  if (ownDate && at.due < ownDate) return true;
  const clause = clauseAround(index, at.start, at.end);
  const words = index.text.slice(clause.start, at.start) + ' ' + index.text.slice(at.end, clause.end);
  return !TO_BE_DONE.test(words) && (DONE.test(words) || DONE_BEFORE.test(index.text.slice(clause.start, at.start)));
}

/** Words before a day written without its year that make it a due date: "by 30 June". */
const BY_BEFORE = new RegExp(`\\b${BY}\\s+(?:the\\s+)?$`, 'i');

/**
 * Due days written without their year ("must submit a plan by 30 June"): the year the date
 * recogniser took from the document's own date, where that puts the day after every date the
 * document writes in full (an earlier day may be next year's, and a wrong year is worse than none).
 */
function yearlessDues(index: TextIndex, dates: DateEntity[]): DuePart[] {
  const latestWritten = dates.filter((d) => d.precision === 'day' && !d.inferred).reduce<string | null>((latest, d) => (latest && latest > d.value ? latest : d.value), null);
  return dates.flatMap((d) => {
    if (!d.inferred || d.precision !== 'day' || !latestWritten || d.value < latestWritten) return [];
    const by = BY_BEFORE.exec(index.text.slice(Math.max(0, d.span.start - 40), d.span.start));
    if (!by) return [];
    return [{ start: d.span.start - (by[0].length), end: d.span.start + d.text.replace(/[\s.,;:]+$/, '').length, due: d.value }];
  });
}

/** The column of a table that holds its rows' due dates. */
const DUE_COLUMN = /^(?:due\s+(?:date|by)|date\s+due|deadline|target\s+date|completion\s+date|to\s+be\s+completed\s+by)$/i;

/**
 * The due dates of a table whose last column holds them (an inspection report's requirements with
 * a "Due date" column, an action plan's "Deadline"): the date that ends each row, down to the
 * blank line the table ends at. Read from the lines, not the cells: a row may be set as
 * `requirement<TAB>date`, in aligned columns or as `requirement: date`.
 */
function tableDues(index: TextIndex, dates: DateEntity[]): Part[] {
  return index.segmented.fields.flatMap((header) => {
    const columns = header.value.split('\t');
    if (!DUE_COLUMN.test(columns[columns.length - 1].trim())) return [];
    const dues: Part[] = [];
    let line = index.lineAt(header.span.start);
    while (line.end + 1 < index.text.length) {
      line = index.lineAt(line.end + 1);
      if (index.text.slice(line.start, line.end).trim() === '') break;
      const dated = dates.find((d) => d.precision === 'day' && d.span.start >= line.start && index.text.slice(d.span.end, line.end).trim() === '');
      if (dated) dues.push({ start: dated.span.start, end: dated.span.end, due: dated.value });
    }
    return dues;
  });
}

/**
 * Time limits given in prose that count from a dated event: the giver names its day ("the notice
 * issued on 28 March 2024 gives the council 12 months to …") or is an event the document dates.
 * One given by someone on no dated day ("the minister has given it six months to improve") has
 * no due date, and the record's relative deadline needs what it counts from: it is left out.
 */
function givenTimes(index: TextIndex, dates: DateEntity[]): Part[] {
  return [...index.text.matchAll(TIME_GIVEN)].flatMap((m) => {
    const clause = clauseAround(index, m.index, m.index + m[0].length);
    const giver = index.text.slice(clause.start, m.index).trim();
    if (giver === '') return [];
    const givenOn = dates.find((d) => d.precision === 'day' && d.span.start >= clause.start && d.span.end <= m.index)?.value ?? anchorDate(giver, dates);
    const every = duration(countValue(m[3]), m[4]);
    const due = givenOn && endOfPeriod(givenOn, every);
    if (!due) return [];
    return [{ start: m.index + m[1].length + m[2].length, end: m.index + m[0].length, due, relative: { every, after: giver } }];
  });
}

const workingDays = (written: string | undefined) => (written?.toLowerCase().startsWith('working') ? { working_days: true } : {});

/** Time limits in prose with nothing to count from, where no other deadline holds them and the clause sets them for what is to come. */
function proseLimits(index: TextIndex, found: Part[]): Part[] {
  return PROSE_LIMITS.flatMap((pattern) => [...index.text.matchAll(pattern)]).flatMap((m): Part[] => {
    const at = { start: m.index, end: m.index + m[0].length };
    if (found.some((f) => f.start < at.end && at.start < f.end)) return [];
    const clause = clauseAround(index, at.start, at.end);
    const words = index.text.slice(clause.start, clause.end);
    // "it took 12 months to recruit": a time told as spent is none set.
    if (!TO_BE_DONE.test(words.replace(m[0], ' ')) && DONE.test(words)) return [];
    found.push(at);
    return [{ ...at, relative: { every: duration(countValue(m[1]), m[3]), after: null, ...workingDays(m[2]) } }];
  });
}

/** `dates` are the document's dates, for periods that count from a dated event. */
export function recogniseDeadlines(index: TextIndex, dates: DateEntity[]): DeadlineEntity[] {
  const text = index.text;
  const ownDate = dates.find((d) => d.precision === 'day' && d.role !== null && OWN_DATE_ROLES.has(d.role))?.value ?? null;
  const taken: Part[] = [];
  const written: DuePart[] = DUE_PATTERNS.flatMap(([pattern, read]) =>
    [...text.matchAll(pattern)].flatMap((m) => {
      const at = { start: m.index, end: m.index + m[0].length };
      if (taken.some((t) => t.start < at.end && at.start < t.end)) return [];
      const due = read(m as RegExpExecArray);
      if (!due) return [];
      taken.push(at);
      return [{ ...at, due }];
    }),
  );
  const dues: Part[] = [...written, ...yearlessDues(index, dates)].filter((part) => {
    if (!pastEvent(index, part, ownDate)) return true;
    index.note('deadlines', 'past_event', `"${text.slice(part.start, part.end)}" dates something told as done, not a time set for an action`, part);
    return false;
  });
  dues.push(...tableDues(index, dates));
  const relatives: Part[] = [...text.matchAll(RELATIVE_PATTERN)].map((m) => {
    const every = duration(countValue(m[1]), m[3]);
    const after = m[4].trim();
    // Working days are no calendar period: the due date is left to a reader who knows the holidays.
    const from = m[2] ? null : anchorDate(after, dates);
    if (!from) index.note('deadlines', 'anchor_undated', `"${m[0]}" counts from "${after}", which the document does not date${m[2] ? ' in calendar days' : ''}`, { start: m.index, end: m.index + m[0].length });
    return { start: m.index, end: m.index + m[0].length, relative: { every, after, ...workingDays(m[2]) }, due: from ? (endOfPeriod(from, every) ?? undefined) : undefined };
  });

  relatives.push(...givenTimes(index, dates));
  relatives.push(...proseLimits(index, [...relatives, ...dues]));

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
    .map((part) => ({ ...index.entity(part.start, part.end), due: part.due ?? null, relative: part.relative ?? null }));
}
