/**
 * A page per council: its intervention drawn on a time axis and listed step by step, a list of
 * every dated event its documents record (inspections, report publication, notice issued,
 * board, plan, deadlines, monitoring visits), the costs they give, and their anomalies, each
 * linked to the document and clause it came from. The same event read from two copies of a
 * document (PDF and text) is one row with both sources.
 */
import type { Span } from '../record.js';
import { html, type Html } from './html.js';
import { page } from './layout.js';
import { documentPath, evidenceAnchor, href } from './links.js';
import { display, documentTitle, kindLabel, label } from './format.js';
import { KINDS } from '../registry.js';
import { clauseHolding } from '../segment/index.js';
import { lifecycleDrawing } from './lifecycle-drawing.js';
import { councilName, type LifecycleEvent, type SiteDocument, type SiteInput } from './model.js';
import { documentList } from './document-list.js';

const DEPTH = 1;
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

interface Source {
  document: SiteDocument;
  span: Span;
  clause: string | null;
}

export interface TimelineEvent {
  date: string;
  event: string;
  text: string;
  sources: Source[];
}

function sourceOf(document: SiteDocument, span: Span, clause?: string | null): Source {
  return { document, span, clause: clause === undefined ? (clauseHolding(document.record.clauses, span)?.id ?? null) : clause };
}

/** Every dated event in one document: date entities, both ends of ranges, due dates, date facts. */
function eventsOf(document: SiteDocument): TimelineEvent[] {
  const { record } = document;
  const events: TimelineEvent[] = [
    ...record.dates.map((d) => ({ date: d.value, event: d.role ?? 'date mentioned', text: d.text, sources: [sourceOf(document, d.span)] })),
    ...record.date_ranges.flatMap((r) => [
      { date: r.start, event: `${r.role ?? 'period'} begins`, text: r.text, sources: [sourceOf(document, r.span)] },
      { date: r.end, event: `${r.role ?? 'period'} ends`, text: r.text, sources: [sourceOf(document, r.span)] },
    ]),
    ...record.deadlines.filter((d) => d.due).map((d) => ({ date: d.due as string, event: 'deadline', text: d.text, sources: [sourceOf(document, d.span)] })),
  ];
  for (const [name, value] of Object.entries(record.facts as Record<string, unknown>)) {
    const evidence = record.fact_evidence[name];
    if (typeof value !== 'string' || !ISO_DATE.test(value) || !evidence) continue;
    const same = events.find((e) => e.date === value && e.sources[0].span.start === evidence.span.start);
    if (same) same.event = name;
    else events.push({ date: value, event: name, text: evidence.text, sources: [sourceOf(document, evidence.span, evidence.clause)] });
  }
  return events;
}

/** The council's events in date order, one row per (date, event, wording) across documents. */
export function timeline(documents: SiteDocument[]): TimelineEvent[] {
  const merged = new Map<string, TimelineEvent>();
  for (const event of documents.flatMap(eventsOf)) {
    const key = `${event.date}\u0000${event.event}\u0000${event.text.replace(/\s+/g, ' ')}`;
    const existing = merged.get(key);
    if (existing) existing.sources.push(...event.sources);
    else merged.set(key, { ...event, sources: [...event.sources] });
  }
  return [...merged.values()].sort((a, b) => a.date.localeCompare(b.date) || a.event.localeCompare(b.event));
}

function sourceLink(source: Source): Html {
  const { record } = source.document;
  const anchor = evidenceAnchor(record, source.clause, source.span);
  return html`<a href="${href(DEPTH, documentPath(source.document), anchor)}">${documentTitle(record)} (${record.source.format})${source.clause ? `, clause ${source.clause}` : ''}, p. ${source.span.page}</a>`;
}

function sourcesCell(sources: Source[]): Html {
  return html`${sources.map((source, i) => html`${i > 0 ? html`<br>` : null}${sourceLink(source)}`)}`;
}

function costRows(documents: SiteDocument[]): Html {
  const costs = documents.flatMap((document) => document.record.costs.map((cost) => ({ cost, source: sourceOf(document, cost.span) })));
  if (costs.length === 0) return html`<p>No costs are given.</p>`;
  return html`<table>
<caption>Costs and funding the documents give</caption>
<thead><tr><th scope="col">Amount</th><th scope="col">As written</th><th scope="col">Source</th></tr></thead>
<tbody>
${costs.map(({ cost, source }) => html`<tr><th scope="row">£${display(cost.amount_gbp)}${cost.approximate ? ' (approximate)' : ''}${cost.unit_inferred ? ' (unit inferred)' : ''}</th><td>${cost.text}</td><td>${sourceLink(source)}</td></tr>\n`)}</tbody>
</table>`;
}

