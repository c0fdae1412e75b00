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
import { findPublisher } from '../classify/publisher.js';
import { DAY, fullYear, isoDay, isoMonth, MONTH, monthNumber, validDay, WEEKDAY, weekdayOf, YEAR, YEAR_END } from '../normalise/calendar.js';
import type { Line } from '../normalise/index.js';
import type { DateEntity, DateRangeEntity, DocumentKind } from '../record.js';
import { KINDS } from '../registry.js';
import { DONE, TO_BE_DONE } from './deadlines.js';
import { DisjointRanges, lastIndexAtMost } from './spans.js';
import type { Range, TextIndex } from './text-index.js';

const dayNumber = (written: string) => Number.parseInt(written, 10);

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

/** A month's name written in full and capitalised: where no day or year beside it says it is a date, "may" and "Mar" are words. */
const FULL_MONTH = 'January|February|March|April|May|June|July|August|September|October|November|December';

const weekdayPrefix = `(?:(${WEEKDAY}),?\\s+(?:the\\s+)?)?`;

/** Patterns for dates that carry their own year, most specific first. */
const DATED_PATTERNS: Array<[RegExp, DateReader]> = [
  // Monday 9 June 2025 · 21st January 2022 · 7th of June, 2025
  [new RegExp(`\\b${weekdayPrefix}(${DAY})\\s+(?:of\\s+)?(${MONTH}),?\\s+(${YEAR})${YEAR_END}`, 'gi'), (m) => dayValue(fullYear(m[4]), monthNumber(m[3]), dayNumber(m[2]), m[1])],
  // the 14th day of March 2022: the form of deeds and notices
  [new RegExp(`\\b(${DAY})\\s+day\\s+of\\s+(${MONTH}),?\\s+(${YEAR})${YEAR_END}`, 'gi'), (m) => dayValue(fullYear(m[3]), monthNumber(m[2]), dayNumber(m[1]), undefined)],
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
  // Two months that share the year written once ("September and October 2016", "between November and January 2019"): the SPEC's range of months.
  [new RegExp(`\\b${RANGE_PREFIX}(${FULL_MONTH})${RANGE_JOIN}(${FULL_MONTH}),?\\s+(${YEAR})${YEAR_END}`, 'g'), (m) => {
    const year = fullYear(m[3]);
    const [from, to] = [monthNumber(m[1]), monthNumber(m[2])];
    if (from === to) return null;
    return { start: isoMonth(from > to ? year - 1 : year, from), end: isoMonth(year, to) };
  }],
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
 * The first day of "on 2 and 3 July 2024" or "on Tuesday 2 and Wednesday 3 July" (two days, not
 * a range: no "between"): the entity is the day as written, its month taken from the day that
 * follows, and its year from that day's own or, where it has none, as for any day without one
 * (`inferred`).
 */
const SHARED_MONTH = new RegExp(`\\b${weekdayPrefix}(${DAY})(?=\\s+(?:and|&)\\s+(?:the\\s+)?(?:${WEEKDAY},?\\s+)?(${DAY})\\s+(?:of\\s+)?(${MONTH})(?![a-z])(?:,?\\s+(${YEAR})${YEAR_END})?)`, 'gi');

/**
 * Ranges written without their year ("between 17 and 28 June", "from 22 July to 2 August"): the
 * year is the end's, found as for any day without one (SPEC, "A date without its year").
 */
const YEARLESS_RANGE = new RegExp(`\\b${RANGE_PREFIX}(${DAY})(?:\\s+(?:of\\s+)?(${MONTH})(?![a-z]))?${RANGE_JOIN}(${DAY})\\s+(?:of\\s+)?(${MONTH})(?![a-z])(?!,?\\s*(?:${YEAR}|\\d))`, 'gi');

/** The date a document of a kind is dated by, where it stands alone on its line or opens a dateline (its declaration's `own_date`). */
const ownDateRole = (kind: DocumentKind): string | null => KINDS.get(kind)?.own_date ?? null;

/** Kinds that tell of other documents, dated by their publication or meeting: their "this notice" is the one they tell of. */
const tellsOfOtherDocuments = (kind: DocumentKind) => ['published', 'meeting'].includes(ownDateRole(kind) ?? '') && kind !== 'ofsted_report';

/** Words that put an event before the one the document is about ("a previous notice issued on …"). */
const EARLIER = /\b(?:previous|previously|earlier|former|first|original|prior|last|replac\w*|supersed\w*|withdraw\w*)\b/i;

/**
 * Which notice's issue a date is: this notice's ("This Notice is issued on …") or, where the
 * notice named is another ("the notice that was issued to the Council on 3 March 2015, which
 * is withdrawn", "a previous notice"), the notice's as any document reports it. In a notice,
 * a notice named without either is the notice itself.
 */
function noticeIssue(kind: DocumentKind, words: string, at: number): string {
  // The notice the verb is about: the one named nearest before it, else nearest after it.
  const named = [...words.matchAll(/\b(\w+)\s+(?:improvement\s+)?notice\b/gi)];
  const before = named.filter((m) => m.index < at).pop();
  const nearest = before ?? named.find((m) => m.index >= at);
  // "this notice" is the document itself, except in a page, a release or a report that tells of one ("issued this improvement notice on …").
  if (nearest?.[1].toLowerCase() === 'this') return tellsOfOtherDocuments(kind) ? 'notice_issued' : 'issued';
  // What is said of that notice: from the notice named before it (or the clause's start) to the verb ("… replaces the notice that was issued").
  const earlierMention = before ? named.filter((m) => m.index < before.index).pop() : undefined;
  const said = nearest ? words.slice(earlierMention ? earlierMention.index + earlierMention[0].length : 0, Math.max(nearest.index + nearest[0].length, at)) : words;
  if (EARLIER.test(said)) return 'notice_issued';
  return kind === 'improvement_notice' ? 'issued' : 'notice_issued';
}

/** The things an event may be about; an inspection framework or regime is none. */
const EVENT_NOUN = /\b(notice|direction|report|inspection|plan|letter|visit)s?\b(?!\s+(?:framework|regime|handbook|system)s?\b)/i;

/**
 * The thing nearest before `at` in `words` of those an event may be about; a relative clause
 * between a thing and the verb is about the thing ("The plan that the notice requires went to
 * Ofsted": the plan went).
 */
function nounBefore(words: string, at: number): string | null {
  const relative = new RegExp(`${EVENT_NOUN.source}\\s+(?:that|which)\\s+[^,;.]{1,60}$`, 'i').exec(words.slice(0, at));
  if (relative) return relative[1].toLowerCase();
  const nouns = [...words.slice(0, at).matchAll(new RegExp(EVENT_NOUN.source, 'gi'))];
  return nouns.pop()?.[1].toLowerCase() ?? null;
}

/** The thing nearest after `at` in `words`. */
function nounAfter(words: string, at: number): string | null {
  return EVENT_NOUN.exec(words.slice(at))?.[1].toLowerCase() ?? null;
}

interface RoleContext {
  words: string;
  sentence: string;
  /** The sentences either side of the date's: where a visit or a notice named there is what a pronoun or a bare verb is about. */
  neighbours: string;
  at: number;
  object: string | null;
  kind: DocumentKind;
}

/** Publications that are no inspection's report and not the document: assessments, statistics, plans, strategies. */
const OTHER_PUBLICATION = /^(?:assessments?|statistics|plans?|strategy|strategies|data|figures|survey|accounts|budget|review)$/;

/** A monitoring or focused visit, or Ofsted's letter (which reports one), named where a date's fieldwork is told. */
const VISIT_NAMED = /\b(?:monitoring|focused)\s+visits?\b|\bletter\b/i;

/** "was lifted on …": the thing lifted is the subject named before. */
const PASSIVE_END = /\b(?:was|were|is|are|been|be)\s+(?:lifted|revoked|withdrawn|closed|ended)\b/i;
/** What a letter says that lifts an instrument: it "is lifted", "was no longer needed". */
const LIFTING_WORDS = /\b(?:notice|direction)\b[^.]*\b(?:(?:is|was|be|been|being)\s+(?:lifted|revoked|withdrawn|closed)|no\s+longer\s+(?:needed|required|necessary|in\s+(?:place|force)))\b/i;

/** The verb of a lift or an end acts on a pronoun ("lifted it", "it was revoked"): the instrument named in the sentence or the one before. */
const PRONOUN_OBJECT = /\b(?:it|this|them)\b/i;

interface RoleRule {
  /** The verb (or label word) that says what happened on the date. */
  trigger: RegExp;
  /**
   * The role, from the words of the date's clause (`words`, the trigger at `at`) and what was
   * acted on: `object` is the thing named nearest the verb on the side away from the date
   * ("the notice, dated …", "issued an improvement notice"), else on the other side.
   */
  role: (context: RoleContext) => string | null;
}

/**
 * Roles by the verb of the date's clause, on either side of the date: "published on 8 February
 * 2018", "On 12 January 2024 Ofsted published its report", "The notice, dated 14 March 2022",
 * "The Council received an Improvement Notice on 3 May", "has today (4 April 2019) issued".
 */
const ROLE_RULES: RoleRule[] = [
  // An inspection report's publication, or a visit letter's (SPEC, date roles), is told by a document that is neither.
  // The thing published is the noun just before the verb where one stands there ("the annual assessment, published in …": no inspection's).
  { trigger: /\bpublished\b|\bpublication\b|\bmade\s+public\b/gi, role: ({ sentence, words, at }) => {
    const subject = /\b([a-z]+)\s*,?\s*$/i.exec(words.slice(0, at))?.[1].toLowerCase();
    if (subject && OTHER_PUBLICATION.test(subject)) return null;
    return /\b(?:report|inspection|judgements?|letter|visit)\b/i.test(sentence) ? 'inspection_report_published' : 'published';
  } },
  { trigger: /\breport\s+(?:of|on)\s*$/gi, role: () => 'inspection_report_published' },
  // "the report followed on 20 September", "the letter appeared on Ofsted's website on …"
  { trigger: /\b(?:report|letter)\b[^.;\n]{0,80}?\b(?:followed|appeared|came\s+out)\b/gi, role: () => 'inspection_report_published' },
  { trigger: /\bdated\b/gi, role: ({ object, words, sentence, neighbours, at, kind }) =>
    object === 'notice' ? noticeIssue(kind, words, at)
    : object === 'letter' && LIFTING_WORDS.test(`${sentence} ${neighbours}`) ? 'lifted'
    // A report is an inspection's where the sentence says so; another report's date ("the commissioner's report, dated …") has no role of the table.
    : (object === 'report' || object === 'inspection') && /\b(?:inspection|Ofsted|inspectors?)\b/i.test(sentence) ? 'inspection_report_published'
    : object === 'report' ? null
    : 'published' },
  // "the Ofsted inspection of 2 to 13 September 2024", "Inspection dates: 11 January to 4 February 2016"
  // "the last inspection, in March 2017" (but "since the inspection, on 5 and 6 November", a list of what came since).
  { trigger: /\binspections?(?:\s+(?:dates?|period))?(?:\s*(?:of|on|:|held|in|from)?|,\s*in)\s*$/gi, role: () => 'inspection' },
  // "Ofsted's inspection of the council's services from 9 to 20 September", "… in March 2024"; with
  // "on" the date is rather the verb's before it ("published the report of its inspection of … on …").
  { trigger: /\binspection\s+of\s+[^.;\n]{0,80}?\S(?<!\bon)\s+(?:in\s+)?$/gi, role: () => 'inspection' },
  // "judged inadequate in June 2022", "rated good in March 2019": the judgement's inspection.
  { trigger: /\b(?:judged|rated|graded)\b[^.;\n]{0,40}?\bin\s*$/gi, role: () => 'inspection' },
  // In a notice, "Issued by the Department on …" with nothing else issued is the notice's own issue.
  { trigger: /\b(?:issue[sd]?|issuing|serve[sd]|serving|given|gives|received|imposed)\b/gi, role: ({ object, words, at, kind }) =>
    object === 'notice' || (object === null && kind === 'improvement_notice') ? noticeIssue(kind, words, at)
    : object === 'direction' ? (kind === 'statutory_direction' && /\bthis\s+direction\b/i.test(words) ? 'issued' : 'direction_issued')
    : null },
  { trigger: /\b(?:submitted|sent|provided|presented|went\s+to|passed\s+to)\b/gi, role: ({ object }) => (object === 'plan' ? 'plan_submitted' : null) },
  { trigger: /\bsigned\b/gi, role: () => 'signed' },
  // Fieldwork: a monitoring or focused visit's days are the visit's, an inspection's the inspection's.
  // Inspectors' presence ("spent two weeks with", "were with us from", "were on site between", "the inspection ran from")
  // is an inspection's fieldwork, or a visit's where the sentence or the next names one.
  { trigger: /\b(?:re-?)?inspected\b/gi, role: ({ sentence, neighbours }) => (/\b(?:monitoring|focused)\s+visits?\b/i.test(sentence) || VISIT_NAMED.test(neighbours) && !/\binspection\b/i.test(sentence) ? 'visit' : 'inspection') },
  { trigger: /\b(?:took place|carried out|visited|on\s+site|spent|(?:were|was)\s+(?:with|in|at)|ran|started|began|ended|lasted)\b/gi, role: ({ words, sentence, neighbours, object }) =>
    object === 'inspection' && !/\b(?:monitoring|focused)\s+visits?\b/i.test(words) ? 'inspection'
    // The inspectors as the clause's subject, or "we" in an inspectorate's own account of its inspection.
    : object !== 'inspection' && object !== 'visit' && !/\b(?:inspectors?|Ofsted|HMI|fieldwork)\b/i.test(words) && !(/^\W*we\b/i.test(words) && /\binspection\b/i.test(neighbours)) ? null
    : /\b(?:monitoring|focused)\s+visits?\b/i.test(sentence) || VISIT_NAMED.test(neighbours) ? 'visit' : 'inspection' },
  // "This Direction … takes effect on 20 May 2019", "comes into force on …"
  { trigger: /\b(?:takes?|taking|take|shall\s+have|has|have)\s+effect\s+(?:on|from)\s*$|\bcomes?\s+into\s+force\s+(?:on|from)\s*$/gi, role: () => 'takes_effect' },
  // "The notice will be lifted with effect from 1 August 2018", "closed on …": a notice's end.
  { trigger: /\b(?:lift(?:ed|ing|s)?|clos(?:ed|ing|es?)|revok(?:ed|ing|es?)|withdrawn|removed|ended)\b/gi, role: ({ object, words, sentence, neighbours }) =>
    object === 'notice' || object === 'direction' ? 'lifted'
    : (PRONOUN_OBJECT.test(words) || PASSIVE_END.test(words)) && /\b(?:notice|direction)\b/i.test(`${neighbours} ${sentence}`) ? 'lifted' : null },
  // "The minister wrote to the leader on 17 October. Her letter confirms that the notice … is lifted."
  { trigger: /\bwrote\b|\bletter\b[^.;\n]{0,60}?\bdated\b/gi, role: ({ sentence, neighbours }) => (LIFTING_WORDS.test(`${sentence} ${neighbours}`) ? 'lifted' : null) },
  // "the monitoring visit to … on 9 and 10 June", "a focused visit … from 12 to 14 September": the visit's days.
  // (A range's "from" or "between" is part of the range, so the clause may end without one.)
  { trigger: /\b(?:monitoring|focused)\s+visits?\b[^.\n]{0,120}?(?:\b(?:on|between|from)\s+(?:the\s+)?)?$/gi, role: () => 'visit' },
  // "Cabinet, 17 July", "Cabinet – 18 July 2018", "the meeting held on …"
  { trigger: /\b(?:cabinet|executive|committee|meeting(?: of| on| held| in)?)\s*[,:\u2013\u2014-]?\s*(?:on\s+)?$/gi, role: () => 'meeting' },
  // "a meeting of the full council on …", "its first meeting on …", "Scrutiny Committee - Children and Families - 15 January 2025"
  { trigger: /\bmeeting\b[^.;\n]{0,80}?\b(?:on|in)\s+$|\b(?:cabinet|executive|committee|panel)\b[^.\n]{0,60}?\s[\u2013\u2014-]\s*$/gi, role: () => 'meeting' },
  // A committee's act: "Full Council agreed the budget on …", "confirmed by the Appointments Panel on …", "told at scrutiny in February"
  { trigger: /\b(?:agreed|approved|confirmed|decided|endorsed|considered|received|noted|resolved|met)\b(?<=\b(?:cabinet|executive|full\s+council|committee|panel|board|scrutiny|forum)\b[^.;\n]{0,40}?\b(?:agreed|approved|confirmed|decided|endorsed|considered|received|noted|resolved|met))|\b(?:agreed|approved|confirmed|decided|endorsed|considered)\s+(?:\w+\s+){0,4}?by\s+(?:the\s+)?(?:[\w']+\s+){0,3}(?:cabinet|executive|committee|panel|board|full\s+council)\s+(?:on|in)\s+$|\bat\s+(?:its\s+|the\s+)?(?:scrutiny|cabinet|committee|board)\b[^.;\n]{0,20}?\s(?:on|in)\s+$/gi, role: () => 'meeting' },
  // "the meeting of the Executive to be held on 6 November 2018"
  { trigger: /\bmeeting\b[^.\n]{0,60}?\b(?:held|take\s+place)\s+(?:on\s+)?$/gi, role: () => 'meeting' },
];

/**
 * The role read from the date's clause: the verb nearest before the date decides; with none
 * before, the nearest after it ("On 2 May 2023 the Minister issued an improvement notice").
 * `before` runs from the previous date (or the sentence's start) to the date, `after` from the
 * date to the next date (or the sentence's end).
 */
/** Words before a date that make it a deadline, when something is due rather than when it happened. */
const DUE_BY = /\b(?:by|before|until|up\s+to|(?:no|not)\s+later\s+than)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?$/i;
/** A plan the intervention does not ask for: the word before "plan" is none of improvement, action, draft, revised or an article. */
const OTHER_PLAN = /\b(?!(?:improvement|action|the|a|an|its|their|our|this|that|draft|revised|final|council's|council\u2019s)\b)[a-z]+\s+plan\b(?![\s\S]*\b(?:improvement|action)\s+plan\b)/i;
/** A report owed to someone ("report to the Secretary of State by …", "a progress report by …"). */
const REPORT_OWED = /\breport(?:s|ing)?\s+(?:back\s+)?to\b|\bprogress\s+report\b/i;

/**
 * What falls due on a date written after "by": the plan (or its actions, where the plan is named
 * in the sentence or the one before), or a report owed to someone; anything else due, or a past
 * event ("she had retired by March 2016"), has no role.
 */
function dueRole(before: string, sentenceBefore: string, neighbours: string): string | null {
  if (!TO_BE_DONE.test(sentenceBefore) && DONE.test(sentenceBefore)) return null;
  const object = nounBefore(sentenceBefore, sentenceBefore.length);
  if (REPORT_OWED.test(before)) return 'report_due';
  // The intervention's plan ("the improvement plan", "a plan", "its action plan"), not another plan ("a recovery plan").
  if (object === 'plan' && !OTHER_PLAN.test(sentenceBefore)) return 'plan_deadline';
  // Its actions, or "submit it", where the plan is named in the sentence or the one before.
  if (/\bactions?\b|\b(?:submit|send|deliver|agree|publish)\w*\s+it\b/i.test(before) && /\bplan\b/i.test(`${neighbours} ${sentenceBefore}`)) return 'plan_deadline';
  return null;
}

/**
 * The role read from the date's clause: the trigger nearest before the date decides (the one
 * that starts last: "the full inspection in June 2024" within "the monitoring visit since …");
 * with none before, the nearest after it ("On 2 May 2023 the Minister issued an improvement
 * notice"). `before` runs from the previous date (or the sentence's start) to the date, `after`
 * from the date to the next date (or the sentence's end); `sentenceBefore` is the whole sentence
 * up to the date, where the thing acted on was named before the clause.
 */
function roleFromClause(before: string, after: string, sentence: string, sentenceBefore: string, neighbours: string, kind: DocumentKind): string | null {
  if (DUE_BY.test(before)) return dueRole(before, sentenceBefore, neighbours);
  const words = `${before} ${after}`;
  // Every trigger that starts where the nearest does: where one reads no role for its object
  // ("ended" of an inspection is no notice's lifting), another may ("ended" of a fieldwork).
  const found = ROLE_RULES.flatMap((rule) => [...before.matchAll(rule.trigger)].map((m) => ({ rule, at: m.index, end: m.index + m[0].length })));
  const nearestAt = Math.max(-1, ...found.map((f) => f.at));
  const nearest = found.filter((f) => f.at === nearestAt).sort((a, b) => b.end - a.end);
  for (const { at, end, rule } of nearest) {
    // The verb's object where it has one ("served a notice on …"), else its subject ("the notice, dated …").
    const object = nounAfter(before, end) ?? nounBefore(before, at) ?? nounAfter(after, 0) ?? nounBefore(sentenceBefore, sentenceBefore.length - before.length + at);
    const role = rule.role({ words, sentence, neighbours, at, object, kind });
    if (role) return role;
  }
  if (nearest.length > 0) return null;
  // A clause with a verb of its own before the date ("agreed by the Board on 2 July, went to …")
  // is the date's clause; only a date that opens its clause ("On 2 May 2023 the Minister
  // issued …", "has today (4 April 2019) issued") takes its verb from after it.
  if (/\b\w{3,}ed\b/i.test(before)) return null;
  let first: { start: number; end: number; rule: RoleRule } | null = null;
  // A trigger that must stand just before its date ("Cabinet, 17 July") reads nothing after it.
  for (const rule of ROLE_RULES.filter((r) => !r.trigger.source.endsWith('$'))) {
    for (const m of after.matchAll(rule.trigger)) {
      if (!first || m.index < first.start) first = { start: m.index, end: m.index + m[0].length, rule };
    }
  }
  if (!first) return null;
  const object = nounAfter(after, first.end) ?? nounBefore(after, first.start) ?? nounBefore(before, before.length);
  return first.rule.role({ words, sentence, neighbours, at: before.length + 1 + first.start, object, kind });
}

/**
 * A date after a short label that opens its line ("Date of meeting: 12 March 2025", "Meeting
 * date:\tJune 5, 2024", "Posted on 3rd May 2023", "Date of issue:\t26 October 2015", "Date of
 * meeting — 14/11/2024"): the label names the role; a bare "Date:" is the kind's own date, as
 * a lone date line is.
 */
const LABEL = /^\W*(?:([A-Za-z][A-Za-z ]{0,30}?)\s*(?::|\t|\s[-\u2013\u2014])|([A-Z][a-z]+(?: [a-z]+){0,2}) (?:on|at)|(Published|Posted|Issued|Updated|Last updated|Released))\s*$/;
const LABEL_ROLES: Array<[RegExp, (kind: DocumentKind, councilPaper: boolean) => string | null]> = [
  [/\b(?:meeting|committee|cabinet)\b/i, () => 'meeting'],
  // A council committee's decision is made at its meeting; another body's decision (an ombudsman's) is the document's own act.
  [/\bdecision\b/i, (kind, councilPaper) => (councilPaper ? 'meeting' : 'issued')],
  // A press release's "Issued:" line is its own date, as "Published" is.
  // An "Issued:" line is the document's own issue where its kind has one (a notice, a
  // direction), a press release's publication, and in any other document the notice's issue.
  [/\bissue[sd]?\b/i, (kind) => (KINDS.get(kind)?.facts.issued ? 'issued' : ownDateRole(kind) === 'published' ? 'published' : 'notice_issued')],
  [/\b(?:last\s+)?updated\b/i, () => 'updated'],
  [/\b(?:published|publication|posted|released)\b/i, () => 'published'],
  // "Visit:", "Visit dates", "Inspection date": the fieldwork's days.
  [/\bvisits?\b/i, () => 'visit'],
  [/\binspection\b/i, () => 'inspection'],
  // "Date of this Notice:"
  [/\bnotice\b/i, (kind) => (kind === 'improvement_notice' ? 'issued' : 'notice_issued')],
  [/^date$/i, ownDateRole],
];

function labelRole(label: string, kind: DocumentKind, councilPaper = ownDateRole(kind) === 'meeting'): string | null {
  const m = LABEL.exec(label);
  // A label is a few words: "Posted on", "Last updated at"; a sentence's opening ("Ofsted published its letter on") is none.
  const written = m?.[1] ?? m?.[2] ?? m?.[3];
  if (!written) return null;
  return LABEL_ROLES.find(([pattern]) => pattern.test(written))?.[1](kind, councilPaper) ?? null;
}

function collect<T extends { start: number; end: number }>(text: string, pattern: RegExp, read: (m: RegExpExecArray) => Omit<T, 'start' | 'end'> | null, taken: DisjointRanges<{ start: number; end: number }>): T[] {
  const found: T[] = [];
  for (const m of text.matchAll(pattern)) {
    const at = { start: m.index, end: m.index + m[0].length };
    if (taken.overlapsAny(at)) continue;
    const value = read(m as RegExpExecArray);
    if (!value) continue;
    found.push({ ...value, ...at } as T);
    taken.add(at);
  }
  return found;
}

/** The index of the last of `ranges` (sorted by start, none overlapping) that ends at or before `offset`, or -1. */
const lastEndingBy = (ranges: readonly Range[], offset: number): number => lastIndexAtMost(ranges, (range) => range.end, offset);

/** A committee named just after a date: "12/06/2025 - Cabinet (Item 12.)", "16/04/2025 – Cabinet Children's …". */
const COMMITTEE_AFTER = /^\s*[-\u2013\u2014]\s*(?:[A-Z][\w'\u2019&]*\s+){0,5}?(?:Cabinet|Executive|Council|Committee|Board|Panel)\b/;

/** The lines after a letter's date: an addressee with an honorific, and a post or an address. */
const ADDRESSEE = /^\n(?:Mr|Mrs|Ms|Miss|Mx|Dr|Councillor|Cllr|Sir|Dame)\.?\s+[A-Z][^\n]{1,60}\n[A-Z][^\n]{2,80}\n/;

/** A line that ends where its sentence cannot: on a preposition, an article or a conjunction. */
const RUNS_ON = /\b(?:on|in|at|of|by|from|to|the|a|an|and|or|since|until|between|dated)\s*$/i;

/** What marks a line as a page's or a paper's dateline: a by-line, an update, a time of day, "Posted". */
const DATELINE_MARK = /^\W*by\s|\bupdated\b|\bposted\b|\b\d{1,2}[:.]\d{2}\b/im;

/** Words that make a date the time of something else, not a document's own: "from 1 April", "by 30 June". */
const TIME_PREPOSITION = /\b(?:by|before|until|from|since|after|between|to)\s+(?:the\s+)?$/i;

/**
 * A line that titles an instrument and ends with its date ("Improvement notice: Hertfordshire
 * County Council, January 2025", a document link): the date is the instrument's issue.
 */
function instrumentTitle(lineBefore: string, lineAfter: string): 'notice' | 'direction' | null {
  if (lineAfter.trim() !== '') return null;
  const m = /^\W*(?:improvement\s+(notice)|(?:statutory\s+)?(direction))\b[^.\n]*[,:]\s*$/i.exec(lineBefore);
  return m ? (m[1] ? 'notice' : 'direction') : null;
}

/** What marks an entry for another document: its inspection's or visit's dates, a letter, an attached file's type. */
const LISTED_ENTRY = /\b(?:inspection|visit)s?\s+dates?\b|\bletter\b|\b(?:PDF|DOCX?|ODT)\b/i;

/**
 * A "Published" entry that belongs to a listed report, letter or visit (a council page's list
 * of Ofsted's letters) rather than to the document, where the document is not Ofsted's report
 * or letter itself.
 */
function reportsOtherDocument(kind: DocumentKind, entry: string): boolean {
  return kind !== 'ofsted_report' && kind !== 'ofsted_letter' && LISTED_ENTRY.test(entry);
}

/** A line's letters alone, in lower case: "CAMDEN GAZETTE" and "camdengazette" alike. */
const lettersOf = (written: string) => written.toLowerCase().replace(/&/g, 'and').replace(/[^a-z]/g, '');

/** The publisher's name as letters: a paper's masthead or page foot, or a report's title page, carries it. */
function publisherKey(found: ReturnType<typeof findPublisher>): string | null {
  const key = lettersOf(found?.publisher.name ?? '');
  return key.length >= 6 ? key : null;
}

/**
 * Where a document's head ends: the first line of its body, a paragraph of ten words or more
 * that ends as a sentence does. Title, by-line, date line and site chrome stand before it.
 */
function headEnd(index: TextIndex): number {
  const body = index.lines.find((line) => {
    const written = index.text.slice(line.start, line.end).trim();
    return written.split(/\s+/).length >= 10 && /[.!?:"\u201d\u2019]$/.test(written);
  });
  return body?.start ?? index.text.length;
}

/**
 * The header of a date's column where the date stands in a table's row ("Report\tInspection or
 * visit dates\tPublished\tOutcome" over "…\t10 June 2024 to 28 June 2024\t9 August 2024\tGood"):
 * the nearest row above, in the same run of rows, with as many cells and no year in any.
 */
function columnHeader(index: TextIndex, line: Line, range: Range): string | null {
  // A table's row is a short line: a paragraph is none.
  if (line.end - line.start > LINE_WINDOW) return null;
  const cells = (at: Line) => index.text.slice(at.start, at.end).split('\t');
  const row = cells(line);
  if (row.length < 2) return null;
  const column = index.text.slice(line.start, range.start).split('\t').length - 1;
  const first = index.lineNumberAt(line.start);
  // A header stands within a page's worth of rows above.
  for (let number = first - 1; number >= Math.max(0, first - MAX_TABLE_ROWS); number--) {
    const above = cells(index.lines[number]);
    if (above.length < 2) return null;
    if (above.length === row.length && !/\b(?:19|20)\d{2}\b/.test(above.join(' '))) return above[column].trim() || null;
  }
  return null;
}

const MAX_TABLE_ROWS = 60;

/** A column or label naming an inspection's or a visit's dates alike ("Inspection or visit dates"): the row's own words say which. */
function fieldworkOf(label: string, row: string): string | null {
  if (!(/\binspection\b/i.test(label) && /\bvisits?\b/i.test(label))) return null;
  return /\b(?:monitoring|focused)\s+visits?\b/i.test(row) ? 'visit' : 'inspection';
}

/** The longest an inspection's fieldwork runs (the longest framework's is six weeks on site and off). */
const MAX_FIELDWORK_DAYS = 62;

/** A line that is a label and nothing else ("Published", "Effective from:", "Date of decision:"). */
const isLabel = (line: string) => {
  const m = LABEL.exec(line.trimEnd().endsWith(':') || /^\W*(?:Published|Posted|Issued|Updated|Last updated)\s*$/.test(line) ? line : '\u0000');
  return Boolean(m && (m[1] ?? m[3]));
};

/** A line's start that is nothing but an entry's number ("3. ") or nothing. */
const LIST_NUMBER_ONLY = /^\W*(?:\d{1,3}[.)]\s*)?$/;

/**
 * An entry of a page's change history ("1. 20 February 2025" over "Added the letter …", "8. 12
 * March 2014 First published."): the entry that says "First published" is the page's
 * publication, any other an update.
 */
function listedRole(lineBefore: string, lineAfter: string, nextLines: string): string | null {
  if (!LIST_NUMBER_ONLY.test(lineBefore)) return null;
  const told = `${lineAfter} ${nextLines}`.trim();
  if (/^\W*first\s+published\b/i.test(told)) return 'published';
  if (/^\d{1,3}[.)]/.test(lineBefore.trim()) && /^\W*(?:added|updated|corrected|moved|removed|replaced|amended|changed|revised|published)\b/i.test(told)) return 'updated';
  return null;
}

/**
 * The text that may label a date within its line: from the line's start, or from the last
 * separator ("Published: 16 January 2020 | Updated: …") or the date and time before it ("1 June
 * 2022, 17:05 Updated 2 June 2022").
 */
function labelSource(lineBefore: string): string {
  const cut = Math.max(0, ...['|', '\u00b7', '\u2022', '. '].map((separator) => {
    const at = lineBefore.lastIndexOf(separator);
    return at < 0 ? 0 : at + separator.length;
  }));
  const afterTime = /(?:\d{4}|\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?),?\s+(?=[A-Za-z][^\d]*$)/i.exec(lineBefore.slice(cut));
  return afterTime ? lineBefore.slice(cut + afterTime.index + afterTime[0].length) : lineBefore.slice(cut);
}

export interface RecognisedDates {
  dates: DateEntity[];
  ranges: DateRangeEntity[];
}

/**
 * The date stands alone on its line, or opens it followed by a dash (a dateline: "3 October
 * 2023 — The Council …").
 */
function ownLine(line: Line, range: Range, text: string): boolean {
  const before = lineBeforeAt(text, line, range.start).trim();
  const after = lineAfterAt(text, line, range.end).trim();
  // "CHESTER, Thursday 14 October 2021 – The council …": a dateline may open with its place in capitals.
  return (before === '' || /^[A-Z][A-Z .'\u2019-]+,$/.test(before)) && (after === '' || /^[-\u2013\u2014]/.test(after));
}

/**
 * How much of a date's line its layout rules read either side of it: labels, datelines and
 * mastheads are short, and a paragraph of a megabyte is read near the date only (so every
 * date's reading stays within its window, and the whole stays linear).
 */
const LINE_WINDOW = 400;
/** What stands for the rest of a line cut at the window: no label, list number or white space, so no rule anchored at the line's start reads it as one. */
const CUT = '0 ';

/** The line's text before `at`, the window's worth of it (`CUT` first where the line began before). */
function lineBeforeAt(text: string, line: Line, at: number): string {
  const from = Math.max(line.start, at - LINE_WINDOW);
  return (from > line.start ? CUT : '') + text.slice(from, at);
}

/** The line's text after `at`, the window's worth of it. */
const lineAfterAt = (text: string, line: Line, at: number): string => text.slice(at, Math.min(line.end, at + LINE_WINDOW));

export function recogniseDates(index: TextIndex, kind: DocumentKind): RecognisedDates {
  const text = index.text;
  const taken = new DisjointRanges<{ start: number; end: number }>();
  const ranges: FoundRange[] = RANGE_PATTERNS.flatMap(([pattern, read]) =>
    collect<FoundRange>(text, pattern, (m) => {
      const range = read(m);
      return range && { startValue: range.start, endValue: range.end };
    }, taken),
  );
  // The first of two days sharing a written month and year; those without a year wait for the
  // document's date (one scan of the text for both). After "between" the two days are a range's.
  const sharingWithoutYear: RegExpExecArray[] = [];
  const sharingMonth = collect<Found>(text, SHARED_MONTH, (m) => {
    if (/\bbetween\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, m.index - 20), m.index))) return null;
    if (!m[5]) {
      sharingWithoutYear.push(m);
      return null;
    }
    const value = dayValue(fullYear(m[5]), monthNumber(m[4]), dayNumber(m[2]), m[1]);
    return value && { ...value, inferred: true };
  }, taken);
  const dated = [...sharingMonth, ...DATED_PATTERNS.flatMap(([pattern, read]) => collect<Found>(text, pattern, (m) => {
    const value = read(m);
    return value && { ...value, inferred: false };
  }, taken))];
  dated.sort((a, b) => a.start - b.start);

  const head = headEnd(index);
  const own = documentDate(index, dated, ranges, kind, head);
  /** The year of a day written without one, or null with a message saying why none is given. */
  const yearFor = (m: RegExpExecArray, month: number, day: number, weekday: string | null): number | null => {
    const year = yearOfDay(text, m, own, month, day, weekday);
    if (year === null) index.note('dates', 'year_unknown', `"${m[0]}" has no year, and neither its phrase, its weekday nor the document's own date gives one`, { start: m.index, end: m.index + m[0].length });
    return year;
  };
  ranges.push(...collect<FoundRange>(text, YEARLESS_RANGE, (m) => {
    if (joinsByAnd(m)) return null;
    const toMonth = monthNumber(m[4]);
    const fromMonth = m[2] ? monthNumber(m[2]) : toMonth;
    const [from, to] = [dayNumber(m[1]), dayNumber(m[3])];
    const endYear = yearFor(m, toMonth, to, null);
    if (endYear === null) return null;
    const startYear = fromMonth > toMonth ? endYear - 1 : endYear;
    if (!validDay(startYear, fromMonth, from)) return null;
    const [start, end] = [isoDay(startYear, fromMonth, from), isoDay(endYear, toMonth, to)];
    return start < end ? { startValue: start, endValue: end } : null;
  }, taken));
  ranges.push(...collect<FoundRange>(text, YEARLESS_MONTH_RANGE, (m) => {
    const [from, to] = [monthNumber(m[2]), monthNumber(m[3])];
    const year = from < to ? yearOfMonth(text, m, own, to) : null;
    return year === null ? null : { startValue: isoMonth(year, from), endValue: isoMonth(year, to) };
  }, taken));
  const yearless = [
    ...sharingWithoutYear.flatMap((m): Found[] => {
      const at = { start: m.index, end: m.index + m[0].length };
      if (taken.overlapsAny(at)) return [];
      const [month, day] = [monthNumber(m[4]), dayNumber(m[2])];
      const year = yearFor(m, month, day, m[1] ?? null);
      const value = year === null ? null : dayValue(year, month, day, m[1]);
      if (!value) return [];
      taken.add(at);
      return [{ ...value, ...at, inferred: true }];
    }),
    ...YEARLESS_PATTERNS.flatMap(([pattern, read]) =>
      collect<Found>(text, pattern, (m) => {
        const { month, day, weekday } = read(m);
        const year = yearFor(m, month, day, weekday);
        return year === null ? null : { value: isoDay(year, month, day), precision: 'day', weekday, inferred: true };
      }, taken),
    ),
    ...collect<Found>(text, YEARLESS_MONTH, (m) => {
      const month = monthNumber(m[2]);
      const year = yearOfMonth(text, m, own, month);
      return year === null ? null : { value: isoMonth(year, month), precision: 'month', weekday: null, inferred: true };
    }, taken),
  ];

  const all = [...dated, ...yearless].sort((a, b) => a.start - b.start);
  const written: Range[] = [...all, ...ranges].sort((a, b) => a.start - b.start);
  const signature = index.segmented.signature?.span;

  const publisher = findPublisher(index.doc);
  const outlet = publisherKey(publisher);
  // A council's own paper (a committee's report or decision record, whatever its kind).
  const councilPaper = ownDateRole(kind) === 'meeting' || publisher?.type === 'council';
  const roleAt = (range: Range, isRange: boolean): string | null => {
    const line = index.lineAt(range.start);
    // A date in the signature block is the signing date.
    if (signature && range.start >= signature.start && range.end <= signature.end) return 'signed';
    const lineBefore = lineBeforeAt(text, line, range.start);
    const lineAfter = lineAfterAt(text, line, range.end);
    const lineText = lineBefore + text.slice(range.start, range.end) + lineAfter;
    const above = index.lines[index.lineNumberAt(line.start) - 1];
    const aboveText = above ? lineBeforeAt(text, above, above.end) : '';
    const listed = listedRole(lineBefore, lineAfter, text.slice(line.end, line.end + 40));
    if (listed) return listed;
    const inHead = range.start < head;
    // A "Published" is the page's own, except beside an entry for a letter or report (its fieldwork's dates, an attached file), where it is that one's.
    const ownOrListed = (role: string | null) =>
      role === 'published' && reportsOtherDocument(kind, `${aboveText} ${lineBefore} ${lineAfter}`) ? 'inspection_report_published' : role;
    // A label on the line above a date alone on its line ("Published" over "12 March 2014",
    // "Effective from:" over its date) names its role, or says it has none of the table.
    if (LIST_NUMBER_ONLY.test(lineBefore) && isLabel(aboveText)) return ownOrListed(labelRole(aboveText, kind, councilPaper));
    const alone = ownLine(line, range, text);
    const labelled = alone ? null : labelRole(labelSource(lineBefore), kind, councilPaper);
    if (labelled) return ownOrListed(labelled);
    // A lone date over an addressee ("Ms A Person" over her post) is a letter's: the document's own, or a letter it reprints.
    if (alone && ADDRESSEE.test(text.slice(line.end, line.end + 160))) return 'issued';
    if (alone && ownDateRole(kind)) return ownDateRole(kind);
    if (COMMITTEE_AFTER.test(lineAfter)) return 'meeting';
    const header = columnHeader(index, line, range);
    const column = header && (fieldworkOf(header, lineBefore) ?? labelRole(`${header}:`, kind, councilPaper));
    if (column) return column === 'published' && reportsOtherDocument(kind, lineBefore) ? 'inspection_report_published' : column;
    const title = instrumentTitle(lineBefore, lineAfter);
    if (title) return title === 'notice' ? noticeIssue(kind, lineBefore, lineBefore.length) : kind === 'statutory_direction' ? 'issued' : 'direction_issued';
    // A news item's own date stands in its head (the by-line, "News | 14 February 2023", a
    // headline with its date) or on a line with the outlet's name (a printed page's masthead
    // or foot), where it is no time of something else ("from 1 April", "worked with partners
    // on 3 May"; a by-line's "By … on 9 November" is the item's own). A kind dated otherwise (a
    // committee's meeting, a notice's issue) has its own rules above; a document of no kind's
    // is dated so only where its head reads as a web page's or a paper's dateline (a by-line,
    // an update, a time of day).
    const namesPublisher = outlet !== null && lettersOf(lineText).includes(outlet);
    const ownKind = ownDateRole(kind) === 'published' || (ownDateRole(kind) === null && (namesPublisher || DATELINE_MARK.test(`${aboveText}\n${lineText}`)));
    const dated = !isRange && ownKind && !TIME_PREPOSITION.test(lineBefore) && (!/\b(?:on|in|at|of)\s+$/i.test(lineBefore) || /^\W*by\s/i.test(lineBefore));
    const masthead = dated && (inHead || namesPublisher);
    // One opening its line there, no sentence running on into it ("published on" above, ", rated …" after), is the
    // item's own before any clause: the headline above it is no clause of it.
    if (masthead && LIST_NUMBER_ONLY.test(lineBefore) && !RUNS_ON.test(aboveText) && !/^\s*[,;:]/.test(lineAfter)) return 'published';
    const sentence = index.sentenceAround(range.start, range.end);
    const previousAt = lastEndingBy(written, range.start);
    const previous = written[previousAt];
    let nextAt = previousAt + 1;
    while (nextAt < written.length && written[nextAt].start < range.end) nextAt++;
    const next = written[nextAt];
    // A month's own preposition ("in February", "by the end of March") is its clause's last word.
    const lead = /^(?:(?:in|on|since|during|until|from|by|early|late)\s+|(?:the\s+)?end\s+of\s+)/i.exec(text.slice(range.start, range.end))?.[0] ?? '';
    const before = text.slice(Math.max(sentence.start, previous?.end ?? 0), range.start) + lead;
    const after = text.slice(range.end, Math.min(sentence.end, next?.start ?? Infinity));
    const sentenceNumber = lastIndexAtMost(index.sentences, (s) => s.start, sentence.start);
    const previousSentence = index.sentences[sentenceNumber - 1];
    const nextSentence = index.sentences[lastIndexAtMost(index.sentences, (s) => s.start, sentence.end - 1) + 1];
    const neighbours = `${previousSentence ? text.slice(previousSentence.start, previousSentence.end) : ''} ${nextSentence ? text.slice(nextSentence.start, nextSentence.end) : ''}`;
    const told = roleFromClause(before, after, text.slice(sentence.start, sentence.end), text.slice(sentence.start, range.start), neighbours, kind);
    return told ?? (masthead ? 'published' : null);
  };
  // Fieldwork lasts days or weeks: a range of months ("the inspections carried out between 1 April
  // 2024 and 31 March 2025") is a period of many, no inspection's or visit's own.
  const rangeRole = (r: FoundRange): string | null => {
    const role = roleAt(r, true);
    const days = (Date.parse(r.endValue) - Date.parse(r.startValue)) / 86_400_000;
    return (role === 'inspection' || role === 'visit') && days > MAX_FIELDWORK_DAYS ? null : role;
  };

  // Two dates joined by "and" ("on 9 and 10 June 2015") are two days of one event: the second,
  // with no verb of its own, takes the first's role.
  const roles: (string | null)[] = [];
  all.forEach((f, i) => {
    const previous = all[i - 1];
    const joined = previous && /^\s*,?\s*(?:and|&)\s+(?:on\s+|in\s+)?(?:the\s+)?$/i.test(text.slice(previous.end, f.start));
    roles.push(roleAt(f, false) ?? (joined ? roles[i - 1] : null));
  });
  return {
    dates: all.map((f, i) => ({ ...index.entity(f.start, f.end), value: f.value, precision: f.precision, role: roles[i], inferred: f.inferred, weekday: f.weekday })),
    ranges: ranges
      .sort((a, b) => a.start - b.start)
      .map((r) => ({ ...index.entity(r.start, r.end), start: r.startValue, end: r.endValue, role: rangeRole(r) })),
  };
}

/**
 * The document's own date, from which a date written without its year takes one (SPEC, "A date
 * without its year"): its dateline or date line (a date alone on its line, or after a label that
 * dates the document: published, posted, dated, the meeting, the letter), else the end of the
 * fieldwork its report's "Inspection dates:" line gives, else the first whole date of its head
 * (`head`, where its body begins). A date its body tells is another event's: no anchor.
 */
function documentDate(index: TextIndex, dated: Found[], ranges: FoundRange[], kind: DocumentKind, head: number): string | null {
  const days = dated.filter((d) => d.precision === 'day');
  const labelOf = (at: Range) => labelRole(lineBeforeAt(index.text, index.lineAt(at.start), at.start), kind);
  const own = days.find((d) => {
    const role = labelOf(d);
    return ownLine(index.lineAt(d.start), d, index.text) || (role !== null && (['published', 'meeting', 'updated'].includes(role) || role === ownDateRole(kind)));
  });
  if (own) return own.value;
  // A report dated by nothing else is written after the fieldwork its "Inspection dates:" line gives.
  const fieldwork = ranges.find((r) => r.endValue.length === 10 && ['inspection', 'visit'].includes(labelOf(r) ?? ''));
  // Else the first whole date of the document's head (the title, the by-line, the chrome above the body); a date told in its body is no anchor.
  return fieldwork?.endValue ?? days.find((d) => d.start < head)?.value ?? null;
}

/** A year written once for two dates of one phrase: "31 January and 1 February 2024". */
const COORDINATED_YEAR = new RegExp(`^\\s*(?:and|&|to|until|[-\u2013])\\s+(?:the\\s+)?${weekdayPrefix}(?:${DAY})\\s+(?:of\\s+)?(?:${MONTH}),?\\s+(${YEAR})${YEAR_END}`, 'i');
/** "this year", "of this year" after a date: the document's year. */
const THIS_YEAR = /^\s*(?:of\s+)?this\s+year\b/i;

/**
 * The year of a day written without one: the year written beside it in the same phrase; else,
 * where a weekday is written, the year near the document's own one that the weekday fits; else
 * the document's own year. Never the year of whatever date stands nearest in the text.
 */
function yearOfDay(text: string, m: RegExpExecArray, own: string | null, month: number, day: number, weekday: string | null): number | null {
  const after = text.slice(m.index + m[0].length, m.index + m[0].length + 60);
  const coordinated = COORDINATED_YEAR.exec(after);
  if (coordinated) return validDay(Number(coordinated[coordinated.length - 1]), month, day) ? Number(coordinated[coordinated.length - 1]) : null;
  if (!own) return null;
  const year = Number(own.slice(0, 4));
  if (THIS_YEAR.test(after)) return validDay(year, month, day) ? year : null;
  if (weekday) {
    const fits = [year, year - 1, year + 1].find((y) => validDay(y, month, day) && weekdayOf(isoDay(y, month, day)).slice(0, 3).toLowerCase() === weekday.toLowerCase().slice(0, 3));
    return fits ?? null;
  }
  return validDay(year, month, day) ? year : null;
}

/**
 * A month written without a year after words that place an event in it ("in November", "last
 * October", "since April", "in April this year"); capitalised only ("may" is a verb).
 */
const YEARLESS_MONTH = new RegExp(`\\b([Ii]n|[Ll]ast|[Tt]his|[Ss]ince|[Dd]uring|[Ee]arly|[Ll]ate|[Uu]ntil|[Ff]rom|[Bb]y|(?:[Tt]he\\s+)?end\\s+of)\\s+(${FULL_MONTH})\\b(?!\\s*(?:,\\s*)?(?:${YEAR}|\\d))`, 'g');

/** Two months of one year written without it ("inspections in June and July"): a range of months, its year as a month's. */
const YEARLESS_MONTH_RANGE = new RegExp(`\\b([Ii]n|[Bb]etween|[Ff]rom|[Dd]uring)\\s+(${FULL_MONTH})\\s+(?:and|to|until)\\s+(${FULL_MONTH})\\b(?!\\s*(?:,\\s*)?(?:${YEAR}|\\d))`, 'g');

/**
 * Its year, from the document's own date: "last October" is the last October before it; "this
 * April" or "April this year" the document's year; "in November" the document's year where
 * November is not after the document's month (a later month may be this year's or last year's,
 * and a wrong year is worse than none).
 */
function yearOfMonth(text: string, m: RegExpExecArray, own: string | null, month: number): number | null {
  if (!own) return null;
  const year = Number(own.slice(0, 4));
  const ownMonth = Number(own.slice(5, 7));
  const word = m[1].toLowerCase();
  if (word === 'last') return month < ownMonth ? year : year - 1;
  if (word === 'this' || THIS_YEAR.test(text.slice(m.index + m[0].length, m.index + m[0].length + 30))) return year;
  if (month <= ownMonth) return year;
  // A later month is this year's where the sentence tells what is to come ("will stay until the end of April").
  const sentenceBefore = text.slice(text.lastIndexOf('\n', m.index) + 1, m.index).split(/[.!?]\s/).pop() ?? '';
  return FUTURE.test(sentenceBefore) ? year : null;
}

/** Words of what is to come. */
const FUTURE = /\b(?:will|would|shall|is\s+to|are\s+to|is\s+due|are\s+due|expected|next|plans?\s+to|going\s+to)\b/i;
