/**
 * Writing documents into the corpus. The main thread is the only writer; each document goes in
 * with all its rows in one transaction, so a crash leaves either the whole document or none of it.
 */
import { createHash } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { foldWhiteSpace } from '../normalise/index.js';
import type { DiffResult, DocumentRecord, ErrorCode, Span } from '../record.js';
import { clauseHolding } from '../segment/index.js';

/** What a worker hands back for one file: the record and, for a notice, its diff. */
export interface ProcessedDocument {
  record: DocumentRecord;
  diff: DiffResult | null;
}

/** Pipeline error codes, plus one for a failure of the program rather than of the file. */
export type IngestErrorCode = ErrorCode | 'internal_error';

/** One row of the `entities` table before it has an id. */
interface EntityRow {
  type: string;
  value: string | null;
  value_end: string | null;
  role: string | null;
  detail: string | null;
  amount_gbp: number | null;
  text: string;
  span: Span;
}

/** The sha256 of the white-space-folded normalised text: the same notice read from PDF or text. */
export function contentKey(text: string): string {
  return createHash('sha256').update(foldWhiteSpace(text)).digest('hex');
}

const isoNow = (): string => new Date().toISOString();

/** SQLite has no boolean; the corpus stores 1 and 0. */
function sqlValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return JSON.stringify(value);
}

const jsonOrNull = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/** Every entity of a record as a row, with its normalised value in the columns that fit it. */
export function entityRows(record: DocumentRecord): EntityRow[] {
  const row = (type: string, e: { text: string; span: Span }, fields: Partial<Omit<EntityRow, 'type' | 'text' | 'span'>>): EntityRow => ({
    type,
    value: null,
    value_end: null,
    role: null,
    detail: null,
    amount_gbp: null,
    ...fields,
    text: e.text,
    span: e.span,
  });
  return [
    ...record.dates.map((e) => row('date', e, { value: e.value, role: e.role, detail: e.precision })),
    ...record.date_ranges.map((e) => row('date_range', e, { value: e.start, value_end: e.end, role: e.role })),
    ...record.deadlines.map((e) =>
      row('deadline', e, e.due !== null ? { value: e.due } : { value: e.relative?.every ?? null, detail: e.relative?.after ?? null }),
    ),
    ...record.cadences.map((e) => row('cadence', e, { value: e.every, role: e.subject, detail: e.at_least ? 'at_least' : null })),
    ...record.grades.map((e) => row('grade', e, { value: e.grade, role: e.area, detail: e.when })),
    ...record.costs.map((e) =>
      row('cost', e, { value: String(e.amount_gbp), amount_gbp: e.amount_gbp, detail: e.approximate ? 'approximate' : null }),
    ),
    ...record.people.map((e) => row('person', e, { value: e.name, role: e.role })),
    ...record.organisations.map((e) => row('organisation', e, { value: e.name })),
    ...record.statutes.map((e) => row('statute', e, { value: e.act, detail: e.section })),
    ...record.councils.map((e) => row('council', e, { value: e.name, detail: e.gss })),
  ];
}


type SqlValue = string | number | null;

/**
 * A document as the rows the corpus stores, built in the worker thread that read it: the main
 * thread, the only writer, then does no more than insert them, and what crosses between the
 * threads is flat rows and one JSON string rather than the record's nested objects.
 */
export interface DocumentRows {
  document: {
    sha256: string;
    content_key: string;
    format: string;
    kind: string;
    council_name: string | null;
    council_gss: string | null;
    pages: number;
    text: string;
    record: string;
  };
  pages: Array<[page: number, start: number, end: number]>;
  clauses: Array<[clause: string, parent: string | null, heading: string | null, text: string, page: number, start: number, end: number]>;
  /** Each entity's row, its first field the index in `clauses` of the clause holding it. */
  entities: Array<[clauseIndex: number | null, type: string, value: SqlValue, valueEnd: SqlValue, role: SqlValue, detail: SqlValue, amount: number | null, text: string, page: number, start: number, end: number]>;
  facts: Array<[name: string, value: SqlValue, clause: string | null, page: number | null, start: number | null, end: number | null]>;
  features: Record<string, SqlValue> | null;
  anomalies: Array<[code: string, message: string, spans: string]>;
  variations: Array<[template: string, kind: string, clause: SqlValue, templateClause: SqlValue, templateText: SqlValue, noticeText: SqlValue, feature: SqlValue, templateValue: SqlValue, noticeValue: SqlValue, page: number | null, start: number | null, end: number | null]>;
}

/** The rows of a processed document. */
export function documentRows({ record, diff }: ProcessedDocument): DocumentRows {
  const clauses = record.clauses.map((c, index) => ({ index, span: c.span }));
  return {
    document: {
      sha256: record.source.sha256,
      content_key: contentKey(record.text),
      format: record.source.format,
      kind: record.kind,
      council_name: record.council?.name ?? null,
      council_gss: record.council?.gss ?? null,
      pages: record.source.pages,
      text: record.text,
      record: JSON.stringify(record),
    },
    pages: record.pages.map((page) => [page.page, page.start, page.end]),
    clauses: record.clauses.map((c) => [c.id, c.parent, c.heading, c.text, c.page, c.span.start, c.span.end]),
    entities: entityRows(record).map((e) => [clauseHolding(clauses, e.span)?.index ?? null, e.type, e.value, e.value_end, e.role, e.detail, e.amount_gbp, e.text, e.span.page, e.span.start, e.span.end]),
    facts: Object.entries(record.facts).map(([name, value]) => {
      const evidence = record.fact_evidence[name];
      return [name, sqlValue(value), evidence?.clause ?? null, evidence?.span.page ?? null, evidence?.span.start ?? null, evidence?.span.end ?? null];
    }),
    features: 'board_chair' in record.features ? Object.fromEntries(Object.entries(record.features).map(([name, value]) => [name, sqlValue(value)])) : null,
    anomalies: record.anomalies.map((a) => [a.code, a.message, JSON.stringify(a.spans)]),
    variations: (diff?.variations ?? []).map((v) => [
      diff!.template,
      v.kind,
      v.clause,
      v.template_clause,
      v.template_text,
      v.notice_text,
      v.feature ?? null,
      jsonOrNull(v.template_value),
      jsonOrNull(v.notice_value),
      v.span?.page ?? null,
      v.span?.start ?? null,
      v.span?.end ?? null,
    ]),
  };
}

