/**
 * The kind's key facts (docs/SPEC.md, "Facts"), each read from the entities' roles and context,
 * with the evidence it came from: the clause it stands in (if any), its span and text.
 */
import type {
  CabinetReportFacts,
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
  Span,
  TableRow,
} from '../record.js';
import type { TextIndex } from './text-index.js';

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


/** Collects facts and their evidence as they are found, and says why a fact was left null. */
class FactSheet {
  readonly evidence: Record<string, Evidence> = {};
  constructor(private readonly index: TextIndex) {}

  /** The value of `field` read from `source` (an entity or table row), noting where it came from. */
  take<S extends { span: Span }, T>(field: string, source: S | undefined | null, value: (source: S) => T): T | null {
    if (!source) return null;
    this.evidence[field] = this.index.evidence(source.span);
    return value(source);
  }

  /** Notes, for every fact still null, what was looked for. */
  explainNulls(facts: Record<string, unknown>, lookedFor: Record<string, string>): void {
    for (const [field, value] of Object.entries(facts)) {
      if (value === null) this.index.note('facts', 'fact_not_found', `${field}: ${lookedFor[field] ?? 'not stated'}`);
    }
  }
}

const dayDated = (dates: DateEntity[], role: string) => dates.find((d) => d.role === role && d.precision === 'day');

/** Words between a cost and its neighbours in the same sentence: what the figure is. */
function costContext(index: TextIndex, costs: CostEntity[], i: number): { before: string; after: string } {
  const cost = costs[i];
  const sentence = index.sentenceAround(cost.span.start, cost.span.end);
  const previous = costs[i - 1];
  const next = costs[i + 1];
  const before = index.text.slice(Math.max(sentence.start, previous && previous.span.end <= cost.span.start ? previous.span.end : 0), cost.span.start);
  const after = index.text.slice(cost.span.end, Math.min(sentence.end, next && next.span.start >= cost.span.end ? next.span.start : Infinity));
  return { before, after };
}

/** A word of costing: "cost", "costed", "costs", "budget", "priced". */
const COSTING = /\b(?:cost(?:s|ed|ing)?|budget(?:ed)?|priced)\b/gi;
/** What a figure after a costing word may be instead of the plan's cost: a grant, a saving, a threshold. */
const OTHER_SUM = /\b(?:grants?|savings?|reserves?|contribution|threshold|funding|exceed\w*|over|more\s+than|above)\b/i;

/**
 * The plan's cost: the words before the figure, in its sentence, name the plan and a word of
 * costing, with nothing after the costing word that makes the figure another sum ("The
 * improvement plan will cost £3.2 million in total", "the plan is costed at £5m", "The total
 * cost of delivering the plan is estimated at £1.75m").
 */
function planCost(c: { before: string }): boolean {
  if (!/\b(?:plan|improvement\s+programme)\b/i.test(c.before)) return false;
  const costing = [...c.before.matchAll(COSTING)].pop();
  return costing !== undefined && !OTHER_SUM.test(c.before.slice(costing.index + costing[0].length));
}

/**
 * The grant: "a grant of £1.1m", "improvement grant funding of £500,000", "The DfE has awarded
 * £600,000 of improvement funding", or a figure whose own clause says a grant pays it: "£0.671m
 * provided by DfE Improvement Grant", "£0.75m will be met from the DfE improvement grant", "£750k
 * from the DfE improvement grant", "£400,000 of DfE improvement grant funding".
 */
