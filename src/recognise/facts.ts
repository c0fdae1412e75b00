/**
 * The kind's key facts (docs/SPEC.md, "Facts"), as its declaration in pipelines/<kind>/kind.json
 * says to read each: a date, range or person of a role the recognisers gave it, or one of the
 * readers below for facts whose reading is more than a lookup. Every value keeps the evidence it
 * came from (the clause it stands in, its span and text); a fact not found is null, with a
 * message saying what was looked for.
 */
import type { CostEntity, DateEntity, DateRangeEntity, DeadlineEntity, DocumentKind, Evidence, FactValue, Facts, PersonEntity, Span, TableRow } from '../record.js';
import { findPublisher } from '../classify/publisher.js';
import { KINDS, REGISTRY, type ReadStep } from '../registry.js';
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

/** A value read, with where it stands. */
interface Reading {
  source: { span: Span };
  value: FactValue;
}

const reading = <S extends { span: Span }>(source: S | undefined | null, value: (source: S) => FactValue): Reading | null =>
  source ? { source, value: value(source) } : null;

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

/** The day date in the signature block, where there is one. */
function signatureDate(index: TextIndex, inputs: FactInputs): Reading | null {
  const signature = index.segmented.signature;
  return reading(signature && inputs.dates.find((d) => d.precision === 'day' && d.span.start >= signature.span.start && d.span.end <= signature.span.end), (d) => d.value);
}

/**
 * The deadlines with a due date, each with what it is for: the words of its clause, from the
 * previous deadline (or the sentence's start) to it, from the last comma or semicolon ("submit
 * the plan by a date …, and deliver it by 30 November 2018").
 */
function dueDeadlinesWithPurpose(index: TextIndex, inputs: FactInputs): { deadline: DeadlineEntity; purpose: string }[] {
  const due = inputs.deadlines.filter((d) => d.due !== null);
  return due.map((deadline, i) => {
    const { span } = deadline;
    const sentence = index.sentenceAround(span.start, span.end);
    const previous = due[i - 1]?.span.end ?? 0;
    const clause = index.text.slice(Math.max(sentence.start, previous < span.start ? previous : 0), span.start);
    return { deadline, purpose: clause.slice(Math.max(0, clause.search(/[^,;]*$/))) };
  });
}

