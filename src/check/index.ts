/**
 * The check stage: inconsistencies inside one document (docs/SPEC.md, "Anomaly codes"). Each
 * anomaly names the spans it is about, so a reader can see both sides of the disagreement.
 */
import type { Anomaly, CostEntity, DateEntity, DocumentRecord, Span } from '../record.js';
import { weekdayOf } from '../normalise/calendar.js';
import { UNIT_MULTIPLIER } from '../recognise/costs.js';
import { TextIndex } from '../recognise/text-index.js';

type Checked = Omit<DocumentRecord, 'anomalies'>;

const spanKey = (span: Span) => `${span.start}:${span.end}`;

function signedBeforeIssued(record: Checked): Anomaly[] {
  const facts = record.facts as { signed?: string | null; issued?: string | null };
  const signed = record.fact_evidence.signed;
  const issued = record.fact_evidence.issued;
  if (!facts.signed || !facts.issued || !signed || !issued || facts.signed >= facts.issued) return [];
  return [{ code: 'signed_before_issued', message: `signed on ${facts.signed}, before the notice was issued on ${facts.issued}`, spans: [signed.span, issued.span] }];
}

function weekdayMismatches(record: Checked): Anomaly[] {
  return record.dates
    .filter((d) => d.weekday && d.precision === 'day')
    .filter((d) => weekdayOf(d.value).slice(0, 3).toLowerCase() !== (d.weekday ?? '').slice(0, 3).toLowerCase())
    .map((d) => ({ code: 'weekday_mismatch', message: `"${d.text}": ${d.value} is a ${weekdayOf(d.value)}`, spans: [d.span] }));
}

/**
 * One event dated twice, with the same day and month but another year ("Cabinet, 10 September
 * 2023" in the report for the meeting of 10 September 2024): one of the two years is a slip.
 * Two dates are one event's when the document gives them the same role and writes both as its
 * own (a header line, "this notice"); different events on the same day of different years (an
 * anniversary, last year's meeting, the notice this one replaces) are no slip. A pair already
 * reported as signed before issued is not reported again.
 */
/**
 * Whether a date is written as the document's own: alone on a short header line ("Cabinet, 10
 * September 2023", "Meeting date: 5 December 2024") or in a sentence about this notice, meeting
 * or report. A meeting "at which Cabinet approved the plan" last year is another event.
 */
function framesTheDocument(index: TextIndex, date: DateEntity): boolean {
  const line = index.lineAt(date.span.start);
  const rest = (index.text.slice(line.start, date.span.start) + index.text.slice(date.span.end, line.end)).trim();
  if (rest.split(/\s+/).filter(Boolean).length <= HEADER_LINE_WORDS && !/[.!?]$/.test(line.text.trim())) return true;
  // "This Notice, issued on 15 May 2023": this document named before the date, in its sentence ("a year before this meeting" after it names another).
  const sentence = index.sentenceAround(date.span.start, date.span.end);
  return /\bthis\s+(?:improvement\s+)?(?:notice|meeting|report|letter)\b/i.test(index.text.slice(sentence.start, date.span.start));
}

/** At most this many words beside a date make its line a header line. */
const HEADER_LINE_WORDS = 4;

function yearMismatches(record: Checked, index: TextIndex, reported: Set<string>): Anomaly[] {
  const days = record.dates.filter((d) => d.precision === 'day' && d.role !== null && framesTheDocument(index, d));
  const anomalies: Anomaly[] = [];
  days.forEach((a, i) => {
    for (const b of days.slice(i + 1)) {
      const sameDay = a.value.slice(5) === b.value.slice(5) && a.value.slice(0, 4) !== b.value.slice(0, 4);
      if (!sameDay || a.role !== b.role || (reported.has(spanKey(a.span)) && reported.has(spanKey(b.span)))) continue;
      anomalies.push({ code: 'date_year_mismatch', message: `"${a.text}" and "${b.text}" both date the ${a.role?.replace(/_/g, ' ')}, with the same day and month but the years ${a.value.slice(0, 4)} and ${b.value.slice(0, 4)}`, spans: [a.span, b.span] });
    }
  });
  return anomalies;
}

