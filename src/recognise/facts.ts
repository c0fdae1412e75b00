/**
 * The kind's key facts (docs/SPEC.md, "Facts"), each read from the entities' roles and context,
 * with the evidence it came from: the clause it stands in (if any), its span and text.
 */
import { linesOf, spanOf, type NormalisedDocument } from '../normalise/index.js';
import type {
  CabinetReportFacts,
  Clause,
  CostEntity,
  DateEntity,
  DateRangeEntity,
  DeadlineEntity,
  DocumentKind,
  Evidence,
  Facts,
  NoticeFacts,
  PersonEntity,
  PressReleaseFacts,
  Segmented,
  Span,
  TableRow,
} from '../record.js';
import { clauseHolding } from '../segment/index.js';
import { sentenceAround } from './spans.js';

export interface FactInputs {
  dates: DateEntity[];
  ranges: DateRangeEntity[];
  deadlines: DeadlineEntity[];
  costs: CostEntity[];
  people: PersonEntity[];
}

export interface RecognisedFacts {
  facts: Facts;
  fact_evidence: Record<string, Evidence>;
}


/** Collects facts and their evidence as they are found. */
class FactSheet {
  readonly evidence: Record<string, Evidence> = {};
  constructor(private readonly doc: NormalisedDocument, private readonly clauses: Clause[]) {}

  /** The value of `field` read from `source` (an entity or table row), noting where it came from. */
  take<S extends { span: Span }, T>(field: string, source: S | undefined | null, value: (source: S) => T): T | null {
    if (!source) return null;
    const { span } = source;
    this.evidence[field] = { clause: clauseHolding(this.clauses, { start: span.start, end: span.start + 1 })?.id ?? null, span, text: this.doc.text.slice(span.start, span.end) };
    return value(source);
  }
}

const dayDated = (dates: DateEntity[], role: string) => dates.find((d) => d.role === role && d.precision === 'day');

/** Words between a cost and its neighbours in the same sentence: what the figure is. */
function costContext(text: string, costs: CostEntity[], index: number): { before: string; after: string } {
  const cost = costs[index];
  const lineStart = text.lastIndexOf('\n', cost.span.start - 1) + 1;
  const lineEndAt = text.indexOf('\n', cost.span.end);
  const sentenceFrom = Math.max(lineStart, ...[...text.slice(lineStart, cost.span.start).matchAll(/[.!?]\s+/g)].map((m) => lineStart + m.index + m[0].length));
  const previous = costs[index - 1];
  const next = costs[index + 1];
  const before = text.slice(Math.max(sentenceFrom, previous && previous.span.end <= cost.span.start ? previous.span.end : 0), cost.span.start);
  const afterEnd = Math.min(lineEndAt < 0 ? text.length : lineEndAt, next && next.span.start >= cost.span.end ? next.span.start : Infinity);
  const after = text.slice(cost.span.end, afterEnd).split(/[.!?](?:\s|$)/)[0];
  return { before, after };
}

/**
 * The plan's cost: the plan named before the figure, with a word of costing just before it ("is
 * costed at £5m", "is estimated to cost £4.2m") or the figure being what the cost of the plan
 * "is" ("the total cost of delivering the improvement plan is £2.5 million").
 */
const PLAN_COST = (c: { before: string }) =>
  /\bplan\b/i.test(c.before) &&
  (/\bcost(?:s|ed|ing)?\b(?:\s+\w+){0,3}\s*$/i.test(c.before) || /\bcosts?\s+of\b[^£]*\bplan\b\s*(?:is|will\s+be|was|totals|amounts\s+to)\s*$/i.test(c.before));
/**
 * The grant: "a grant of £1.1m", "improvement grant funding of £500,000", or a figure whose own clause says a grant pays it: "£0.671m
 * provided by DfE Improvement Grant", "£0.75m will be met from the DfE improvement grant", "£750k
 * from the DfE improvement grant", "£400,000 of DfE improvement grant funding".
 */
