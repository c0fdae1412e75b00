/**
 * Cadences: how often something recurs, as an ISO 8601 duration. "at least every six months"
 * → P6M (at_least), "6 weekly reports" → P6W, "every 8 weeks" → P8W, "monthly" → P1M,
 * "quarterly" → P3M. A length ("a two-week inspection") or a one-off interval ("in approximately
 * two years") is not a cadence, nor is "regular reviews" (no period).
 */
import type { CadenceEntity } from '../record.js';
import { DisjointRanges } from './spans.js';
import type { TextIndex } from './text-index.js';

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, eighteen: 18,
  twenty: 20, 'twenty-four': 24, thirty: 30, 'thirty-six': 36,
};

/** A count written as digits or as an English word ("18", "eighteen"); "a"/"an" is one. */
export const COUNT = `(?:\\d{1,3}|a|an|${Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|')})`;

export function countValue(written: string): number {
  const key = written.toLowerCase();
  if (key === 'a' || key === 'an') return 1;
  return NUMBER_WORDS[key] ?? Number.parseInt(key, 10);
}

const UNIT_LETTER: Record<string, string> = { day: 'D', week: 'W', month: 'M', year: 'Y' };
export const UNIT = '(day|week|month|year)s?';

/** The ISO duration of `count` units ("6", "week" → "P6W"). */
export function duration(count: number, unit: string): string {
  return `P${count}${UNIT_LETTER[unit.toLowerCase().replace(/s$/, '')]}`;
}

const AT_LEAST = '(?:at\\s+least|no\\s+less\\s+than|a\\s+minimum\\s+of|not\\s+less\\s+than)';

interface Period {
  every: string;
  atLeast: boolean;
  /** An adjective only ("annual"): it qualifies the noun after it and nothing earlier in the sentence. */
  attributive?: boolean;
}

/** Each pattern reads a duration and whether it is a minimum; listed most specific first. */
const CADENCE_PATTERNS: Array<[RegExp, (m: RegExpExecArray) => Period]> = [
  // at least every six months · every 8 weeks · every month · every other week
  [new RegExp(`\\b(${AT_LEAST}\\s+(?:once\\s+)?)?every\\s+(?:(other)\\s+|(${COUNT})\\s+)?${UNIT}\\b`, 'gi'), (m) => ({
    every: duration(m[2] ? 2 : m[3] ? countValue(m[3]) : 1, m[4]),
    atLeast: Boolean(m[1]),
  })],
  // at intervals of no more than six months · at six-monthly intervals is below
  [new RegExp(`\\bat\\s+intervals\\s+of\\s+((?:no|not)\\s+more\\s+than\\s+|at\\s+most\\s+)?(${COUNT})\\s+${UNIT}\\b`, 'gi'), (m) => ({
    every: duration(countValue(m[2]), m[3]),
    atLeast: Boolean(m[1]),
  })],
  // at 12-week intervals · at six-month intervals
  [new RegExp(`\\bat\\s+(${COUNT})[-\\s](week|month)\\s+intervals\\b`, 'gi'), (m) => ({ every: duration(countValue(m[1]), m[2]), atLeast: false })],
  // every quarter · each quarter · each month
  [/\b(?:every|each|per)\s+quarter\b/gi, () => ({ every: 'P3M', atLeast: false })],
  [new RegExp(`\\beach\\s+${UNIT}\\b`, 'gi'), (m) => ({ every: duration(1, m[1]), atLeast: false })],
  // twice a year, twice yearly: every six months
  [/\btwice\s+(?:a|per|each|every)\s+year\b|\btwice[-\s]yearly\b/gi, () => ({ every: 'P6M', atLeast: false })],
  // once a month
  [new RegExp(`\\b(${AT_LEAST}\\s+)?once\\s+(?:a|per|every)\\s+${UNIT}\\b`, 'gi'), (m) => ({ every: duration(1, m[2]), atLeast: Boolean(m[1]) })],
  // 6 weekly reports · six-weekly · 3-monthly
  [new RegExp(`\\b(${COUNT})[-\\s]?(week|month)ly\\b`, 'gi'), (m) => ({ every: duration(countValue(m[1]), m[2]), atLeast: false })],
  // "bi-monthly" is read as every two months (its usual sense in council reports), before "monthly"
  // "bi-annual" is twice a year (biennial would be every two years)
  [/\b(bi-?monthly|bi-?annual(?:ly)?|weekly|fortnightly|monthly|quarterly|half-yearly|annually|yearly)\b/gi, (m) => ({
    every: { 'bi-monthly': 'P2M', bimonthly: 'P2M', 'bi-annual': 'P6M', biannual: 'P6M', 'bi-annually': 'P6M', biannually: 'P6M', weekly: 'P1W', fortnightly: 'P2W', monthly: 'P1M', quarterly: 'P3M', 'half-yearly': 'P6M', annually: 'P1Y', yearly: 'P1Y' }[m[1].toLowerCase()] ?? 'P1M',
    atLeast: false,
  })],
  // the annual engagement meeting
  [/\bannual\b/gi, () => ({ every: 'P1Y', atLeast: false, attributive: true })],
];