/** Half the last written digit's worth, in pounds: how far a figure may be from what it rounds. */
function halfUnit(cost: CostEntity): number {
  const decimals = /\.(\d+)/.exec(cost.text)?.[1].length ?? 0;
  const unit = /(m|mn|million|bn|billion|k|thousand)\s*$/i.exec(cost.text)?.[1].toLowerCase();
  const multiplier = unit ? UNIT_MULTIPLIER[unit] : cost.unit_inferred ? 1e6 : 1;
  return 0.5 * 10 ** -decimals * multiplier;
}

/**
 * Figures this close, or with the same digits in another order ("£5.011m" and "£5.101m"), may be
 * one sum written twice; further apart they are different sums.
 */
const SAME_COST_RATIO = 0.1;
/** An approximate figure ("c£1.25m", "about £2.4m") agrees with any within this share of it. */
const APPROXIMATION = 0.05;
/** How many words before a figure say what it is the cost of. */
const SUBJECT_WORDS = 8;
/** How many words after a figure may name it ("the £5.101m plan", "This £2.53m investment"). */
const NOUN_AFTER_WORDS = 2;
const FUNCTION_WORDS = new Set(['the', 'and', 'for', 'from', 'this', 'that', 'with', 'has', 'have', 'been', 'was', 'were', 'are', 'will', 'its', 'their', 'our', 'which', 'into', 'over', 'per', 'extra']);
/** Words any sum may be described with: sharing them says nothing about what the sum is for. */
const MONEY_WORDS = new Set(['cost', 'costs', 'costed', 'costing', 'total', 'budget', 'spend', 'spending', 'amount', 'figure', 'sum', 'expected', 'estimated', 'around', 'about']);

/** A word's stem, for telling one subject in two forms ("invest", "investment"; "cost", "costs"). */
const stem = (word: string) => word.replace(/(?:ments?|ings?|ed|es|s)$/, '');

/**
 * The words that say what a figure is ("The plan is costed at £5.011m" → plan, cost; "approves
 * the £5.101m plan" → approv, plan): the content words of its sentence just before it, after
 * any figure before it, and the noun just after it, stemmed.
 */