const GRANT = (c: { before: string; after: string }) =>
  /\bgrants?(?:\s+(?:funding|allocation|award|payment))?\s+(?:of|worth|totalling|amounting\s+to)\s*$/i.test(c.before) ||
  /\b(?:awarded|granted|allocated)\s+(?:the\s+\w+\s+)?$/i.test(c.before) && /^\s+(?:of\s+)?(?:\w+\s+){0,2}(?:grant|funding)\b/i.test(c.after) ||
  /^\s*(?:(?:(?:is|are|was|were|has\s+been|will\s+be)\s+)?(?:provided|funded|awarded|given|received|met|paid|covered)\b[^£]*?\bgrant|(?:(?:from|by|through|via|of|in)\s+)?(?:the\s+)?(?:[\w'-]+\s+){0,3}grant)\b/i.test(c.after);

function noticeFacts(sheet: FactSheet, inputs: FactInputs, index: TextIndex): NoticeFacts {
  const signature = index.segmented.signature;
  const inSignature = signature && inputs.dates.find((d) => d.precision === 'day' && d.span.start >= signature.span.start && d.span.end <= signature.span.end);
  const signatory = inputs.people.find((p) => p.role === 'signatory');
  const dueDeadlines = inputs.deadlines.filter((d) => d.due !== null);
  // What each deadline is for: the words of its clause, from the previous deadline (or the sentence's start) to it.
  const clauseOf = (i: number) => {
    const { span } = dueDeadlines[i];
    const sentence = index.sentenceAround(span.start, span.end);
    const previous = dueDeadlines[i - 1]?.span.end ?? 0;
    const clause = index.text.slice(Math.max(sentence.start, previous < span.start ? previous : 0), span.start);
    // From the last comma or semicolon: "submit the plan by a date …, and deliver it by 30 November 2018".
    return clause.slice(Math.max(0, clause.search(/[^,;]*$/)));
  };
  const purposes = dueDeadlines.map((_, i) => clauseOf(i));
  const submitting = (i: number) => /\bsubmi\w*/i.test(purposes[i]);
  // The plan's deadline is when its actions are to be delivered, not when it is to be submitted.
  const planDeadline =
    dueDeadlines.find((_, i) => /\b(?:deliver|complet|implement|achiev|secur)\w*\b/i.test(purposes[i]) && !submitting(i)) ??
    dueDeadlines.find((_, i) => /\bplan\b/i.test(purposes[i]) && !submitting(i)) ??
    dueDeadlines.find((_, i) => !submitting(i));
  const facts: NoticeFacts = {
    issued: sheet.take('issued', dayDated(inputs.dates, 'issued'), (d) => d.value),
    inspection_report_published: sheet.take('inspection_report_published', dayDated(inputs.dates, 'inspection_report_published'), (d) => d.value),
    signed: sheet.take('signed', inSignature || dayDated(inputs.dates, 'signed'), (d) => d.value),
    signatory: sheet.take('signatory', signatory, (p) => p.name),
    plan_deadline: sheet.take('plan_deadline', planDeadline, (d) => d.due),
  };
  sheet.explainNulls(facts, {
    issued: 'no date is said to be the notice\'s issue ("issued", "dated", "Date of issue:")',
    inspection_report_published: 'no date is said to be the inspection report\'s publication',
    signed: 'no date in the signature block and none said to be signed',
    signatory: 'no name in the signature block',
    plan_deadline: 'no deadline with a due date for delivering the plan',
  });
  return facts;
}

/** Labels that hold the report's subject: "Subject Heading", "Report title", "Title of report", "Title". */
const SUBJECT_KEY = /^\W*(?:(?:report\s+)?subject(?:\s+heading)?|(?:report\s+)?title(?:\s+of\s+(?:the\s+)?report)?)\W*$/i;

/**
 * Without a subject row, the report's title: a line of four words or more among the lines that
 * open the report, before its table rows and numbered paragraphs, that is not a sentence, a
 * dated meeting line or the council's or a committee's name ("CHILDREN'S SOCIAL CARE: RESPONSE
 * TO THE OFSTED INSPECTION", "Improving outcomes for children: Ofsted inspection and Plan").
 */
function titleLine(index: TextIndex): { span: Span; value: string } | undefined {
  const opening = index.lines.map((l) => ({ ...l, trimmed: l.text.trim() }));
  // The body starts at the first numbered clause or table row the segmenter found.
  const firstClause = index.segmented.clauses[0]?.span.start ?? Infinity;
  const bodyStarts = opening.findIndex((l) => l.text.includes('\t') || l.end > firstClause);
  const line = opening
    .slice(0, bodyStarts < 0 ? opening.length : bodyStarts)
    .find(
      (l) =>
        l.trimmed.split(/\s+/).length >= 4 &&
        !/\d|[.;?!]$/.test(l.trimmed) &&
        !/\b(?:council|committee|cabinet|board)$/i.test(l.trimmed) &&
        !/^report\s+(?:of|to|by|from)\b/i.test(l.trimmed),
    );
  return line && { span: index.span(line.start, line.start + line.text.length), value: line.trimmed };
}

/** A key decision said in prose or in a label within a line: "This is a key decision", "This is not a key decision", "… Key decision: Yes". */
const KEY_DECISION_SENTENCE = /\b(?:this|it)\s+(?:is|(is\s+not|isn't))\s+a\s+key\s+decision\b|\bkey\s+decision\s*[:?]?\s*(?:(yes)|no)\b/i;

function keyDecision(sheet: FactSheet, index: TextIndex, row: (label: RegExp) => TableRow | undefined): boolean | null {
  const labelled = row(/\bkey decision\b/i);
  if (labelled && /^\W*(?:yes|no)\b/i.test(labelled.value)) return sheet.take('key_decision', labelled, (r) => /^\W*yes\b/i.test(r.value));
  const said = KEY_DECISION_SENTENCE.exec(index.text);
  if (!said) return null;
  const yes = said[0].toLowerCase().includes('key decision') && /\b(?:yes|no)\b/i.test(said[0]) ? said[2] !== undefined : said[1] === undefined;
  return sheet.take('key_decision', { span: index.span(said.index, said.index + said[0].length) }, () => yes);
}

function cabinetReportFacts(sheet: FactSheet, inputs: FactInputs, index: TextIndex): CabinetReportFacts {
  const fields = index.segmented.fields;
  const row = (label: RegExp) => fields.find((r) => label.test(r.key));
  const inspection = inputs.ranges.find((r) => r.role === 'inspection');
  const contexts = inputs.costs.map((_, i) => costContext(index, inputs.costs, i));
  const costWhere = (test: (c: { before: string; after: string }) => boolean) => inputs.costs.find((_, i) => test(contexts[i]));
  const facts: CabinetReportFacts = {
    meeting: sheet.take('meeting', dayDated(inputs.dates, 'meeting'), (d) => d.value),
    subject: sheet.take('subject', row(SUBJECT_KEY), (r) => r.value.trim()) ?? sheet.take('subject', titleLine(index), (t) => t.value),
    cabinet_member: sheet.take('cabinet_member', inputs.people.find((p) => p.role === 'cabinet_member'), (p) => p.name),
    key_decision: keyDecision(sheet, index, row),
    inspection_start: sheet.take('inspection_start', inspection, (r) => r.start),
    inspection_end: sheet.take('inspection_end', inspection, (r) => r.end),
    inspection_report_published: sheet.take('inspection_report_published', dayDated(inputs.dates, 'inspection_report_published'), (d) => d.value),
    notice_issued: sheet.take('notice_issued', dayDated(inputs.dates, 'notice_issued'), (d) => d.value),
    plan_submitted: sheet.take('plan_submitted', dayDated(inputs.dates, 'plan_submitted'), (d) => d.value),
    plan_cost_gbp: sheet.take('plan_cost_gbp', costWhere(planCost), (c) => c.amount_gbp),
    grant_gbp: sheet.take('grant_gbp', costWhere(GRANT), (c) => c.amount_gbp),
  };
  sheet.explainNulls(facts, {
    meeting: 'no date of the meeting (a lone date line, "Date of meeting:", "Cabinet, …")',
    subject: 'no subject or title row and no title line before the body',
    cabinet_member: 'no cabinet member, portfolio holder or lead member named',
    key_decision: 'no "Key decision" row and no sentence saying whether this is a key decision',
    inspection_start: 'no range of dates said to be the inspection',
    inspection_end: 'no range of dates said to be the inspection',
    inspection_report_published: 'no date said to be the inspection report\'s publication',
    notice_issued: 'no date said to be the notice\'s issue',
    plan_submitted: 'no date said to be the plan\'s submission',
    plan_cost_gbp: 'no figure after words naming the plan and its cost',
    grant_gbp: 'no figure said to be a grant',
  });
  return facts;
}

/** A date the release calls today: "has today (4 April 2019) issued", "today, 4 April 2019,". */
const TODAY_BEFORE = /\btoday\s*[(,]?\s*$/i;

function pressReleaseFacts(sheet: FactSheet, inputs: FactInputs, index: TextIndex): PressReleaseFacts {
  const today = inputs.dates.find((d) => d.precision === 'day' && TODAY_BEFORE.test(index.text.slice(Math.max(0, d.span.start - 12), d.span.start)));
  const facts = { published: sheet.take('published', dayDated(inputs.dates, 'published') ?? today, (d) => d.value) };
  sheet.explainNulls(facts, { published: 'no dateline, "Published" date or lone date line' });
  return facts;
}

export function recogniseFacts(index: TextIndex, kind: DocumentKind, inputs: FactInputs): RecognisedFacts {
  const sheet = new FactSheet(index);
  const facts: Facts =
    kind === 'improvement_notice' ? noticeFacts(sheet, inputs, index)
    : kind === 'cabinet_report' ? cabinetReportFacts(sheet, inputs, index)
    : kind === 'press_release' ? pressReleaseFacts(sheet, inputs, index)
    : {};
  return { facts, fact_evidence: sheet.evidence };
}
