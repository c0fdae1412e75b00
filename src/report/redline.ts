/**
 * The notice beside the template, clause by clause as the diff aligned them: parameter fills
 * marked apart from wording changes, added and removed clauses shown as such, each notice
 * clause anchored (`#clause-5.b`) and carrying its page in the source.
 */
import type { Clause, DiffResult, Variation } from '../record.js';
import { html, templateClauseAnchor, type Html } from './html.js';
import type { ReportTemplate, TemplateClause } from './model.js';
import { diffSide, markParameters, markPlaceholders } from './text.js';

export type RowStatus = 'same' | 'parameter' | 'wording' | 'added' | 'removed' | 'joined';

export interface RedlineRow {
  template: TemplateClause | null;
  notice: Clause | null;
  status: RowStatus;
  /** The variations that belong to this pair (wording, parameter, added, removed, feature). */
  variations: Variation[];
}

const STATUS_LABEL: Record<RowStatus, string> = {
  same: 'Same as template',
  parameter: 'Parameters filled',
  wording: 'Wording changed',
  added: 'Added clause',
  removed: 'Removed clause',
  joined: 'Joined with the clause above',
};

function belongsTo(variation: Variation, templateId: string | null, noticeId: string | null): boolean {
  if (variation.kind === 'removed') return noticeId === null && variation.template_clause === templateId;
  if (variation.kind === 'added') return templateId === null && variation.clause === noticeId;
  if (variation.kind === 'feature') return noticeId !== null && variation.clause === noticeId;
  return variation.template_clause === templateId && variation.clause === noticeId;
}

function statusOf(template: TemplateClause | null, notice: Clause | null, variations: Variation[]): RowStatus {
  if (!notice) return 'removed';
  if (!template) return 'added';
  if (variations.some((v) => v.kind === 'wording')) return 'wording';
  if (variations.some((v) => v.kind === 'parameter')) return 'parameter';
  return 'same';
}

/**
 * The rows of the redline in the diff's pair order. A notice clause the diff left out of every
 * pair still gets a row (as added), so every clause of the notice has its anchor.
 */
export function redlineRows(clauses: readonly Clause[], template: ReportTemplate | null, diff: DiffResult | null): RedlineRow[] {
  const templateById = new Map((template?.clauses ?? []).map((clause) => [clause.id, clause]));
  // A number the notice uses twice (its numbering restarts) pairs with its first clause; every other clause is a row of its own.
  const noticeById = new Map<string, Clause>();
  for (const clause of clauses) if (!noticeById.has(clause.id)) noticeById.set(clause.id, clause);
  const shown = new Set<Clause>();
  const rows: RedlineRow[] = (diff?.pairs ?? []).map((pair) => {
    const templateClause = pair.template_clause === null ? null : (templateById.get(pair.template_clause) ?? null);
    const noticeClause = pair.notice_clause === null ? null : (noticeById.get(pair.notice_clause) ?? null);
    const variations = (diff?.variations ?? []).filter((v) => belongsTo(v, pair.template_clause, pair.notice_clause));
    const templateShown = templateClause ?? (pair.template_clause === null ? null : { id: pair.template_clause, text: variations.find((v) => v.template_text)?.template_text ?? '' });
    // Two template clauses the notice words as one: the notice clause is shown (and anchored) once.
    const joined = noticeClause !== null && shown.has(noticeClause);
    if (noticeClause) shown.add(noticeClause);
    return { template: templateShown, notice: noticeClause, status: joined ? 'joined' : statusOf(templateShown, noticeClause, variations), variations };
  });
  const unpaired = clauses.filter((clause) => !shown.has(clause));
  for (const clause of unpaired) {
    const variations = (diff?.variations ?? []).filter((v) => v.clause === clause.id && v.kind !== 'removed');
    rows.push({ template: null, notice: clause, status: diff ? 'added' : 'same', variations });
  }
  return rows;
}

function parametersOf(row: RedlineRow): Record<string, string> {
  return Object.assign({}, ...row.variations.filter((v) => v.kind === 'parameter').map((v) => v.parameters ?? {}));
}