function anomalyRows(documents: SiteDocument[]): Html {
  const anomalies = documents.flatMap((document) => document.record.anomalies.map((anomaly) => ({ anomaly, document })));
  if (anomalies.length === 0) return html`<p>No anomalies found in this council's documents.</p>`;
  return html`<ul>
${anomalies.map(({ anomaly, document }) => html`<li><strong>${label(anomaly.code)}</strong> (<code>${anomaly.code}</code>): ${anomaly.message}${anomaly.spans.map((span) => html` — ${sourceLink(sourceOf(document, span))}`)}</li>\n`)}</ul>`;
}

/** The council's lifecycle steps, each with the document it was read from. */
function lifecycleSteps(gss: string | undefined, documents: SiteDocument[], input: SiteInput): { event: LifecycleEvent; document: SiteDocument }[] {
  const bySha = new Map(documents.map((document) => [document.record.source.sha256, document]));
  return input.lifecycle.flatMap((event) => {
    const document = event.gss === (gss ?? null) ? bySha.get(event.sha256) : undefined;
    return document ? [{ event, document }] : [];
  });
}

/**
 * Where a council's documents tell no step of an intervention (a school's report, a budget),
 * the drawing shows when each document is dated instead: its own date (the date its kind is
 * dated by), else the first whole date it gives, else the first day of the first range it gives.
 */
function documentDates(documents: SiteDocument[]): { event: LifecycleEvent; document: SiteDocument }[] {
  return documents.flatMap((document) => {
    const { record } = document;
    const ownRole = KINDS.get(record.kind)?.own_date;
    const day = record.dates.find((d) => d.role === ownRole && d.precision === 'day') ?? record.dates.find((d) => d.precision === 'day');
    // A document whose only whole dates are a range's (an inspection's fieldwork) is dated by its first day.
    const range = record.date_ranges.find((r) => r.start.length === 10);
    const date = day ? { value: day.value, span: day.span } : range ? { value: range.start, span: range.span } : null;
    if (!date) return [];
    const event: LifecycleEvent = { gss: record.council?.gss ?? null, date: date.value, event: `${kindLabel(record.kind).toLowerCase()} dated`, sha256: record.source.sha256, clause: null, span: date.span };
    return [{ event, document }];
  });
}

/** The council's intervention step by step, as the corpus's lifecycle view gives it, each step linked to where it was read. */
function lifecycleTable(name: string, steps: { event: LifecycleEvent; document: SiteDocument }[]): Html {
  if (steps.length === 0) return html`<p>No steps of an intervention were found.</p>`;
  return html`<table>
<caption>${name}'s intervention, step by step: inspections, reports, the notice, the plan, visits, the notice lifted or a direction</caption>
<thead><tr><th scope="col">Date</th><th scope="col">Step</th><th scope="col">Source</th></tr></thead>
<tbody>
${steps.map(({ event: step, document }) => {
  const source = step.span ? sourceLink({ document, span: step.span, clause: step.clause }) : html`${documentTitle(document.record)}`;
  return html`<tr><th scope="row"><time datetime="${step.date}">${step.date}</time></th><td>${step.event}</td><td>${source}</td></tr>\n`;
})}</tbody>
</table>`;
}

export function councilPage(name: string, documents: SiteDocument[], input: SiteInput): string {
  const events = timeline(documents);
  const gss = documents.find((d) => d.record.council)?.record.council?.gss;
  const steps = lifecycleSteps(gss, documents, input);
  const body = html`<h1>${name}${gss ? html` <span class="muted">(${gss})</span>` : null}</h1>
<h2 id="lifecycle">Intervention</h2>
${steps.length > 0 ? lifecycleDrawing(name, steps, DEPTH) : lifecycleDrawing(name, documentDates(documents), DEPTH, 'documents')}
${lifecycleTable(name, steps)}
<h2 id="dated-events">Every dated event</h2>
${events.length === 0 ? html`<p>No dated events were found.</p>` : html`<details><summary>Every date the documents give, with what it marks (${events.length})</summary><table>
<caption>Dated events in ${name}'s documents, earliest first</caption>
<thead><tr><th scope="col">Date</th><th scope="col">Event</th><th scope="col">As written</th><th scope="col">Source</th></tr></thead>
<tbody>
${events.map((event) => html`<tr><th scope="row"><time datetime="${event.date}">${event.date}</time></th><td>${label(event.event)}</td><td>${event.text}</td><td>${sourcesCell(event.sources)}</td></tr>\n`)}</tbody>
</table></details>`}
<h2 id="costs">Costs</h2>
${costRows(documents)}
<h2 id="anomalies">Anomalies</h2>
${anomalyRows(documents)}
<h2 id="documents">Documents</h2>
${documentList(documents, DEPTH)}`;
  return page({ title: name, depth: DEPTH, body, source: input.source });
}

export function councilGroups(documents: SiteDocument[]): Map<string, SiteDocument[]> {
  const groups = new Map<string, SiteDocument[]>();
  for (const document of documents) {
    const name = councilName(document.record);
    groups.set(name, [...(groups.get(name) ?? []), document]);
  }
  return groups;
}