function subjectWords(index: TextIndex, costs: readonly CostEntity[], cost: CostEntity): Set<string> {
  const text = index.text;
  const sentence = index.sentenceAround(cost.span.start, cost.span.end);
  const previous = costs.filter((c) => c.span.end <= cost.span.start && c.span.start >= sentence.start).pop();
  const before = text.slice(previous ? previous.span.end : sentence.start, cost.span.start);
  const after = (/^\s+((?:[a-z][\w'-]*\s*){1,2})/i.exec(text.slice(cost.span.end, sentence.end))?.[1] ?? '').split(/\s+/).slice(0, NOUN_AFTER_WORDS).join(' ');
  // The noun straight after the figure names it; a preposition, conjunction or verb there starts something else.
  const namesIt = !/^(?:of|in|for|to|a|an|per|on|by|and|or|but|from|with|which|that|is|was|will|would|has|had|at|as)\b/i.test(after);
  const words = [...(before.toLowerCase().match(/[a-z']{3,}/g) ?? []).slice(-SUBJECT_WORDS), ...(namesIt ? (after.toLowerCase().match(/[a-z']{3,}/g) ?? []) : [])];
  return new Set(words.filter((word) => !FUNCTION_WORDS.has(word) && !MONEY_WORDS.has(word)).map(stem));
}

const digitsOf = (cost: CostEntity) => [...(cost.text.match(/\d/g) ?? [])].sort().join('');

/**
 * One sum given twice with digits that differ: two figures described with the same words,
 * close to each other or written with the same digits, that differ by more than the rounding
 * of either allows (or, where one is approximate, by more than its approximation). Close
 * figures for different things ("£1.20m for staffing", "£1.21m for placements") are no mismatch.
 */
function costMismatches(record: Checked, index: TextIndex): Anomaly[] {
  const anomalies: Anomaly[] = [];
  const subjects = new Map(record.costs.map((cost) => [cost, subjectWords(index, record.costs, cost)]));
  record.costs.forEach((a, i) => {
    for (const b of record.costs.slice(i + 1)) {
      const difference = Math.abs(a.amount_gbp - b.amount_gbp);
      const larger = Math.max(a.amount_gbp, b.amount_gbp);
      const sameDigits = digitsOf(a) === digitsOf(b) && digitsOf(a).length >= 3;
      const close = difference <= SAME_COST_RATIO * larger || sameDigits;
      const tolerance = a.approximate || b.approximate ? Math.max(APPROXIMATION * larger, halfUnit(a), halfUnit(b)) : Math.max(halfUnit(a), halfUnit(b));
      const shared = [...subjects.get(a)!].filter((word) => subjects.get(b)!.has(word));
      if (close && difference > tolerance && shared.length > 0) {
        const message = `"${a.text}" and "${b.text}" are both given as the ${shared.join(' ')} figure but differ by £${difference}, more than their rounding allows`;
        anomalies.push({ code: 'cost_mismatch', message, spans: [a.span, b.span] });
      }
    }
  });
  return anomalies;
}

function unitsMissing(record: Checked): Anomaly[] {
  return record.costs
    .filter((c) => c.unit_inferred)
    .map((c) => ({ code: 'cost_unit_missing', message: `"${c.text}" has no unit; read as £${c.amount_gbp} from the £m figures around it`, spans: [c.span] }));
}

/** Words after a total that introduce its parts: a bracket (after up to four words naming the total) or "made up of". */
const PARTS_FOLLOW = /^(?:\s+[\w'/-]+){0,4}?\s*(?:\(|,?\s*(?:made up of|comprising|consisting of|split between|broken down as)\s*:?)/i;

/**
 * A total followed by its parts, in brackets or after "made up of": the parts must add up to
 * it within the rounding of the figures as written (an approximate total allows 5%).
 */
function sumsThatFail(record: Checked): Anomaly[] {
  const text = record.text;
  const anomalies: Anomaly[] = [];
  for (const total of record.costs) {
    const opener = PARTS_FOLLOW.exec(text.slice(total.span.end));
    if (!opener) continue;
    const partsFrom = total.span.end + opener[0].length;
    const closeAt = opener[0].trim().endsWith('(') ? text.indexOf(')', partsFrom) : text.slice(partsFrom).search(/[.;](?:\s|$)|\n|$/) + partsFrom;
    if (closeAt < partsFrom) continue;
    const parts = record.costs.filter((c) => c.span.start >= partsFrom && c.span.end <= closeAt);
    if (parts.length < 2) continue;
    const sum = parts.reduce((acc, c) => acc + c.amount_gbp, 0);
    const rounding = halfUnit(total) + parts.reduce((acc, c) => acc + halfUnit(c), 0);
    const tolerance = total.approximate ? Math.max(rounding, 0.05 * total.amount_gbp) : rounding;
    if (Math.abs(sum - total.amount_gbp) > tolerance) {
      anomalies.push({ code: 'costs_do_not_sum', message: `the parts of "${total.text}" add up to £${sum}, not £${total.amount_gbp}`, spans: [total.span, ...parts.map((c) => c.span)] });
    }
  }
  return anomalies;
}

/** A record's text index, for a record checked on its own (read back from a corpus, made in a test). */
function indexOf(record: DocumentRecord | Checked): TextIndex {
  return new TextIndex(
    { text: record.text, pages: record.pages },
    { clauses: record.clauses, address: record.address, signature: record.signature, header_table: record.header_table, sections: record.sections, fields: [] },
  );
}

/**
 * The anomalies of a record, read with the text index the recognisers used (sentences across
 * line breaks): the pipeline hands its own on, so that it is built once a document.
 */
export function check(record: DocumentRecord | Checked, index: TextIndex = indexOf(record)): Anomaly[] {
  const signed = signedBeforeIssued(record);
  const reported = new Set(signed.flatMap((a) => a.spans.map(spanKey)));
  return [...signed, ...weekdayMismatches(record), ...yearMismatches(record, index, reported), ...costMismatches(record, index), ...unitsMissing(record), ...sumsThatFail(record)];
}
