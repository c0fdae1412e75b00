/**
 * The site's front page: the cross-council comparison of notices (sortable, filterable by
 * feature, each value linked to the clause it came from) and a summary of the corpus.
 */
import type { DocumentKind } from '../record.js';
import { html, type Html } from './html.js';
import { page } from './layout.js';
import { councilPath, documentPath, href } from './links.js';
import { display, kindLabel, sortKey } from './format.js';
import { councilName, type ComparisonColumn, type ComparisonRow, type SiteInput } from './model.js';
import { deadlineMonthsChart, featureMatrix } from './charts.js';
import { documentList } from './document-list.js';
import { overviewDrawing } from './overview.js';

const DEPTH = 0;
const TABLE_ID = 'comparison';

function filterValue(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

function filters(columns: ComparisonColumn[], rows: ComparisonRow[]): Html | null {
  const filterable = columns.map((column, index) => ({ column, index: index + 1 })).filter(({ column }) => column.filter);
  if (filterable.length === 0) return null;
  return html`<form class="filters" data-filters-for="${TABLE_ID}" aria-labelledby="filters-heading">
<h3 id="filters-heading" class="sr-only">Filter the notices by feature</h3>
${filterable.map(({ column, index }) => {
  const values = [...new Map(rows.map((row) => [filterValue(row.cells[column.key]?.value ?? null), row.cells[column.key]?.value ?? null])).entries()].sort(([a], [b]) => a.localeCompare(b));
  return html`<div><label for="filter-${column.key}">${column.label}</label><select id="filter-${column.key}" data-filter-column="${index}"><option value="">any</option>${values.map(([key, value]) => html`<option value="${key === '' ? '(none)' : key}">${display(value)}</option>`)}</select></div>\n`;
})}<div><button type="reset">Clear filters</button><p role="status" aria-live="polite" class="muted"></p></div>
</form>`;
}

/** Tick boxes that show and hide the comparison's columns: a narrow screen shows the ones a reader needs. */
function columnChooser(columns: ComparisonColumn[]): Html {
  return html`<details class="column-chooser-box"><summary>Choose the columns shown</summary>
<fieldset id="column-chooser" data-columns-for="${TABLE_ID}"><legend class="sr-only">Columns shown</legend>
${columns.map((column, index) => html`<label><input type="checkbox" data-column="${index + 1}" checked> ${column.label}</label>
`)}</fieldset>
</details>`;
}

function comparisonTable(input: SiteInput): Html {
  const { columns, comparison } = input;
  if (comparison.length === 0) return html`<p>The corpus holds no improvement notices to compare.</p>`;
  return html`${filters(columns, comparison)}
${columnChooser(columns)}
<div class="table-scroll comparison-scroll" role="region" aria-label="Comparison table (scrolls sideways and down, its header and first column staying in view)" tabindex="0">
<table id="${TABLE_ID}" data-sortable>
<caption>Improvement notices by council: dates, template features and wording variations. Select a column heading to sort; each value links to the clause it was read from.</caption>
<thead><tr><th scope="col" aria-sort="none"><button type="button">Council</button></th>${columns.map((column) => html`<th scope="col" aria-sort="none"><button type="button">${column.label}</button></th>`)}</tr></thead>
<tbody>
${comparison.map((row) => {
  const target = documentPath(row.document);
  const council = councilName(row.document.record);
  return html`<tr><th scope="row" data-sort="${council}"><a href="${href(DEPTH, target)}">${council}</a></th>${columns.map((column) => {
    const cell = row.cells[column.key] ?? { value: null, anchor: null };
    const text = display(cell.value);
    const value = filterValue(cell.value);
    return html`<td data-sort="${sortKey(cell.value, column.type)}" data-value="${value === '' ? '(none)' : value}" data-type="${column.type}">${cell.anchor ? html`<a href="${href(DEPTH, target, cell.anchor)}">${text}</a>` : text}</td>`;
  })}</tr>\n`;
})}</tbody>
</table>
</div>`;
}

function corpusSummary(input: SiteInput): Html {
  const byKind = new Map<DocumentKind, number>();
  for (const { record } of input.documents) byKind.set(record.kind, (byKind.get(record.kind) ?? 0) + 1);
  const councils = new Map<string, { gss: string | null; count: number }>();
  for (const { record } of input.documents) {
    const name = councilName(record);
    councils.set(name, { gss: record.council?.gss ?? null, count: (councils.get(name)?.count ?? 0) + 1 });
  }
  return html`<h2 id="corpus">The corpus</h2>
<table>
<caption>Documents by kind (${input.documents.length} in all)</caption>
<thead><tr><th scope="col">Kind</th><th scope="col">Documents</th></tr></thead>
<tbody>${[...byKind.entries()].map(([kind, count]) => html`<tr><th scope="row">${kindLabel(kind)}</th><td>${count}</td></tr>`)}</tbody>
</table>
<h2 id="councils">Councils</h2>
<table>
<caption>Councils with documents in the corpus; each links to its timeline</caption>
<thead><tr><th scope="col">Council</th><th scope="col">GSS code</th><th scope="col">Documents</th></tr></thead>
<tbody>
${[...councils.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, { gss, count }]) => html`<tr><th scope="row"><a href="${href(DEPTH, councilPath(name))}">${name}</a></th><td>${gss ?? '—'}</td><td>${count}</td></tr>\n`)}</tbody>
</table>
<h2 id="ingest-errors">Files that could not be read</h2>
${input.ingestErrors.length === 0 ? html`<p>None: every file was read.</p>` : html`<table>
<caption>Ingest errors with their codes</caption>
<thead><tr><th scope="col">File</th><th scope="col">Code</th><th scope="col">Reason</th></tr></thead>
<tbody>
${input.ingestErrors.map((error) => html`<tr><th scope="row"><code>${error.path}</code></th><td><code>${error.code}</code></td><td>${error.message}</td></tr>\n`)}</tbody>
</table>`}
<h2 id="documents">Documents</h2>
${documentList(input.documents, DEPTH)}`;
}

export function indexPage(input: SiteInput): string {
  const body = html`<h1>Children's services improvement notices compared</h1>
<section aria-labelledby="overview-heading">
<h2 id="overview-heading">Who is in intervention, and for how long</h2>
${overviewDrawing(input, DEPTH)}
</section>
<section aria-labelledby="comparison-heading">
<h2 id="comparison-heading">Notices compared across councils</h2>
${comparisonTable(input)}
</section>
<section aria-labelledby="charts-heading">
<h2 id="charts-heading">The comparison at a glance</h2>
${deadlineMonthsChart(input, DEPTH)}
${featureMatrix(input, DEPTH)}
</section>
${corpusSummary(input)}`;
  return page({ title: 'Comparison of notices', depth: DEPTH, body, source: input.source });
}
