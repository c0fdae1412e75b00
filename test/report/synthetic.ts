/**
 * Small documents of our own (fictional councils, wording unlike the seeds) as records, with a
 * template and a diff written by hand, so the page generators are tested on known inputs.
 */
import { DocumentRecord, SCHEMA_ID, type DiffResult, type Span } from '../../src/record.js';
import type { ReportTemplate } from '../../src/report/model.js';
import { NO_ENTITIES } from '../helpers/records.js';

interface ClauseSpec {
  id: string;
  parent?: string | null;
  heading?: string | null;
  /** The clause's own text, found in the document text. */
  text: string;
}

/** Builds a record from lines (one paragraph each) and page breaks before the given lines. */
export class RecordBuilder {
  readonly text: string;
  private readonly pageStarts: number[];

  constructor(
    private readonly path: string,
    lines: string[],
    pageBreaksBefore: number[] = [],
  ) {
    this.text = lines.join('\n');
    const lineStarts = lines.map((_, i) => lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0));
    this.pageStarts = [0, ...pageBreaksBefore.map((i) => lineStarts[i])];
  }

  span(text: string, from = 0): Span {
    const start = this.text.indexOf(text, from);
    if (start < 0) throw new Error(`"${text}" is not in the text`);
    const page = this.pageStarts.filter((s) => s <= start).length;
    return { page, start, end: start + text.length };
  }

  evidence(text: string, clause: string | null) {
    return { clause, span: this.span(text), text };
  }

  record(fields: Partial<Omit<DocumentRecord, 'clauses'>> & { clauses?: ClauseSpec[] }): DocumentRecord {
    const pages = this.pageStarts.map((start, i) => ({ page: i + 1, start, end: this.pageStarts[i + 1] ?? this.text.length }));
    const clauses = (fields.clauses ?? []).map((c) => {
      const span = this.span(c.text);
      return { id: c.id, parent: c.parent ?? null, heading: c.heading ?? null, text: c.text, page: span.page, span };
    });
    return DocumentRecord.parse({
      schema: SCHEMA_ID,
      source: { path: this.path, sha256: '0'.repeat(64), format: this.path.endsWith('.pdf') ? 'pdf' : 'txt', pages: pages.length },
      kind: 'other',
      council: null,
      address: null,
      text: this.text,
      pages,
      ...NO_ENTITIES,
      facts: {},
      features: {},
      anomalies: [],
      ...fields,
      clauses,
    });
  }
}

export const BORSETSHIRE = { name: 'Borsetshire County Council', gss: 'E10000099' };
export const WESSEX = { name: 'Wessex Borough Council', gss: 'E06000099' };

const NOTICE_LINES = [
  'Improvement Notice',
  'This Improvement Notice is issued to Borsetshire County Council on Monday 14 May 2023.',
  '1. This Notice addresses the inspection report published 2 April 2023.',
  '2. The council must set up an improvement board chaired by a DfE-appointed adviser <script>alert("x")</script> & partners.',
  '2.a Reports go to the board monthly;',
  '3. The plan must be delivered by the end of June 2024.',
  '(iv) The council will publish its minutes.',
];

export const TEMPLATE: ReportTemplate = {
  name: 'test-notice-template',
  clauses: [
    { id: '1', text: 'This Notice addresses the inspection report published {{inspection_report_date}}.' },
    { id: '2', text: 'The council must set up an improvement board with an independent chair.' },
    { id: '2.a', text: 'Reports go to the board monthly;' },
    { id: '3', text: 'The plan must be delivered by {{plan_deadline}}.' },
    { id: '4', text: 'The Department will attend the board.' },
  ],
};

/** A Borsetshire notice read from the given path (the text and the PDF give the same record). */
export function borsetshireNotice(path: string): DocumentRecord {
  const b = new RecordBuilder(path, NOTICE_LINES, [3]);
  return b.record({
    kind: 'improvement_notice',
    council: BORSETSHIRE,
    clauses: [
      { id: '1', text: 'This Notice addresses the inspection report published 2 April 2023.' },
      { id: '2', text: 'The council must set up an improvement board chaired by a DfE-appointed adviser <script>alert("x")</script> & partners.' },
      { id: '2.a', parent: '2', text: 'Reports go to the board monthly;' },
      { id: '3', text: 'The plan must be delivered by the end of June 2024.' },
      { id: '(iv)', text: 'The council will publish its minutes.' },
    ],
    dates: [
      { text: '14 May 2023', span: b.span('14 May 2023'), value: '2023-05-14', precision: 'day', role: 'issued', inferred: false, weekday: 'Monday' },
      { text: '2 April 2023', span: b.span('2 April 2023'), value: '2023-04-02', precision: 'day', role: 'inspection_report_published', inferred: false, weekday: null },
    ],
    deadlines: [{ text: 'by the end of June 2024', span: b.span('by the end of June 2024'), due: '2024-06-30', relative: null }],
    facts: { issued: '2023-05-14', inspection_report_published: '2023-04-02', signed: null, signatory: null, plan_deadline: '2024-06-30' },
    fact_evidence: {
      issued: b.evidence('14 May 2023', null),
      inspection_report_published: b.evidence('2 April 2023', '1'),
      plan_deadline: b.evidence('by the end of June 2024', '3'),
    },
    features: {
      board_chair: 'dfe_appointed_adviser',
      advisers: 'single',
      review_every: null,
      adviser_report_every: 'P1M',
      department_at_board: false,
      review_scope_mash: false,
      self_assessment_safeguarding_partners: false,
      plan_submission_set_by_adviser: false,
    },
    feature_evidence: { board_chair: b.evidence('chaired by a DfE-appointed adviser', '2') },
    anomalies: [{ code: 'weekday_mismatch', message: '14 May 2023 was a Sunday, not a Monday', spans: [b.span('Monday 14 May 2023')] }],
  });
}