export class CorpusWriter {

  private readonly statements: Record<string, Statement>;
  private readonly storeTransaction: (rows: DocumentRows, path: string, bytes: number) => number;

  constructor(private readonly db: Database) {
    const prepare = (sql: string): Statement => db.prepare(sql);
    this.statements = {
      documentBySha: prepare('SELECT id FROM documents WHERE sha256 = ?'),
      addPath: prepare('INSERT OR IGNORE INTO document_paths (document_id, path, added_at) VALUES (?, ?, ?)'),
      clearError: prepare('DELETE FROM ingest_errors WHERE path = ?'),
      recordError: prepare(`INSERT INTO ingest_errors (path, sha256, code, message, at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, code = excluded.code, message = excluded.message, at = excluded.at`),
      document: prepare(`INSERT INTO documents (sha256, content_key, format, kind, council_name, council_gss, bytes, pages, text, record, ingested_at)
        VALUES (@sha256, @content_key, @format, @kind, @council_name, @council_gss, @bytes, @pages, @text, @record, @ingested_at)`),
      page: prepare('INSERT INTO pages (document_id, page, start, "end") VALUES (?, ?, ?, ?)'),
      clause: prepare('INSERT INTO clauses (document_id, clause, parent, heading, text, page, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      entity: prepare(`INSERT INTO entities (document_id, clause_id, type, value, value_end, role, detail, amount_gbp, text, page, start, "end")
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      fact: prepare('INSERT INTO facts (document_id, name, value, clause, page, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?)'),
      features: prepare(`INSERT INTO notice_features (document_id, board_chair, advisers, review_every, adviser_report_every,
        department_at_board, review_scope_mash, self_assessment_safeguarding_partners, plan_submission_set_by_adviser)
        VALUES (@document_id, @board_chair, @advisers, @review_every, @adviser_report_every,
        @department_at_board, @review_scope_mash, @self_assessment_safeguarding_partners, @plan_submission_set_by_adviser)`),
      anomaly: prepare('INSERT INTO anomalies (document_id, code, message, spans) VALUES (?, ?, ?, ?)'),
      variation: prepare(`INSERT INTO variations (document_id, template, kind, clause, template_clause, template_text, notice_text,
        feature, template_value, notice_value, page, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    };
    this.storeTransaction = db.transaction((rows: DocumentRows, path: string, bytes: number) => this.insert(rows, path, bytes));
  }

  /** The id of the document with these bytes, if the corpus has it. */
  documentIdBySha(sha256: string): number | null {
    const row = this.statements.documentBySha.get(sha256) as { id: number } | undefined;
    return row?.id ?? null;
  }

  /** Notes another path for content already stored (and forgets an old error at that path). */
  addPath(documentId: number, path: string): void {
    this.db.transaction(() => {
      this.statements.addPath.run(documentId, path, isoNow());
      this.statements.clearError.run(path);
    })();
  }

  /** Stores a document and everything read from it, all or nothing; returns its id. */
  store(doc: ProcessedDocument, path: string, bytes: number): number {
    return this.storeRows(documentRows(doc), path, bytes);
  }

  /** Stores the rows a worker built for a document, all or nothing; returns its id. */
  storeRows(rows: DocumentRows, path: string, bytes: number): number {
    return this.storeTransaction(rows, path, bytes);
  }

  /** The latest failure at a path; a later success clears it. */
  recordError(path: string, sha256: string | null, code: IngestErrorCode, message: string): void {
    this.statements.recordError.run(path, sha256, code, message, isoNow());
  }

  private insert(rows: DocumentRows, path: string, bytes: number): number {
    const s = this.statements;
    const existing = this.documentIdBySha(rows.document.sha256);
    if (existing !== null) {
      this.addPath(existing, path);
      return existing;
    }
    const documentId = Number(s.document.run({ ...rows.document, bytes, ingested_at: isoNow() }).lastInsertRowid);
    s.addPath.run(documentId, path, isoNow());
    s.clearError.run(path);
    for (const page of rows.pages) s.page.run(documentId, ...page);
    const clauseIds = rows.clauses.map((clause) => Number(s.clause.run(documentId, ...clause).lastInsertRowid));
    for (const [clauseIndex, ...entity] of rows.entities) s.entity.run(documentId, clauseIndex === null ? null : clauseIds[clauseIndex], ...entity);
    for (const fact of rows.facts) s.fact.run(documentId, ...fact);
    if (rows.features) s.features.run({ document_id: documentId, ...rows.features });
    for (const anomaly of rows.anomalies) s.anomaly.run(documentId, ...anomaly);
    for (const variation of rows.variations) s.variation.run(documentId, ...variation);
    return documentId;
  }
}
