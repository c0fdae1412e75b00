/**
 * Writing documents into the corpus. The main thread is the only writer; each document goes in
 * with all its rows in one transaction, so a crash leaves either the whole document or none of it.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { DiffResult, DocumentRecord, ErrorCode, Span } from '../record.js';
import { KINDS, type ValueType } from '../registry.js';
import { clauseHolding } from '../segment/index.js';
import { pipelineVersion } from '../version.js';
import { contentKey } from '../normalise/content-key.js';

/** What a worker hands back for one file: the record and, for a notice, its diff. */
export interface ProcessedDocument {
  record: DocumentRecord;
  diff: DiffResult | null;
}

/** Pipeline error codes, plus one for a failure of the program rather than of the file. */
export type IngestErrorCode = ErrorCode | 'internal_error';

/** One row of the `entities` table before it has an id: its value in the column of its type. */
interface EntityRow {
  type: string;
  /** A name, grade or act: the values that are words. */
  value: string | null;
  /** An ISO date (any precision): a date, a range's start, a due date, when a grade was given. */
  date: string | null;
  date_end: string | null;
  /** An ISO duration: a cadence, or a deadline counted from an event. */
  duration: string | null;
  role: string | null;
  detail: string | null;
  amount_gbp: number | null;
  text: string;
  span: Span;
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
    date: null,
    date_end: null,
    duration: null,
    role: null,
    detail: null,
    amount_gbp: null,
    ...fields,
    text: e.text,
    span: e.span,
  });
  return [
    ...record.dates.map((e) => row('date', e, { date: e.value, role: e.role, detail: e.precision })),
    ...record.date_ranges.map((e) => row('date_range', e, { date: e.start, date_end: e.end, role: e.role })),
    ...record.deadlines.map((e) =>
      row('deadline', e, e.due !== null ? { date: e.due } : { duration: e.relative?.every ?? null, detail: e.relative?.after ?? null }),
    ),
    ...record.cadences.map((e) => row('cadence', e, { duration: e.every, role: e.subject, detail: e.at_least ? 'at_least' : null })),
    ...record.grades.map((e) => row('grade', e, { value: e.grade, role: e.area, date: e.when, detail: e.current ? null : 'earlier' })),
    ...record.costs.map((e) => row('cost', e, { amount_gbp: e.amount_gbp, detail: e.approximate ? 'approximate' : null })),
    ...record.people.map((e) => row('person', e, { value: e.name, role: e.role })),
    ...record.organisations.map((e) => row('organisation', e, { value: e.name })),
    ...record.statutes.map((e) => row('statute', e, { value: e.act, detail: e.section })),
    ...record.councils.map((e) => row('council', e, { value: e.name, detail: e.gss })),
  ];
}


type SqlValue = string | number | bigint | null;

/** The notice's features, in their declared order. */
const NOTICE_FEATURES = Object.keys(KINDS.get('improvement_notice')?.features ?? {});

/** A fact's type as its kind declares it (pipelines/<kind>/kind.json); text for an undeclared one. */
export function factType(kind: string, name: string): ValueType {
  return KINDS.get(kind)?.facts[name]?.type ?? 'text';
}

/**
 * A fact's value in the storage class of its type. better-sqlite3 binds every JavaScript number
 * as a floating-point REAL, so whole numbers and booleans go as BigInt, which it binds as INTEGER.
 */
