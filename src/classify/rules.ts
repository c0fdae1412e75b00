/**
 * The evidence the classifier weighs, as data: each rule names a kind, a pattern over the
 * normalised text (one paragraph per line, so `^…$` with the `m` flag is one paragraph) and a
 * weight. Strong, form-specific signals (a header-table row, the notice's issuing sentence)
 * weigh most; vocabulary that other kinds also use weighs little.
 */
import { WRITTEN_DATE } from '../normalise/calendar.js';
import type { DocumentKind } from '../record.js';

export interface ClassificationRule {
  kind: Exclude<DocumentKind, 'other'>;
  rule: string;
  weight: number;
  pattern: RegExp;
}

/** What parts a label from its value in a header: a colon, a tab, or a dash between spaces ("Report title — …"). */
const SEP = String.raw`(?:\s*:\s*|\t|\s+[-\u2013\u2014]\s+)`;
/** A date as a header writes it: "14 November 2024", "14th Nov 2024", "14/11/2024". */
const DATE = `(?:${WRITTEN_DATE})`;

export const CLASSIFICATION_RULES: ClassificationRule[] = [
  // Improvement notices: the DfE's letter form. The title may name the council ("Improvement
  // Notice: Peterborough City Council", "Improvement Notice to Thurrock Council") and the
  // issuing sentence its date before the addressee. A line just after "Dear …" is a letter's
  // subject heading (a letter about the notice), not the notice's title.
  { kind: 'improvement_notice', rule: 'title_improvement_notice', weight: 3, pattern: /(?<!^Dear\b[^\n]*\n)^(?:statutory\s+)?improvement notice(?:\s*[:\u2013\u2014-]\s*[^\n]{1,80}|\t[^\n]{1,80}|\s+(?:issued\s+)?(?:to|for)\s+[^\n]{1,80})?$/im },
  { kind: 'improvement_notice', rule: 'issued_to', weight: 3, pattern: /\bthis (?:improvement )?notice is (?:issued|given)\b|\b(?:issues?|issuing|gives?)\s+this\s+(?:improvement\s+)?notice\b|^Date of (?:this )?notice\b/im },
  { kind: 'improvement_notice', rule: 'addressee_to_line', weight: 1, pattern: /^To(?::\s*\S|\s+[A-Z][^.\n]{0,80}$)/m },
  { kind: 'improvement_notice', rule: 'comply_with_this_notice', weight: 1, pattern: /\bcomply with this (?:improvement )?notice\b/i },
  { kind: 'improvement_notice', rule: 'secretary_of_state_appoints', weight: 1, pattern: /\bSecretary of State (?:has chosen|has decided|will) (?:to )?appoint\b/ },
  { kind: 'improvement_notice', rule: 'signed_line', weight: 1, pattern: /^Signed\b/m },
  { kind: 'improvement_notice', rule: 'senior_civil_servant', weight: 1, pattern: /\bsenior civil servant\b/i },

  // Cabinet reports: the committee-report header (as a table or as labelled lines) and standard section headings.
  { kind: 'cabinet_report', rule: 'header_subject', weight: 2, pattern: new RegExp(String.raw`^(?:Subject(?: Heading)?|Report Title|Title of Report)${SEP}\S`, 'im') },
  { kind: 'cabinet_report', rule: 'header_cabinet_member', weight: 2, pattern: new RegExp(String.raw`^(?:Cabinet Member|Portfolio(?: Holder)?|Lead Member|Executive Member)\b[^\t\n:]*${SEP}\S`, 'im') },
  { kind: 'cabinet_report', rule: 'header_wards_affected', weight: 1, pattern: new RegExp(String.raw`^Wards?(?: affected)?${SEP}`, 'im') },
  { kind: 'cabinet_report', rule: 'header_report_of', weight: 1, pattern: new RegExp(String.raw`^Report (?:of|by|from)(?:${SEP}|\s+the\s+)\S`, 'im') },
  { kind: 'cabinet_report', rule: 'report_to_meeting', weight: 2, pattern: /^Report to (?:the )?(?:Cabinet|Executive|Council|[A-Z][\w ,&']* (?:Committee|Board|Panel))\b/m },
  // "Cabinet – 18 July 2018", "Executive Board, Wednesday 5 June 2024", "Date of meeting: 14/11/2024": the meeting the report goes to.
  { kind: 'cabinet_report', rule: 'meeting_line', weight: 1, pattern: new RegExp(String.raw`^(?:(?:Meeting${SEP})?(?:Cabinet|Executive(?: Board)?|[A-Z][\w ,&']* Committee)\s*[-\u2013\u2014:,]\s*${DATE}|Date of (?:the )?meeting${SEP}${DATE})$`, 'm') },
  { kind: 'cabinet_report', rule: 'header_key_decision', weight: 2, pattern: new RegExp(String.raw`^Is this a Key Decision\?|^Key Decision${SEP}|\bthis is (?:not )?a key decision\b`, 'im') },
  { kind: 'cabinet_report', rule: 'header_report_author', weight: 1, pattern: new RegExp(String.raw`^(?:Report Author|Contact Officer|Lead Officer|SLT Lead)[^\t\n:]*${SEP}`, 'im') },
  { kind: 'cabinet_report', rule: 'heading_recommendations', weight: 1, pattern: /^(?:\d+\.?\s+)?(?:RECOMMENDATIONS?|Recommendations?)$/m },
  { kind: 'cabinet_report', rule: 'heading_report_detail', weight: 1, pattern: /^REPORT DETAIL$/m },
  { kind: 'cabinet_report', rule: 'heading_summary', weight: 0.5, pattern: /^(?:\d+\.?\s+)?(?:EXECUTIVE |REPORT )?SUMMARY$/im },
  { kind: 'cabinet_report', rule: 'heading_implications', weight: 1, pattern: /^(?:\d+\.?\s+)?(?:Financial|Legal|Equalities|Human Resources) Implications(?: and Risks)?:?$/im },
  { kind: 'cabinet_report', rule: 'recommended_that_cabinet', weight: 1, pattern: /\b(?:is|are) recommended that (?:the )?Cabinet\b/i },

  // Press releases: the release's own heading, a dated publication line, quoted speakers.
  { kind: 'press_release', rule: 'release_heading', weight: 2, pattern: /^(?:[^\n]{0,80}\s[-\u2013\u2014|]\s*)?(?:press|news|media) release\b|^[^\n]{3,80}\s[-\u2013\u2014|]\s*News$/im },
  { kind: 'press_release', rule: 'published_line', weight: 2, pattern: new RegExp(String.raw`^(?:Published|Posted|Issued|Date published)(?:${SEP}|\s+on:?\s+|\s+)${DATE}`, 'im') },
  // A dateline: the date that opens the story ("3 October 2023 — The council has …").
  { kind: 'press_release', rule: 'dateline', weight: 2, pattern: new RegExp(String.raw`^${DATE}\s+[-\u2013\u2014]\s+\S`, 'm') },
  { kind: 'press_release', rule: 'councillor_said', weight: 2, pattern: /^(?:Councillor|Cllr\.?)\s[^\n]{0,200}\bsaid(?::|,|$)/m },
  { kind: 'press_release', rule: 'someone_said', weight: 1, pattern: /\b(?:said|added|commented):\s*["\u201c]/ },
  { kind: 'press_release', rule: 'published_today', weight: 1, pattern: /\b(?:published|announced|confirmed|welcomed|lifted|issued)\s+today\b|\bhas today\b/i },
  { kind: 'press_release', rule: 'quoted_paragraph', weight: 1, pattern: /^["\u201c][A-Z]/m },
  { kind: 'press_release', rule: 'notes_to_editors', weight: 2, pattern: /^Notes to editors:?$/im },
  { kind: 'press_release', rule: 'ends_marker', weight: 1, pattern: /^-?\s*ENDS\s*-?$/im },

  // Statutory directions: the Secretary of State's order under s497A(4B), in the form of a deed
  // ("Direction issued to …", recitals "Whereas …", "directs the Council as follows").
  { kind: 'statutory_direction', rule: 'title_direction', weight: 3, pattern: /^(?:statutory\s+)?direction\s+(?:(?:issued|given|made)\s+)?(?:to|under)\b/im },
  { kind: 'statutory_direction', rule: 'directs_the_council', weight: 3, pattern: /\bdirects\s+(?:the\s+)?(?:Council|[A-Z][\w ,'-]{0,60}Council)\s+(?:as\s+follows|to)\b/ },
  { kind: 'statutory_direction', rule: 'whereas_recitals', weight: 1, pattern: /^(?:\(?[A-Z0-9]{1,2}[.)]\s+)?(?:AND\s+)?WHEREAS\b|^Whereas:?$/m },
  { kind: 'statutory_direction', rule: 'power_497a_4b', weight: 1, pattern: /\b497A\s*\(4B\)/ },

  // Lifting letters: the minister's letter that lifts, closes or revokes the notice.
  { kind: 'notice_lifted', rule: 'lifts_the_notice', weight: 2, pattern: /\b(?:lift|close|revoke|revocation\s+of|closure\s+of|end)(?:s|ing)?\s+(?:of\s+)?(?:the\s+|this\s+|your\s+)?(?:improvement\s+)?notice\b/i },
  { kind: 'notice_lifted', rule: 'notice_no_longer_in_force', weight: 2, pattern: /\bnotice\s+(?:is|has\s+been|will\s+be)\s+(?:lifted|closed|revoked|withdrawn|removed)\b|\bno\s+longer\s+(?:be\s+)?in\s+force\b/i },
  { kind: 'notice_lifted', rule: 'letter_salutation', weight: 1, pattern: /^Dear\s+\S/m },

  // Ofsted's letters after a visit: the title, the letter's opening, the inspector's signature.
  { kind: 'ofsted_letter', rule: 'title_visit', weight: 3, pattern: /^(?:monitoring|focused)\s+visit\s+(?:to|of|at)\b/im },
  { kind: 'ofsted_letter', rule: 'letter_summarises_visit', weight: 2, pattern: /\bthis\s+letter\s+summarises\s+the\s+findings\s+of\s+(?:a|the)\s+(?:\w+\s+)?visit\b/i },
  { kind: 'ofsted_letter', rule: 'ofsted_letterhead', weight: 1, pattern: /\benquiries@ofsted\.gov\.uk\b|\bwww\.gov\.uk\/ofsted\b/i },
  { kind: 'ofsted_letter', rule: 'inspector_signs', weight: 1, pattern: /^(?:(?:Her|His)\s+Majesty['\u2019]s\s+Inspector|HMI)$/m },

  // Ofsted's reports on a council's children's services (not a school's): the title and the
  // judgement table's rows for children's services, and the report's header lines.
  { kind: 'ofsted_report', rule: 'title_inspection_of_childrens_services', weight: 3, pattern: /^Inspection\s+of\s+(?:[^\n]{0,80}children['\u2019]s\s+(?:social\s+care\s+)?services\b|services\s+for\s+children\b)/im },
  { kind: 'ofsted_report', rule: 'judgement_table', weight: 2, pattern: /^(?:\d+(?:\.\d+)*\.?\s+)?(?:The\s+impact\s+of\s+leaders\s+on\s+social\s+work\s+practice|The\s+experiences\s+and\s+progress\s+of\s+children\s+who\s+need\s+help|Children\s+who\s+need\s+help\s+and\s+protection|Children\s+looked\s+after\s+and\s+achieving\s+permanence)[^\t\n]*\t/im },
  { kind: 'ofsted_report', rule: 'lead_inspector_line', weight: 1, pattern: /^Lead\s+inspector\b/im },
];

/** A kind needs at least this score to be chosen at all. */
export const MIN_SCORE = 3;
/** And must lead the runner-up by this factor; otherwise the document is `other`. */
export const MIN_LEAD = 1.5;