export const BORSETSHIRE_DIFF: DiffResult = {
  template: TEMPLATE.name,
  alignment: { '1': '1', '2': '2', '2.a': '2.a', '3': '3', '4': null },
  pairs: [
    { template_clause: '1', notice_clause: '1', confidence: 1 },
    { template_clause: '2', notice_clause: '2', confidence: 0.7 },
    { template_clause: '2.a', notice_clause: '2.a', confidence: 1 },
    { template_clause: '3', notice_clause: '3', confidence: 1 },
    { template_clause: '4', notice_clause: null, confidence: 0 },
    { template_clause: null, notice_clause: '(iv)', confidence: 0 },
  ],
  variations: [
    { kind: 'feature', clause: '2', template_clause: '2', template_text: null, notice_text: null, feature: 'board_chair', template_value: 'independent', notice_value: 'dfe_appointed_adviser' },
    { kind: 'feature', clause: null, template_clause: '4', template_text: null, notice_text: null, feature: 'department_at_board', template_value: true, notice_value: false },
    { kind: 'parameter', clause: '1', template_clause: '1', template_text: TEMPLATE.clauses[0].text, notice_text: NOTICE_LINES[2].slice(3), parameters: { inspection_report_date: '2 April 2023' } },
    {
      kind: 'wording',
      clause: '2',
      template_clause: '2',
      template_text: TEMPLATE.clauses[1].text,
      notice_text: NOTICE_LINES[3].slice(3),
      diff: [
        { op: 'equal', text: 'The council must set up an improvement board ' },
        { op: 'delete', text: 'with an independent chair' },
        { op: 'insert', text: 'chaired by a DfE-appointed adviser <script>alert("x")</script> & partners' },
      ],
    },
    { kind: 'parameter', clause: '3', template_clause: '3', template_text: TEMPLATE.clauses[3].text, notice_text: NOTICE_LINES[5].slice(3), parameters: { plan_deadline: 'the end of June 2024' } },
    { kind: 'removed', clause: '4', template_clause: '4', template_text: TEMPLATE.clauses[4].text, notice_text: null },
    { kind: 'added', clause: '(iv)', template_clause: null, template_text: null, notice_text: 'The council will publish its minutes.' },
  ],
};

/** A cabinet report of the same council: a date range, a cost, a numbered paragraph. */
export function borsetshireCabinetReport(): DocumentRecord {
  const lines = [
    'Cabinet report: Children\'s services improvement',
    '1.1 Ofsted inspected the service between 6 and 17 February 2023.',
    '1.2 The improvement plan will cost £1.2m over two years.',
  ];
  const b = new RecordBuilder('reports/borsetshire-cabinet-2023.txt', lines);
  return b.record({
    kind: 'cabinet_report',
    council: BORSETSHIRE,
    clauses: [
      { id: '1.1', text: 'Ofsted inspected the service between 6 and 17 February 2023.' },
      { id: '1.2', text: 'The improvement plan will cost £1.2m over two years.' },
    ],
    date_ranges: [{ text: 'between 6 and 17 February 2023', span: b.span('between 6 and 17 February 2023'), start: '2023-02-06', end: '2023-02-17', role: 'inspection' }],
    costs: [{ text: '£1.2m', span: b.span('£1.2m'), amount_gbp: 1200000, approximate: false, unit_inferred: false }],
  });
}

/** A notice of another council, for the comparison's sort order. */
export function wessexNotice(): DocumentRecord {
  const lines = ['Improvement Notice', 'Issued to Wessex Borough Council on 9 January 2021.', '1. The council must set up a board with an independent chair.'];
  const b = new RecordBuilder('notices/wessex-2021.txt', lines);
  return b.record({
    kind: 'improvement_notice',
    council: WESSEX,
    clauses: [{ id: '1', text: 'The council must set up a board with an independent chair.' }],
    dates: [{ text: '9 January 2021', span: b.span('9 January 2021'), value: '2021-01-09', precision: 'day', role: 'issued', inferred: false, weekday: null }],
    facts: { issued: '2021-01-09', inspection_report_published: null, signed: null, signatory: null, plan_deadline: null },
    fact_evidence: { issued: b.evidence('9 January 2021', null) },
    features: {
      board_chair: 'independent',
      advisers: 'multiple',
      review_every: 'P3M',
      adviser_report_every: null,
      department_at_board: true,
      review_scope_mash: false,
      self_assessment_safeguarding_partners: false,
      plan_submission_set_by_adviser: false,
    },
    feature_evidence: { board_chair: b.evidence('independent chair', '1') },
  });
}