function factValue(type: ValueType, value: unknown): SqlValue {
  if (value === null || value === undefined) return null;
  if (type === 'boolean') return value ? 1n : 0n;
  if (type === 'integer' && typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  return sqlValue(value);
}

/** How a document is shown in lists (Datasette's label column, the report): kind, council, first date. */
export function documentTitle(record: DocumentRecord): string {
  const kind = record.kind.replace(/_/g, ' ');
  const firstDate = Object.entries(record.facts).find(([name, value]) => factType(record.kind, name) === 'date' && typeof value === 'string')?.[1];
  return `${kind.charAt(0).toUpperCase()}${kind.slice(1)}: ${record.council?.name ?? 'council not identified'}${firstDate ? `, ${firstDate}` : ''}`;
}

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
    publisher_name: string | null;
    publisher_gss: string | null;
    pages: number;
    text: string;
    record: string;
    title: string;
    pipeline_version: string;
  };
  pages: Array<[page: number, start: number, end: number]>;
  clauses: Array<[clause: string, parent: string | null, heading: string | null, text: string, page: number, start: number, end: number]>;
  /** Each entity's row, its first field the index in `clauses` of the clause holding it. */
  entities: Array<[clauseIndex: number | null, type: string, value: SqlValue, date: SqlValue, dateEnd: SqlValue, duration: SqlValue, role: SqlValue, detail: SqlValue, amount: number | null, text: string, page: number, start: number, end: number]>;
  facts: Array<[name: string, type: ValueType, value: SqlValue, clause: string | null, page: number | null, start: number | null, end: number | null]>;
  features: Record<string, SqlValue> | null;
  anomalies: Array<[code: string, message: string, spans: string]>;
  variations: Array<[template: string, kind: string, clause: SqlValue, templateClause: SqlValue, templateText: SqlValue, noticeText: SqlValue, feature: SqlValue, templateValue: SqlValue, noticeValue: SqlValue, page: number | null, start: number | null, end: number | null]>;
  /** The whole diff, for the redline: [template, JSON]. */
  diff: [template: string, json: string] | null;
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
      publisher_name: record.publisher?.name ?? null,
      publisher_gss: record.publisher?.council_gss ?? null,
      pages: record.source.pages,
      text: record.text,
      record: JSON.stringify(record),
      title: documentTitle(record),
      pipeline_version: pipelineVersion(),
    },
    pages: record.pages.map((page) => [page.page, page.start, page.end]),
    clauses: record.clauses.map((c) => [c.id, c.parent, c.heading, c.text, c.page, c.span.start, c.span.end]),
    entities: entityRows(record).map((e) => [clauseHolding(clauses, e.span)?.index ?? null, e.type, e.value, e.date, e.date_end, e.duration, e.role, e.detail, e.amount_gbp, e.text, e.span.page, e.span.start, e.span.end]),
    facts: Object.entries(record.facts).map(([name, value]) => {
      const evidence = record.fact_evidence[name];
      const type = factType(record.kind, name);
      return [name, type, factValue(type, value), evidence?.clause ?? null, evidence?.span.page ?? null, evidence?.span.start ?? null, evidence?.span.end ?? null];
    }),
    features: Object.keys(record.features).length > 0 ? Object.fromEntries(Object.entries(record.features).map(([name, value]) => [name, sqlValue(value)])) : null,
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
    diff: diff ? [diff.template, JSON.stringify(diff)] : null,
  };
}

export class CorpusWriter {

  private readonly statements: Record<string, Statement>;
  private readonly storeTransaction: (rows: DocumentRows, path: string, bytes: number, replacing: number | undefined) => number;