/** What recurs, by the noun that names it; the first that matches wins. */
const SUBJECTS: Array<[RegExp, string]> = [
  [/\bmonitoring\s+visits?\b/i, 'monitoring_visit'],
  [/\bvisits?\b|\bvisited\b/i, 'visit'],
  [/\breview(?:s|ed)?\b/i, 'review'],
  [/\breport(?:s|ing|ed)?\b|\bupdates?\b|\bbriefings?\b/i, 'report'],
  [/\bmeetings?\b|\bmeets?\b|\bboards?\b|\bpanels?\b|\bcommittees?\b|\bscrutiny\b/i, 'meeting'],
  [/\bmonitor(?:ing|ed|s)?\b|\baudit(?:s|ed|ing)?\b|\boversight\b|\bchecks?\b|\bassess(?:ment|ments|ed)?\b|\bperformance\s+(?:data|information|clinics?)\b|\bdata\b|\binspectors\s+return\b/i, 'monitoring'],
  [/\bcase\s+discussions?\b|\bclinics?\b|\bpractice\s+weeks?\b/i, 'practice_oversight'],
  [/\bsupervision\b|\bsupervised\b/i, 'supervision'],
];

/**
 * What recurs right after the period that is no part of the intervention or the services'
 * oversight: a publication ("our free weekly newsletter"), an event for the public or for carers
 * ("monthly coffee mornings"), a rate ("10,000 families a quarter" is read by no pattern).
 */
/** What recurs is published ("the annual assessment, published in November", "monthly reports are published"): a publication's frequency. */
const PUBLISHED_AFTER = /^[^.;]{0,60}?\b(?:published|publishes)\b/i;
const NOT_OVERSIGHT = /^\s*(?:\w+\s+){0,2}?(?:newsletters?|bulletins?|e-?mails?|magazines?|blogs?|podcasts?|columns?|coffee|drop-ins?|celebrations?|events?|parties|socials?|walks?|sessions?\s+for\s+(?:carers|families|residents)|collections?)\b/i;

/** How many words after the period may name what recurs ("quarterly practice week, in which senior leaders audit"). */
const AFTER_WORDS = 8;
/** How many words after an adjective may name what it qualifies ("annual engagement meeting with Ofsted"). */
const QUALIFIED_WORDS = 3;

function subjectIn(words: string): string | null {
  return SUBJECTS.find(([pattern]) => pattern.test(words))?.[1] ?? null;
}

/**
 * The subject: a noun in the next few words ("quarterly monitoring visits"), else the nearest
 * one earlier in the sentence ("reviews of progress ... at least every six months").
 */
function subjectAround(index: TextIndex, start: number, end: number, attributive: boolean): string | null {
  const text = index.text;
  const sentence = index.sentenceAround(start, end);
  const after = text.slice(end, sentence.end).split(attributive ? /[.;,]/ : /[.;]/)[0].trim().split(/\s+/).slice(0, attributive ? QUALIFIED_WORDS : AFTER_WORDS).join(' ');
  const fromAfter = subjectIn(after);
  if (fromAfter || attributive) return fromAfter;
  // The nearest noun: try from the end of the sentence backwards, word by word.
  const words = text.slice(sentence.start, start).split(/\s+/);
  for (let i = words.length - 1; i >= 0; i--) {
    const found = subjectIn(words.slice(i, i + 2).join(' '));
    if (found) return found;
  }
  return null;
}

export function recogniseCadences(index: TextIndex): CadenceEntity[] {
  // Patterns in order of preference: a phrase an earlier pattern read is not read again.
  // A phrase read and set aside (no cadence) still keeps later patterns off it.
  const taken = new DisjointRanges<{ start: number; end: number; cadence: CadenceEntity | null }>();
  for (const [pattern, read] of CADENCE_PATTERNS) {
    for (const m of index.text.matchAll(pattern)) {
      const at = { start: m.index, end: m.index + m[0].length };
      if (taken.overlapsAny(at)) continue;
      const { every, atLeast, attributive = false } = read(m as RegExpExecArray);
      // A period is a cadence only as the recurrence of what the intervention or the oversight does.
      const following = index.text.slice(at.end, at.end + 60);
      const subject = NOT_OVERSIGHT.test(following) || PUBLISHED_AFTER.test(following) ? null : subjectAround(index, at.start, at.end, attributive);
      if (!subject) {
        taken.add({ ...at, cadence: null });
        index.note('cadences', 'not_a_cadence', `"${m[0]}" is no recurrence of a review, report, visit, meeting, monitoring or supervision`, at);
        continue;
      }
      taken.add({ ...at, cadence: { ...index.entity(at.start, at.end), every, at_least: atLeast, subject } });
    }
  }
  return taken.ranges.flatMap((range) => (range.cadence ? [range.cadence] : []));
}
