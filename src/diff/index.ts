/**
 * How a council's notice differs from the standard one beyond names and dates: the alignment of
 * its clauses with the template's and the variations (SPEC "Diff against the template").
 *
 * - `parameter`: a placeholder filled with this notice's council, date or deadline;
 * - `wording`: a word-level difference of the texts with parameters masked, case, white space
 *   and end-of-item punctuation ignored;
 * - `added` / `removed`: a clause with no counterpart;
 * - `feature`: a SPEC feature whose value differs from the template's, at the clause deciding it.
 *
 * A clause split in two (or two merged into one) is one group: its variations carry the first
 * clause id of each side and the joined texts.
 */
import { diffWords } from 'diff';
import type { DiffResult, DocumentRecord, Variation, WordDiffPart } from '../record.js';
import { align, type AlignOptions } from './align.js';
import { comparable, loadTemplate, maskClauses, parameterDefinitions, type Template } from './template.js';

export { loadTemplate, type Template } from './template.js';
export { align } from './align.js';

/** The word diff of two comparable texts, case ignored; null when they say the same. */
export function wordDiff(templateText: string, noticeText: string): WordDiffPart[] | null {
  // Most clauses of a standard notice are the template's word for word: no diff to compute.
  if (templateText.toLowerCase() === noticeText.toLowerCase()) return null;
  const changes = diffWords(templateText, noticeText, { ignoreCase: true });
  if (changes.every((c) => !c.added && !c.removed)) return null;
  return changes.map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value }));
}

function featureVariations(record: DocumentRecord, template: Template, alignment: Record<string, string | null>): Variation[] {
  if (Object.keys(record.features).length === 0) return [];
  const features = record.features as Record<string, unknown>;
  const byId = new Map(record.clauses.map((c) => [c.id, c]));
  const templateById = new Map(template.clauses.map((c) => [c.id, c]));
  const variations: Variation[] = [];
  for (const [name, templateValue] of Object.entries(template.features)) {
    const noticeValue = features[name] ?? null;
    if (noticeValue === templateValue) continue;
    const templateClause = template.feature_clauses[name] ?? null;
    const evidence = record.feature_evidence[name];
    // The notice's own evidence, else the notice clause aligned with the template's deciding one.
    const clause = evidence?.clause ?? (templateClause ? (alignment[templateClause] ?? null) : null);
    variations.push({
      kind: 'feature',
      clause,
      template_clause: templateClause,
      template_text: templateClause ? (templateById.get(templateClause)?.text ?? null) : null,
      notice_text: clause ? (byId.get(clause)?.text ?? null) : null,
      feature: name,
      template_value: templateValue,
      notice_value: noticeValue,
      span: evidence?.span ?? (clause ? (byId.get(clause)?.span ?? null) : null),
    });
  }
  return variations;
}

/** How a notice is diffed: the alignment's options. */
export type DiffOptions = AlignOptions;

export function diffNotice(record: DocumentRecord, template: Template = loadTemplate(), options: DiffOptions = {}): DiffResult {
  const definitions = parameterDefinitions(template.kind);
  const maskedClauses = maskClauses(record, definitions);
  const masked = new Map(maskedClauses.map((m) => [m.clause.id, m]));
  const templateById = new Map(template.clauses.map((c) => [c.id, c]));
  // Each text is made comparable once: the alignment and the word diffs both read it.
  const templateComparable = new Map(template.clauses.map((c) => [c.id, comparable(c.text, definitions)]));
  const noticeComparable = new Map(maskedClauses.map((m) => [m.clause.id, comparable(m.text, definitions)]));
  const groups = align(
    [...templateComparable].map(([id, text]) => ({ id, text })),
    [...noticeComparable].map(([id, text]) => ({ id, text })),
    options,
  );

  const alignment: Record<string, string | null> = {};
  const pairs: DiffResult['pairs'] = [];
  const variations: Variation[] = [];
  for (const group of groups) {
    for (const t of group.template) alignment[t] = group.notice[0] ?? null;
    if (group.template.length === 0) {
      for (const n of group.notice) pairs.push({ template_clause: null, notice_clause: n, confidence: 0 });
    } else {
      for (const t of group.template) {
        if (group.notice.length === 0) pairs.push({ template_clause: t, notice_clause: null, confidence: 0 });
        for (const n of group.notice) pairs.push({ template_clause: t, notice_clause: n, confidence: group.confidence });
      }
    }

    const templateText = group.template.map((t) => templateById.get(t)?.text ?? '').join(' ') || null;
    const noticeClauses = group.notice.map((n) => masked.get(n)!);
    const noticeText = noticeClauses.map((m) => m.clause.text).join(' ') || null;
    const base = {
      clause: group.notice[0] ?? group.template[0] ?? null,
      template_clause: group.template[0] ?? null,
      template_text: templateText,
      notice_text: noticeText,
      span: noticeClauses[0]?.clause.span ?? null,
    };
    if (group.notice.length === 0) {
      variations.push({ kind: 'removed', ...base });
      continue;
    }
    if (group.template.length === 0) {
      variations.push({ kind: 'added', ...base });
      continue;
    }
    const fills = Object.assign({}, ...noticeClauses.map((m) => m.fills)) as Record<string, string>;
    if (Object.keys(fills).length > 0) variations.push({ kind: 'parameter', ...base, parameters: fills });
    const templateSide = group.template.map((t) => templateComparable.get(t) ?? '').join(' ');
    const noticeSide = group.notice.map((n) => noticeComparable.get(n) ?? '').join(' ');
    const diff = wordDiff(templateSide, noticeSide);
    if (diff) variations.push({ kind: 'wording', ...base, diff });
  }
  for (const c of template.clauses) alignment[c.id] ??= null;

  return {
    template: template.name,
    alignment,
    pairs,
    variations: [...featureVariations(record, template, alignment), ...variations],
  };
}