  constructor(private readonly db: Database) {
    const prepare = (sql: string): Statement => db.prepare(sql);
    this.statements = {
      documentBySha: prepare('SELECT id, pipeline_version FROM documents WHERE sha256 = ?'),
      pathsOf: prepare('SELECT path, added_at FROM document_paths WHERE document_id = ?'),
      // A reprocessed document keeps when each of its paths was first seen.
      restorePath: prepare(`INSERT INTO document_paths (document_id, path, added_at) VALUES (?, ?, ?)
        ON CONFLICT(document_id, path) DO UPDATE SET added_at = excluded.added_at`),
      deleteDocument: prepare('DELETE FROM documents WHERE id = ?'),
      addPath: prepare('INSERT OR IGNORE INTO document_paths (document_id, path, added_at) VALUES (?, ?, ?)'),
      clearError: prepare('DELETE FROM ingest_errors WHERE path = ?'),
      recordError: prepare(`INSERT INTO ingest_errors (path, sha256, code, message, at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, code = excluded.code, message = excluded.message, at = excluded.at`),
      document: prepare(`INSERT INTO documents (id, sha256, content_key, format, kind, council_name, council_gss, publisher_name, publisher_gss, bytes, pages, text, record, ingested_at, title, pipeline_version)
        VALUES (@id, @sha256, @content_key, @format, @kind, @council_name, @council_gss, @publisher_name, @publisher_gss, @bytes, @pages, @text, @record, @ingested_at, @title, @pipeline_version)`),
      page: prepare('INSERT INTO pages (document_id, page, start, "end") VALUES (?, ?, ?, ?)'),
      clause: prepare('INSERT INTO clauses (document_id, clause, parent, heading, text, page, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      entity: prepare(`INSERT INTO entities (document_id, clause_id, type, value, date, date_end, duration, role, detail, amount_gbp, text, page, start, "end")
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      fact: prepare('INSERT INTO facts (document_id, name, type, value, clause, page, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      // The notice's features as its features.json declares them (the table has a column for each: views.ts).
      features: prepare(
        `INSERT INTO notice_features (document_id, ${NOTICE_FEATURES.map((name) => `"${name}"`).join(', ')}) VALUES (@document_id, ${NOTICE_FEATURES.map((name) => `@${name}`).join(', ')})`,
      ),
      anomaly: prepare('INSERT INTO anomalies (document_id, code, message, spans) VALUES (?, ?, ?, ?)'),
      diff: prepare('INSERT INTO notice_diffs (document_id, template, diff) VALUES (?, ?, ?)'),
      variation: prepare(`INSERT INTO variations (document_id, template, kind, clause, template_clause, template_text, notice_text,
        feature, template_value, notice_value, page, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    };
    this.storeTransaction = db.transaction((rows: DocumentRows, path: string, bytes: number, replacing: number | undefined) =>
      replacing === undefined ? this.insert(rows, path, bytes) : this.replace(replacing, rows, path, bytes),
    );
  }

  /** The document with these bytes, if the corpus has it, and the pipeline version that made it. */
  documentBySha(sha256: string): { id: number; pipeline_version: string | null } | null {
    return (this.statements.documentBySha.get(sha256) as { id: number; pipeline_version: string | null } | undefined) ?? null;
  }

  /** The id of the document with these bytes, if the corpus has it. */
  documentIdBySha(sha256: string): number | null {
    return this.documentBySha(sha256)?.id ?? null;
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

  /**
   * Stores the rows a worker built for a document, all or nothing; returns its id. With
   * `replacing`, the rows take the place of that document's (reprocessed): same id, same paths.
   */
  storeRows(rows: DocumentRows, path: string, bytes: number, replacing?: number): number {
    return this.storeTransaction(rows, path, bytes, replacing);
  }

  /** The latest failure at a path; a later success clears it. */
  recordError(path: string, sha256: string | null, code: IngestErrorCode, message: string): void {
    this.statements.recordError.run(path, sha256, code, message, isoNow());
  }

  /** Deletes a document (its rows go with it) and stores the new rows under its id and paths. */
  private replace(documentId: number, rows: DocumentRows, path: string, bytes: number): number {
    const s = this.statements;
    const paths = s.pathsOf.all(documentId) as { path: string; added_at: string }[];
    s.deleteDocument.run(documentId);
    this.insert(rows, path, bytes, documentId);
    for (const old of paths) s.restorePath.run(documentId, old.path, old.added_at);
    return documentId;
  }

  private insert(rows: DocumentRows, path: string, bytes: number, id: number | null = null): number {
    const s = this.statements;
    const existing = id === null ? this.documentIdBySha(rows.document.sha256) : null;
    if (existing !== null) {
      this.addPath(existing, path);
      return existing;
    }
    const documentId = Number(s.document.run({ ...rows.document, id, bytes, ingested_at: isoNow() }).lastInsertRowid);
    s.addPath.run(documentId, path, isoNow());
    s.clearError.run(path);
    for (const page of rows.pages) s.page.run(documentId, ...page);
    const clauseIds = rows.clauses.map((clause) => Number(s.clause.run(documentId, ...clause).lastInsertRowid));
    for (const [clauseIndex, ...entity] of rows.entities) s.entity.run(documentId, clauseIndex === null ? null : clauseIds[clauseIndex], ...entity);
    for (const fact of rows.facts) s.fact.run(documentId, ...fact);
    if (rows.features) s.features.run({ document_id: documentId, ...rows.features });
    for (const anomaly of rows.anomalies) s.anomaly.run(documentId, ...anomaly);
    for (const variation of rows.variations) s.variation.run(documentId, ...variation);
    if (rows.diff) s.diff.run(documentId, ...rows.diff);
    return documentId;
  }
}
