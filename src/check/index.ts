/**
 * The check stage: inconsistencies inside one document (docs/SPEC.md, "Anomaly codes"). Each
 * anomaly names the spans it is about, so a reader can see both sides of the disagreement.
 */
import type { Anomaly, CostEntity, DocumentRecord, Span } from '../record.js';
import { weekdayOf } from '../normalise/calendar.js';
import { UNIT_MULTIPLIER } from '../recognise/costs.js';

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
 * Two dates are one event's when the document gives them the same role; different events on
 * the same day of different years (an anniversary, last year's inspection) are no slip. A pair
 * already reported as signed before issued is not reported again.
 */
function yearMismatches(record: Checked, reported: Set<string>): Anomaly[] {
  const days = record.dates.filter((d) => d.precision === 'day' && d.role !== null);
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

/** Figures this close may be the same sum written twice, so their digits should agree. */
const SAME_COST_RATIO = 0.02;
/** How many words before a figure say what it is the cost of. */
const SUBJECT_WORDS = 8;
const FUNCTION_WORDS = new Set(['the', 'and', 'for', 'from', 'this', 'that', 'with', 'has', 'have', 'been', 'was', 'were', 'are', 'will', 'its', 'their', 'our', 'which', 'into', 'over', 'per']);

/**
 * The words that say what a figure is ("The plan is costed at £5.011m" → plan, costed): the
 * content words of its sentence just before it, after any figure before it.
 */
function subjectWords(text: string, cost: CostEntity): Set<string> {
  const before = text.slice(Math.max(0, cost.span.start - 200), cost.span.start);
  const clause = before.split(/[.!?\n]\s|£[\d.,]+\w*/).pop() ?? '';
  const words = clause.toLowerCase().match(/[a-z']{3,}/g) ?? [];
  return new Set(words.slice(-SUBJECT_WORDS).filter((word) => !FUNCTION_WORDS.has(word)));
}

/**
 * Two figures within a few per cent of each other, described with the same words, are one sum
 * written twice; digits that differ by more than rounding allows are a slip. Close figures for
 * different things ("£2,150,000 for staff" and "£2.175m from the budget") are no mismatch.
 */
function costMismatches(record: Checked): Anomaly[] {
  const anomalies: Anomaly[] = [];
  const subjects = new Map(record.costs.map((cost) => [cost, subjectWords(record.text, cost)]));
  record.costs.forEach((a, i) => {
    for (const b of record.costs.slice(i + 1)) {
      const difference = Math.abs(a.amount_gbp - b.amount_gbp);
      const close = difference <= SAME_COST_RATIO * Math.max(a.amount_gbp, b.amount_gbp);
      const shared = [...subjects.get(a)!].filter((word) => subjects.get(b)!.has(word));
      if (close && difference > Math.max(halfUnit(a), halfUnit(b)) && shared.length > 0) {
        const message = `"${a.text}" and "${b.text}" are both given as the ${shared.join(' ')} figure but differ by £${difference}`;
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
const PARTS_FOLLOW = /^(?:\s+[\w'-]+){0,4}?\s*(?:\(|,?\s*(?:made up of|comprising|consisting of|split between|broken down as)\s*:?)/i;

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

export function check(record: DocumentRecord | Checked): Anomaly[] {
  const signed = signedBeforeIssued(record);
  const reported = new Set(signed.flatMap((a) => a.spans.map(spanKey)));
  return [...signed, ...weekdayMismatches(record), ...yearMismatches(record, reported), ...costMismatches(record), ...unitsMissing(record), ...sumsThatFail(record)];
}
