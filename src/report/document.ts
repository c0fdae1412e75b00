/**
 * A page per document: for a notice, the feature differences from the template first, then its
 * facts and the clause-by-clause redline; for any document, its facts, clauses, anomalies where
 * they were found, and the normalised text with an anchor per paragraph.
 */
import type { Anomaly, DocumentRecord, Evidence, Variation } from '../record.js';
import { html, templateClauseAnchor, type Html } from './html.js';
import { page } from './layout.js';
import { clauseAnchorOf, councilPathOf, evidenceAnchor, href, paragraphAnchor, recordOffsets } from './links.js';
import { display, documentTitle, label } from './format.js';
import { pathList } from './document-list.js';
import { councilName, type SiteDocument, type SiteInput } from './model.js';
import { redlineRows, redlineTable } from './redline.js';
import { markRanges } from './text.js';

const DEPTH = 1;

function evidenceLink(record: DocumentRecord, evidence: Evidence | undefined, clause: string | null = evidence?.clause ?? null): Html {
  const anchor = evidenceAnchor(record, clause, evidence?.span ?? null);
  if (!anchor) return html`<span class="muted">not located</span>`;
  const page = evidence?.span.page ?? record.clauses.find((c) => c.id === clause)?.page;
  const where = clause ? `clause ${clause}` : 'text';
  return html`<a href="#${anchor}">${where}</a>${page ? html` <span class="page-ref">(p. ${page})</span>` : null}`;
}

function featureDifferences(record: DocumentRecord, variations: Variation[]): Html {
  if (variations.length === 0) return html`<p>Every feature of this notice is as in the template.</p>`;
  return html`<table>
<caption>Features in which this notice differs from the template</caption>
<thead><tr><th scope="col">Feature</th><th scope="col">Template</th><th scope="col">This notice</th><th scope="col">Where</th></tr></thead>
<tbody>
${variations.map((v) => {
  const feature = v.feature ?? '';
  // A feature decided by a clause this notice lacks points at the template's clause, shown as removed.
  const where =
    v.clause === null && v.template_clause
      ? html`<a href="#${templateClauseAnchor(v.template_clause)}">template clause ${v.template_clause}</a> (not in this notice)`
      : evidenceLink(record, record.feature_evidence[feature], v.clause ?? record.feature_evidence[feature]?.clause ?? null);
  return html`<tr><th scope="row">${label(feature)}</th><td>${display(v.template_value)}</td><td>${display(v.notice_value)}</td><td>${where}</td></tr>\n`;
})}</tbody>
</table>`;
}

function factsTable(record: DocumentRecord): Html | null {
  const facts = Object.entries(record.facts as Record<string, unknown>);
  if (facts.length === 0) return null;
  return html`<h2 id="facts">Facts</h2>
<table>
<caption>Key facts read from the document, each with where it was found</caption>
<thead><tr><th scope="col">Fact</th><th scope="col">Value</th><th scope="col">Found in</th></tr></thead>
<tbody>
${facts.map(([name, value]) => html`<tr><th scope="row">${label(name)}</th><td>${display(value)}</td><td>${record.fact_evidence[name] ? evidenceLink(record, record.fact_evidence[name]) : html`<span class="muted">—</span>`}</td></tr>\n`)}</tbody>
</table>`;
}

function featuresTable(record: DocumentRecord): Html | null {
  const features = Object.entries(record.features as Record<string, unknown>);
  if (features.length === 0) return null;
  return html`<table>
<caption>The notice's features</caption>
<thead><tr><th scope="col">Feature</th><th scope="col">Value</th><th scope="col">Decided on</th></tr></thead>
<tbody>
${features.map(([name, value]) => html`<tr><th scope="row">${label(name)}</th><td>${display(value)}</td><td>${evidenceLink(record, record.feature_evidence[name])}</td></tr>\n`)}</tbody>
</table>`;
}