function cellTexts(row: RedlineRow): { template: Html; notice: Html } {
  const parameters = parametersOf(row);
  const templateText = row.template?.text ?? '';
  const noticeText = row.notice?.text ?? '';
  const wording = row.variations.find((v) => v.kind === 'wording' && v.diff);
  if (wording?.diff) {
    // The diff is over the masked texts: the notice side shows each placeholder's fill.
    return {
      template: diffSide(wording.diff, 'template', (text) => markPlaceholders(text)),
      notice: diffSide(wording.diff, 'notice', (text) => markPlaceholders(text, parameters)),
    };
  }
  return { template: markPlaceholders(templateText), notice: markParameters(noticeText, parameters) };
}

function fillsList(parameters: Record<string, string>): Html | null {
  const entries = Object.entries(parameters);
  if (entries.length === 0) return null;
  return html`<p class="muted">Filled in: ${entries.map(([name, value], i) => html`${i > 0 ? '; ' : ''}<code>${name}</code> = “${value}”`)}</p>`;
}

function featureNotes(row: RedlineRow): Html[] {
  return row.variations
    .filter((v) => v.kind === 'feature')
    .map((v) => html`<br><span class="status">Feature differs: ${v.feature ?? ''}</span>`);
}

function redlineRow(row: RedlineRow, anchorOf: (clause: Clause) => string): Html {
  const { template, notice } = cellTexts(row);
  const id = row.notice && row.status !== 'joined' ? anchorOf(row.notice) : templateClauseAnchor(row.template?.id ?? '');
  const templateCell = row.template
    ? html`<td class="template"><strong>${row.template.id}</strong> ${template}</td>`
    : html`<td class="template">Not in the template.</td>`;
  const noticeCell = row.status === 'joined'
    ? html`<td class="notice">Worded together with the template clause above, in <a href="#${anchorOf(row.notice!)}">clause ${row.notice!.id}</a>.</td>`
    : row.notice
    ? html`<td class="notice"><strong>${row.notice.id}</strong> ${notice} <span class="page-ref">(p. ${row.notice.page})</span>${fillsList(parametersOf(row))}</td>`
    : html`<td class="notice">Removed: this notice has no such clause.</td>`;
  return html`<tr id="${id}" class="${row.status}"><th scope="row">${row.notice?.id ?? row.template?.id ?? ''}</th><td class="status-cell"><span class="status">${STATUS_LABEL[row.status]}</span>${featureNotes(row)}</td>${templateCell}${noticeCell}</tr>\n`;
}

/** `anchorOf` gives a notice clause's anchor on the page (unique where the notice repeats a number). */
export function redlineTable(rows: RedlineRow[], templateName: string | null, anchorOf: (clause: Clause) => string): Html {
  const counts = (['same', 'parameter', 'wording', 'added', 'removed', 'joined'] as const).map((status) => [status, rows.filter((row) => row.status === status).length] as const);
  return html`<p>${counts.filter(([, count]) => count > 0).map(([status, count], i) => html`${i > 0 ? ', ' : ''}${count} ${STATUS_LABEL[status].toLowerCase()}`)}.</p>
<p class="muted">Key: <del><span class="marker">[−</span>deleted<span class="marker">−]</span></del> words are in the template only; <ins><span class="marker">[+</span>inserted<span class="marker">+]</span></ins> words are in the notice only; <mark class="param">filled <span class="param-name">⟨parameter⟩</span></mark> text fills a placeholder (council, dates, deadline) and is not a wording change.</p>
<table class="redline">
<caption>Each clause of ${templateName ? `the template (${templateName})` : 'the template'} beside this notice's</caption>
<thead><tr><th scope="col">Clause</th><th scope="col">Difference</th><th scope="col">Template</th><th scope="col">This notice</th></tr></thead>
<tbody>
${rows.map((row) => redlineRow(row, anchorOf))}</tbody>
</table>`;
}