/** The plan's deadline: when its actions are to be delivered, not when it is to be submitted. */
function planDeadline(index: TextIndex, inputs: FactInputs): Reading | null {
  const withPurpose = dueDeadlinesWithPurpose(index, inputs);
  const dueDeadlines = withPurpose.map((d) => d.deadline);
  const purposes = withPurpose.map((d) => d.purpose);
  const submitting = (i: number) => /\bsubmi\w*/i.test(purposes[i]);
  const deadline =
    dueDeadlines.find((_, i) => /\b(?:deliver|complet|implement|achiev|secur)\w*\b/i.test(purposes[i]) && !submitting(i)) ??
    dueDeadlines.find((_, i) => /\bplan\b/i.test(purposes[i]) && !submitting(i)) ??
    dueDeadlines.find((_, i) => !submitting(i));
  return reading(deadline, (d) => d.due);
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

/** Whether the report asks for a key decision: a "Key decision" row answered yes or no, else a sentence saying so. */
function keyDecision(index: TextIndex): Reading | null {
  const labelled = index.segmented.fields.find((r) => /\bkey decision\b/i.test(r.key));
  if (labelled && /^\W*(?:yes|no)\b/i.test(labelled.value)) return reading(labelled, (r) => /^\W*yes\b/i.test(r.value));
  const said = KEY_DECISION_SENTENCE.exec(index.text);
  if (!said) return null;
  const yes = said[0].toLowerCase().includes('key decision') && /\b(?:yes|no)\b/i.test(said[0]) ? said[2] !== undefined : said[1] === undefined;
  return reading({ span: index.span(said.index, said.index + said[0].length) }, () => yes);
}

/** The report's subject: its subject or title row, else its title line. */
function subject(index: TextIndex): Reading | null {
  return reading(index.segmented.fields.find((r) => SUBJECT_KEY.test(r.key)), (r: TableRow) => r.value.trim()) ?? reading(titleLine(index), (t) => t.value);
}

/** A figure the words around it say is a cost of the kind `test` accepts. */
function costWhere(index: TextIndex, inputs: FactInputs, test: (c: { before: string; after: string }) => boolean): Reading | null {
  const cost = inputs.costs.find((_, i) => test(costContext(index, inputs.costs, i)));
  return reading(cost, (c) => c.amount_gbp);
}

/** A date the release calls today: "has today (4 April 2019) issued", "today, 4 April 2019,". */
const TODAY_BEFORE = /\btoday\s*[(,]?\s*$/i;

/** The date the document calls today ("has today (4 April 2019) issued"). */
function datedToday(index: TextIndex, inputs: FactInputs): Reading | null {
  return reading(inputs.dates.find((d) => d.precision === 'day' && TODAY_BEFORE.test(index.text.slice(Math.max(0, d.span.start - 12), d.span.start))), (d) => d.value);
}

/** The kind of visit a letter reports: the first "monitoring visit" or "focused visit" it names (its title, as a rule). */
function visitType(index: TextIndex): Reading | null {
  const named = /\b(monitoring|focused)\s+visit\b/i.exec(index.text);
  return named ? reading({ span: index.span(named.index, named.index + named[0].length) }, () => named[1].toLowerCase()) : null;
}

/** What a signature's title says an inspector is, or a role names one. */
const INSPECTOR = /\binspector\b|\bHMI\b/i;
const INSPECTOR_ROLES = new Set(['hmi', 'lead_inspector', 'inspector']);

/**
 * The inspectors a letter names, in the order it names them: everyone whose role is an
 * inspector's, and the signatory where the signature's title is (the lead inspector signs
 * Ofsted's letters, and a person keeps one role: the signature's).
 */
function inspectors(index: TextIndex, inputs: FactInputs): Reading | null {
  const signedAsInspector = INSPECTOR.test(index.segmented.signature?.title ?? '');
  const named = inputs.people.filter((p) => (p.role !== null && INSPECTOR_ROLES.has(p.role)) || (signedAsInspector && p.role === 'signatory'));
  const names = [...new Set(named.map((p) => p.name))];
  return names.length > 0 ? { source: named[0], value: names } : null;
}

/** Labels that name the committee a paper goes to or a decision is of. */
const COMMITTEE_KEY = /^\W*(?:Meeting|Report\s+to|Decision\s+(?:Maker|taker|made\s+by)|Committee|Meeting\s+of)\W*$/i;
/** A committee line or heading: "Report to Cabinet", "Minutes of the Children and Young People Scrutiny Committee". */
const COMMITTEE_LINE = /^(?:Report\s+to\s+(?:the\s+)?|Minutes\s+of\s+(?:the\s+|a\s+)?(?:meeting\s+of\s+(?:the\s+)?)?)([A-Z][\w ,&'\u2019-]*?(?:Cabinet|Executive|Committee|Board|Panel|Council|Commission))\b/m;

/**
 * The committee, as written: a labelled field's value without the meeting's date and item
 * ("12/03/2024 - Cabinet (Item 7.)" → "Cabinet"), else the committee a "Report to" line or a
 * minutes heading names.
 */
function committee(index: TextIndex): Reading | null {
  for (const field of index.segmented.fields) {
    if (!COMMITTEE_KEY.test(field.key) || !field.value_span) continue;
    const value = field.value.replace(/^\s*\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\s*[-\u2013\u2014]\s*/, '').replace(/\s*\((?:Item|Agenda item)[^)]*\)\s*$/i, '').trim();
    if (value === '' || /^\d/.test(value)) continue;
    const at = field.value_span.start + field.value.indexOf(value);
    return { source: { span: index.span(at, at + value.length) }, value };
  }
  const line = COMMITTEE_LINE.exec(index.text);
  if (!line) return null;
  const at = line.index + line[0].indexOf(line[1]);
  return { source: { span: index.span(at, at + line[1].length) }, value: line[1] };
}

/** A resolution: "RESOLVED: that …", "RESOLVED – That …", "Resolved that …" (the words after the label). */
const RESOLVED = /^(?:\(?[\w.]{1,6}\)?\s+)?(?:RESOLVED|Resolved)\s*(?:[:\u2013\u2014-]\s*)?(?=\S|$)/m;

/** The decision of a decision record (its "Decision:" field) or of a minutes item (its RESOLVED paragraph). */
function decision(index: TextIndex): Reading | null {
  const field = index.segmented.fields.find((f) => /^\W*(?:Decision|Decisions?\s+made|Resolved|Resolution)\W*$/i.test(f.key) && f.value.trim() !== '');
  if (field?.value_span) return { source: { span: field.value_span }, value: field.value.trim() };
  const resolved = RESOLVED.exec(index.text);
  if (!resolved) return null;
  let line = index.lineAt(resolved.index);
  let start = resolved.index + resolved[0].length;
  // "RESOLVED:" alone on its line: the resolution is the paragraph after it.
  if (index.text.slice(start, line.end).trim() === '' && line.end + 1 < index.text.length) {
    line = index.lineAt(line.end + 1);
    start = line.start;
  }
  const value = index.text.slice(start, line.end).trim();
  return value === '' ? null : { source: { span: index.span(start, start + value.length) }, value };
}

/** The outlet that published an article: the publisher the classifier found, where it is no council or public body. */
function outlet(index: TextIndex): Reading | null {
  const found = findPublisher(index.doc);
  if (!found || found.type !== 'outlet') return null;
  return { source: { span: found.span ?? index.span(0, 0) }, value: found.publisher.name };
}

/** A listed document's file ("PDF, 390 KB, 4 pages", "HTML") on the line after its title, or in brackets after it ("(PDF, 1.2MB)"). */
const ATTACHMENT_LINE = /^(?:PDF|HTML|MS\s+Word\s+Document|MS\s+Excel\s+Spreadsheet|OpenDocument\s+\w+|ODT|CSV|DOCX?|Word\s+document)(?:\s*,\s*\d+(?:\.\d+)?\s*[KMG]B\b[^\n]*)?$/i;
const ATTACHMENT_AFTER = /\s*\((?:PDF|Word|DOCX?|ODT|HTML|XLSX?)\s*,?\s*\d+(?:\.\d+)?\s*[KMG]B\)\s*$/i;
/** A table of documents whose first cell ends with the file ("Inspection report PDF, 512 KB\t10 June 2024 …"). */
const ATTACHMENT_IN_CELL = /\s+(?:PDF|HTML|ODT|DOCX?|CSV),\s*\d+(?:\.\d+)?\s*[KMG]B(?=\t|$)/i;
/** A table of documents: the title's cell, then its type's and its size's ("Improvement notice\tPDF\t230KB"). */
const ATTACHMENT_CELLS = /\t(?:PDF|Word|DOCX?|ODT|HTML|XLSX?|CSV)\t\d+(?:\.\d+)?\s*[KMG]B$/i;

/** The titles of the documents a page lists, with where each stands. */
function listedTitles(index: TextIndex): Array<{ span: Span; title: string }> {
  const lines = index.lines;
  return lines.flatMap((line, i): Array<{ span: Span; title: string }> => {
    const text = line.text.trim();
    const inline = ATTACHMENT_AFTER.exec(line.text) ?? ATTACHMENT_CELLS.exec(line.text) ?? ATTACHMENT_IN_CELL.exec(line.text);
    if (inline) {
      const written = line.text.slice(0, inline.index).trim().replace(/^[-\u2022*]\s*/, '');
      const at = line.start + line.text.indexOf(written);
      // A title written "Letter: …" was made a row of its label and value by the normalised text: it is read as written.
      return written === '' ? [] : [{ span: index.span(at, at + written.length), title: written.replace('\t', ': ') }];
    }
    if (!ATTACHMENT_LINE.test(text) || i === 0) return [];
    const previous = lines[i - 1];
    const title = previous.text.trim();
    if (title === '' || ATTACHMENT_LINE.test(title)) return [];
    const at = previous.start + previous.text.indexOf(title);
    return [{ span: index.span(at, at + title.length), title }];
  });
}

function listedDocuments(index: TextIndex): Reading | null {
  const listed = listedTitles(index);
  return listed.length > 0 ? { source: listed[0], value: listed.map((l) => l.title) } : null;
}

const LISTED_AS = REGISTRY.flatMap((kind) => (kind.listed_as ? [{ kind: kind.kind, pattern: new RegExp(kind.listed_as, 'i') }] : []));

/** The kind of each listed document, as its title says (the kinds' `listed_as`), each once. */
function announcedKinds(index: TextIndex): Reading | null {
  const listed = listedTitles(index);
  if (listed.length === 0) return null;
  const kinds = listed.map((l) => LISTED_AS.find((k) => k.pattern.test(l.title))?.kind ?? 'other');
  return { source: listed[0], value: [...new Set(kinds)] };
}

/** The readers a declaration may name, for facts whose reading is more than a lookup. */
export const READERS: Readonly<Record<string, (index: TextIndex, inputs: FactInputs) => Reading | null>> = {
  signature_date: signatureDate,
  plan_deadline: planDeadline,
  subject: (index) => subject(index),
  key_decision: (index) => keyDecision(index),
  plan_cost: (index, inputs) => costWhere(index, inputs, planCost),
  grant: (index, inputs) => costWhere(index, inputs, GRANT),
  dated_today: datedToday,
  visit_type: (index) => visitType(index),
  inspectors,
  committee: (index) => committee(index),
  decision: (index) => decision(index),
  outlet: (index) => outlet(index),
  listed_documents: (index) => listedDocuments(index),
  announced_kinds: (index) => announcedKinds(index),
};

/** One read step of a declaration, on what the recognisers found. */
function readStep(step: ReadStep, index: TextIndex, inputs: FactInputs): Reading | null {
  if ('date' in step) return reading(dayDated(inputs.dates, step.date), (d) => d.value);
  if ('last_date' in step) return reading(inputs.dates.filter((d) => d.role === step.last_date && d.precision === 'day').pop(), (d) => d.value);
  if ('deadline_for' in step) {
    const wanted = new RegExp(step.deadline_for, 'i');
    return reading(dueDeadlinesWithPurpose(index, inputs).find((d) => wanted.test(d.purpose))?.deadline, (d) => d.due);
  }
  if ('range_start' in step) return reading(inputs.ranges.find((r) => r.role === step.range_start), (r) => r.start);
  if ('range_end' in step) return reading(inputs.ranges.find((r) => r.role === step.range_end), (r) => r.end);
  if ('person' in step) return reading(inputs.people.find((p) => p.role === step.person), (p) => p.name);
  if ('people' in step) {
    const people = inputs.people.filter((p) => p.role !== null && step.people.includes(p.role));
    return people.length > 0 ? { source: people[0], value: people.map((p) => p.name) } : null;
  }
  const reader = READERS[step.reader];
  if (!reader) throw new Error(`no fact reader named ${step.reader} (pipelines/*/kind.json)`);
  return reader(index, inputs);
}

export function recogniseFacts(index: TextIndex, kind: DocumentKind, inputs: FactInputs): RecognisedFacts {
  const facts: Facts = {};
  const fact_evidence: Record<string, Evidence> = {};
  for (const [name, declared] of Object.entries(KINDS.get(kind)?.facts ?? {})) {
    let found: Reading | null = null;
    for (const step of declared.read) {
      found = readStep(step, index, inputs);
      if (found) break;
    }
    facts[name] = found?.value ?? null;
    if (found) fact_evidence[name] = index.evidence(found.source.span);
    else index.note('facts', 'fact_not_found', `${name}: ${declared.missing}`);
  }
  return { facts, fact_evidence };
}