function clauseList(record: DocumentRecord): Html | null {
  if (record.clauses.length === 0) return null;
  return html`<h2 id="clauses">Numbered paragraphs</h2>
<ol class="clauses" aria-label="Numbered paragraphs">
${record.clauses.map((clause) => html`<li id="${clauseAnchorOf(record, clause)}"><strong>${clause.id}</strong> ${clause.heading ? html`<span class="muted">[${clause.heading}]</span> ` : null}${clause.text} <span class="page-ref">(p. ${clause.page})</span></li>\n`)}</ol>`;
}

function anomalyList(record: DocumentRecord): Html {
  if (record.anomalies.length === 0) return html`<h2 id="anomalies">Anomalies</h2><p>No internal inconsistencies found.</p>`;
  const offsets = recordOffsets(record);
  return html`<h2 id="anomalies">Anomalies</h2>
<ul>
${record.anomalies.map((anomaly, index) => html`<li id="anomaly-${index}"><strong>${label(anomaly.code)}</strong> (<code>${anomaly.code}</code>): ${anomaly.message} ${anomaly.spans.map((span) => html` <a href="#${paragraphAnchor(record, span.start)}">“${offsets.slice(span.start, span.end)}”, p. ${span.page}</a>`)}</li>\n`)}</ul>`;
}

/**
 * The normalised text, a paragraph per line, anomaly spans marked where they stand. The lines
 * are cut and marked by string index; the record's spans, pages and the paragraph anchors count
 * code points, so each is converted where the two meet.
 */
function fullText(record: DocumentRecord): Html {
  const offsets = recordOffsets(record);
  const anomalies = record.anomalies.flatMap((anomaly: Anomaly) =>
    anomaly.spans.map((span) => ({ start: offsets.toIndex(span.start), end: offsets.toIndex(span.end), anomaly })),
  );
  let offset = 0;
  const paragraphs = record.text.split('\n').map((line) => {
    const start = offset;
    offset += line.length + 1;
    const ranges = anomalies
      .filter((mark) => mark.start >= start && mark.end <= start + line.length)
      .map(({ start: markStart, end: markEnd, anomaly }) => ({
        start: markStart - start,
        end: markEnd - start,
        render: (text: string) => html`<mark class="anomaly"><span class="sr-only">anomaly ${anomaly.code}: </span>${text}<span class="marker" aria-hidden="true"> [!]</span></mark>`,
      }));
    const at = offsets.toCodePoints(start);
    const pageNumber = record.pages.find((p) => p.start <= at && at < p.end)?.page;
    return html`<p id="at-${at}">${markRanges(line, ranges)}${pageNumber && record.pages.length > 1 ? html` <span class="page-ref">(p. ${pageNumber})</span>` : null}</p>\n`;
  });
  return html`<h2 id="text">Text</h2>
<div class="doc-text">
${paragraphs}</div>`;
}

export function documentPage(document: SiteDocument, input: SiteInput): string {
  const { record, diff } = document;
  const isNotice = record.kind === 'improvement_notice';
  const featureVariations = diff?.variations.filter((v) => v.kind === 'feature') ?? [];
  const body = html`<h1>${documentTitle(record)}</h1>
<dl class="source">
<dt>Source</dt><dd><code>${record.source.path}</code> (${record.source.format}, ${record.source.pages} page${record.source.pages === 1 ? '' : 's'})</dd>
${document.paths.length > 1 ? html`<dt>Copies</dt><dd>${pathList(document.paths)} (the same text; this page shows the first)</dd>` : null}
<dt>Council</dt><dd><a href="${href(DEPTH, councilPathOf(record))}">${councilName(record)}</a>${record.council ? ` (${record.council.gss})` : ''}</dd>
</dl>
${isNotice ? html`<h2 id="feature-differences">Differences in features from the template</h2>
${diff ? featureDifferences(record, featureVariations) : html`<p>No template comparison is available for this notice.</p>`}` : null}
${factsTable(record)}
${isNotice ? html`<h2 id="features">Features</h2>${featuresTable(record)}
<h2 id="redline">Clause by clause against the template</h2>
${redlineTable(redlineRows(record.clauses, input.template, diff), input.template?.name ?? null, (clause) => clauseAnchorOf(record, clause))}` : clauseList(record)}
${anomalyList(record)}
${fullText(record)}`;
  return page({ title: documentTitle(record), depth: DEPTH, body, source: input.source });
}
