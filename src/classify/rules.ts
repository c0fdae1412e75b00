/**
 * The evidence the classifier weighs, as data: each rule names a kind, a pattern over the
 * normalised text (one paragraph per line, so `^…$` with the `m` flag is one paragraph) and a
 * weight. Strong, form-specific signals (a header-table row, the notice's issuing sentence)
 * weigh most; vocabulary that other kinds also use weighs little.
 */
import type { DocumentKind } from '../record.js';

export interface ClassificationRule {
  kind: Exclude<DocumentKind, 'other'>;
  rule: string;
  weight: number;
  pattern: RegExp;
}

export const CLASSIFICATION_RULES: ClassificationRule[] = [
  // Improvement notices: the DfE's letter form. The title may name the council ("Improvement
  // Notice: Peterborough City Council") and the issuing sentence its date before the addressee.
  { kind: 'improvement_notice', rule: 'title_improvement_notice', weight: 3, pattern: /^(?:statutory\s+)?improvement notice(?:\s*[:\u2013\u2014-]\s*[^\n]{1,80})?$/im },
  { kind: 'improvement_notice', rule: 'issued_to', weight: 3, pattern: /\bthis improvement notice is (?:issued|given)\b[^.\n]{0,60}?\bto\b/i },
  { kind: 'improvement_notice', rule: 'addressee_to_line', weight: 1, pattern: /^To:\s*\S/m },
  { kind: 'improvement_notice', rule: 'comply_with_this_notice', weight: 1, pattern: /\bcomply with this (?:improvement )?notice\b/i },
  { kind: 'improvement_notice', rule: 'secretary_of_state_appoints', weight: 1, pattern: /\bSecretary of State (?:has chosen|has decided|will) (?:to )?appoint\b/ },
  { kind: 'improvement_notice', rule: 'signed_line', weight: 1, pattern: /^Signed\b/m },
  { kind: 'improvement_notice', rule: 'senior_civil_servant', weight: 1, pattern: /\bsenior civil servant\b/i },

  // Cabinet reports: the committee-report header table and standard section headings.
  { kind: 'cabinet_report', rule: 'header_subject', weight: 2, pattern: /^(?:Subject(?: Heading)?|Report Title|Title of Report):?\t/im },
  { kind: 'cabinet_report', rule: 'header_cabinet_member', weight: 2, pattern: /^(?:Cabinet Member|Portfolio(?: Holder)?|Lead Member|Executive Member)\b[^\t\n]*\t/im },
  { kind: 'cabinet_report', rule: 'header_wards_affected', weight: 1, pattern: /^Wards?(?: affected)?:?\t/im },
  { kind: 'cabinet_report', rule: 'header_report_of', weight: 1, pattern: /^Report (?:of|by|from):?\t/im },
  // "Cabinet – 18 July 2018", "Executive Board, Wednesday 5 June 2024": the meeting the report goes to.
  { kind: 'cabinet_report', rule: 'meeting_line', weight: 1, pattern: /^(?:Cabinet|Executive(?: Board)?|[A-Z][\w ,&']* Committee)\s*[-\u2013\u2014:,]\s*(?:[A-Z][a-z]+day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+\d{4}$/m },
  { kind: 'cabinet_report', rule: 'header_key_decision', weight: 2, pattern: /^Is this a Key Decision\?|^Key Decision:?\t/im },
  { kind: 'cabinet_report', rule: 'header_report_author', weight: 1, pattern: /^(?:Report Author|Contact Officer|Lead Officer|SLT Lead)[^\t\n]*\t/im },
  { kind: 'cabinet_report', rule: 'heading_recommendations', weight: 1, pattern: /^(?:\d+\.?\s+)?(?:RECOMMENDATIONS?|Recommendations?)$/m },
  { kind: 'cabinet_report', rule: 'heading_report_detail', weight: 1, pattern: /^REPORT DETAIL$/m },
  { kind: 'cabinet_report', rule: 'heading_summary', weight: 0.5, pattern: /^(?:EXECUTIVE )?SUMMARY$/m },
  { kind: 'cabinet_report', rule: 'heading_implications', weight: 1, pattern: /^(?:Financial|Legal|Equalities|Human Resources) Implications(?: and Risks)?:?$/im },
  { kind: 'cabinet_report', rule: 'recommended_that_cabinet', weight: 1, pattern: /\b(?:is|are) recommended that (?:the )?Cabinet\b/i },

  // Press releases: a dated publication line and quoted councillors.
  { kind: 'press_release', rule: 'published_line', weight: 2, pattern: /^(?:Published|Posted|Date published)(?::| on)\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?\d/im },
  { kind: 'press_release', rule: 'councillor_said', weight: 2, pattern: /^(?:Councillor|Cllr\.?)\s[^\n]{0,200}\bsaid(?::|,|$)/m },
  { kind: 'press_release', rule: 'quoted_paragraph', weight: 1, pattern: /^"[A-Z]/m },
  { kind: 'press_release', rule: 'notes_to_editors', weight: 2, pattern: /^Notes to editors:?$/im },
  { kind: 'press_release', rule: 'ends_marker', weight: 1, pattern: /^-?\s*ENDS\s*-?$/m },
];

/** A kind needs at least this score to be chosen at all. */
export const MIN_SCORE = 3;
/** And must lead the runner-up by this factor; otherwise the document is `other`. */
export const MIN_LEAD = 1.5;