const GRANT = (c: { before: string; after: string }) =>
  /\bgrants?(?:\s+(?:funding|allocation|award|payment))?\s+(?:of|worth|totalling|amounting\s+to)\s*$/i.test(c.before) ||
  /^\s*(?:(?:(?:is|are|was|were|has\s+been|will\s+be)\s+)?(?:provided|funded|awarded|given|received|met|paid|covered)\b[^£]*?\bgrant|(?:(?:from|by|through|via|of|in)\s+)?(?:the\s+)?(?:[\w'-]+\s+){0,3}grant)\b/i.test(c.after);

function noticeFacts(sheet: FactSheet, inputs: FactInputs, segmented: Segmented, text: string): NoticeFacts {
  const signature = segmented.signature;
  const inSignature = signature && inputs.dates.find((d) => d.precision === 'day' && d.span.start >= signature.span.start && d.span.end <= signature.span.end);
  const signatory = inputs.people.find((p) => p.role === 'signatory');
  const dueDeadlines = inputs.deadlines.filter((d) => d.due !== null);
  // The plan's deadline is when its actions are to be delivered, not when it is to be submitted.
  const planDeadline =
    dueDeadlines.find((d) => /\b(?:deliver|complet|implement|achiev)\w*\b/i.test(sentenceOf(text, d.span))) ??
    dueDeadlines.find((d) => /\bplan\b/i.test(sentenceOf(text, d.span))) ??
    dueDeadlines[0];
  return {
    issued: sheet.take('issued', dayDated(inputs.dates, 'issued'), (d) => d.value),
    inspection_report_published: sheet.take('inspection_report_published', dayDated(inputs.dates, 'inspection_report_published'), (d) => d.value),
    signed: sheet.take('signed', inSignature || dayDated(inputs.dates, 'signed'), (d) => d.value),
    signatory:
      sheet.take('signatory', signatory, (p) => p.name) ??
      sheet.take('signatory', signature?.name ? signature : undefined, () => signature?.name ?? null),
    plan_deadline: sheet.take('plan_deadline', planDeadline, (d) => d.due),
  };
}

function sentenceOf(text: string, span: Span): string {
  const sentence = sentenceAround(text, span.start, span.end);
  return text.slice(sentence.start, sentence.end);
}

/**
 * The document's `key\tvalue` rows: the header table first, then any other row, because a
 * report may open with a title or meeting line the segmenter does not count as its table.
 */
function tableRows(doc: NormalisedDocument, segmented: Segmented): TableRow[] {
  const rows: TableRow[] = [...segmented.header_table];
  for (const line of linesOf(doc.text)) {
    const tab = line.text.indexOf('\t');
    if (tab <= 0 || rows.some((r) => r.span.start <= line.start && line.start < r.span.end)) continue;
    rows.push({ key: line.text.slice(0, tab).replace(/\s*:$/, ''), value: line.text.slice(tab + 1), span: spanOf(doc, line.start, line.end) });
  }
  return rows;
}

/** Header keys that hold the report's subject: "Subject Heading", "Report title", "Title of report", "Title". */
const SUBJECT_KEY = /^\W*(?:(?:report\s+)?subject(?:\s+heading)?|(?:report\s+)?title(?:\s+of\s+(?:the\s+)?report)?)\W*$/i;

/**
 * Without a subject row, the report's title: a line of four words or more among the lines that
 * open the report, before its table rows and numbered paragraphs, that is not a sentence, a
 * dated meeting line or the council's or a committee's name ("CHILDREN'S SOCIAL CARE: RESPONSE
 * TO THE OFSTED INSPECTION", "Improving outcomes for children: Ofsted inspection and Plan").
 */
function titleLine(doc: NormalisedDocument): { span: Span; value: string } | undefined {
  const opening = linesOf(doc.text).map((l) => ({ ...l, trimmed: l.text.trim() }));
  const bodyStarts = opening.findIndex((l) => l.text.includes('\t') || /^\d+(?:\.\d+)*\.?\s/.test(l.trimmed));
  const line = opening
    .slice(0, bodyStarts < 0 ? opening.length : bodyStarts)
    .find(
      (l) =>
        l.trimmed.split(/\s+/).length >= 4 &&
        !/\d|[.;?!]$/.test(l.trimmed) &&
        !/\b(?:council|committee|cabinet|board)$/i.test(l.trimmed) &&
        !/^report\s+(?:of|to|by|from)\b/i.test(l.trimmed),
    );
  return line && { span: spanOf(doc, line.start, line.start + line.text.length), value: line.trimmed };
}

function cabinetReportFacts(sheet: FactSheet, inputs: FactInputs, segmented: Segmented, doc: NormalisedDocument): CabinetReportFacts {
  const text = doc.text;
  const rows = tableRows(doc, segmented);
  const row = (label: RegExp) => rows.find((r) => label.test(r.key));
  const inspection = inputs.ranges.find((r) => r.role === 'inspection');
  const contexts = inputs.costs.map((_, i) => costContext(text, inputs.costs, i));
  const costWhere = (test: (c: { before: string; after: string }) => boolean) => inputs.costs.find((_, i) => test(contexts[i]));
  const keyDecision = row(/\bkey decision\b/i);
  return {
    meeting: sheet.take('meeting', dayDated(inputs.dates, 'meeting'), (d) => d.value),
    subject: sheet.take('subject', row(SUBJECT_KEY), (r) => r.value.trim()) ?? sheet.take('subject', titleLine(doc), (t) => t.value),
    cabinet_member: sheet.take('cabinet_member', inputs.people.find((p) => p.role === 'cabinet_member'), (p) => p.name),
    key_decision: sheet.take('key_decision', keyDecision && /^\s*(?:yes|no)\b/i.test(keyDecision.value) ? keyDecision : undefined, (r) => /^\s*yes\b/i.test(r.value)),
    inspection_start: sheet.take('inspection_start', inspection, (r) => r.start),
    inspection_end: sheet.take('inspection_end', inspection, (r) => r.end),
    inspection_report_published: sheet.take('inspection_report_published', dayDated(inputs.dates, 'inspection_report_published'), (d) => d.value),
    notice_issued: sheet.take('notice_issued', dayDated(inputs.dates, 'notice_issued'), (d) => d.value),
    plan_submitted: sheet.take('plan_submitted', dayDated(inputs.dates, 'plan_submitted'), (d) => d.value),
    plan_cost_gbp: sheet.take('plan_cost_gbp', costWhere(PLAN_COST), (c) => c.amount_gbp),
    grant_gbp: sheet.take('grant_gbp', costWhere(GRANT), (c) => c.amount_gbp),
  };
}

function pressReleaseFacts(sheet: FactSheet, inputs: FactInputs): PressReleaseFacts {
  return { published: sheet.take('published', dayDated(inputs.dates, 'published'), (d) => d.value) };
}

export function recogniseFacts(doc: NormalisedDocument, kind: DocumentKind, segmented: Segmented, inputs: FactInputs): RecognisedFacts {
  const sheet = new FactSheet(doc, segmented.clauses);
  const facts: Facts =
    kind === 'improvement_notice' ? noticeFacts(sheet, inputs, segmented, doc.text)
    : kind === 'cabinet_report' ? cabinetReportFacts(sheet, inputs, segmented, doc)
    : kind === 'press_release' ? pressReleaseFacts(sheet, inputs)
    : {};
  return { facts, fact_evidence: sheet.evidence };
}
