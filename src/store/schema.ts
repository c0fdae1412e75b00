/**
 * The corpus schema as an ordered list of migrations. `PRAGMA user_version` records how many
 * have run, so opening an older corpus brings it up to date and a new one is built from step 1.
 * Append a migration to change the schema; never edit one that has shipped.
 */
import type { Database } from 'better-sqlite3';
import { contentKey } from '../normalise/content-key.js';

/** What keeps the external-content FTS index in step with its clauses (the same in every migration that makes the index). */
const CLAUSES_FTS_TRIGGERS = `
  CREATE TRIGGER clauses_fts_insert AFTER INSERT ON clauses BEGIN
    INSERT INTO clauses_fts(rowid, text, heading) VALUES (new.id, new.text, new.heading);
  END;
  CREATE TRIGGER clauses_fts_delete AFTER DELETE ON clauses BEGIN
    INSERT INTO clauses_fts(clauses_fts, rowid, text, heading) VALUES ('delete', old.id, old.text, old.heading);
  END;
  CREATE TRIGGER clauses_fts_update AFTER UPDATE ON clauses BEGIN
    INSERT INTO clauses_fts(clauses_fts, rowid, text, heading) VALUES ('delete', old.id, old.text, old.heading);
    INSERT INTO clauses_fts(rowid, text, heading) VALUES (new.id, new.text, new.heading);
  END;`;

const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE _metadata (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );

  CREATE TABLE councils (
    code         TEXT PRIMARY KEY,
    gss          TEXT UNIQUE,
    name         TEXT NOT NULL,
    nice_name    TEXT NOT NULL,
    type         TEXT NOT NULL,
    type_name    TEXT NOT NULL,
    nation       TEXT NOT NULL,
    start_date   TEXT,
    end_date     TEXT,
    replaced_by  TEXT NOT NULL CHECK (json_valid(replaced_by)),
    alt_names    TEXT NOT NULL CHECK (json_valid(alt_names)),
    current      INTEGER NOT NULL CHECK (current IN (0, 1))
  );
  CREATE INDEX councils_name ON councils(name);

  CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    sha256       TEXT NOT NULL UNIQUE,
    content_key  TEXT NOT NULL,
    format       TEXT NOT NULL,
    kind         TEXT NOT NULL,
    council_name TEXT,
    council_gss  TEXT REFERENCES councils(gss),
    bytes        INTEGER NOT NULL,
    pages        INTEGER NOT NULL,
    text         TEXT NOT NULL,
    record       TEXT NOT NULL CHECK (json_valid(record)),
    ingested_at  TEXT NOT NULL
  );
  CREATE INDEX documents_content_key ON documents(content_key);
  CREATE INDEX documents_kind ON documents(kind);
  CREATE INDEX documents_council_gss ON documents(council_gss);

  CREATE TABLE document_paths (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    path        TEXT NOT NULL,
    added_at    TEXT NOT NULL,
    PRIMARY KEY (document_id, path)
  );
  CREATE INDEX document_paths_path ON document_paths(path);

  CREATE TABLE pages (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    page        INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    PRIMARY KEY (document_id, page)
  );

  CREATE TABLE clauses (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    clause      TEXT NOT NULL,
    parent      TEXT,
    heading     TEXT,
    text        TEXT NOT NULL,
    page        INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL
  );
  CREATE INDEX clauses_document ON clauses(document_id, clause);

  CREATE VIRTUAL TABLE clauses_fts USING fts5(
    text, heading, content='clauses', content_rowid='id', tokenize='porter unicode61'
  );
${CLAUSES_FTS_TRIGGERS}

  CREATE TABLE entities (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    clause_id   INTEGER REFERENCES clauses(id) ON DELETE SET NULL,
    type        TEXT NOT NULL,
    value       TEXT,
    value_end   TEXT,
    role        TEXT,
    detail      TEXT,
    amount_gbp  INTEGER,
    text        TEXT NOT NULL,
    page        INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL
  );
  CREATE INDEX entities_document ON entities(document_id, type);
  CREATE INDEX entities_clause ON entities(clause_id);
  CREATE INDEX entities_type_value ON entities(type, value);

  CREATE TABLE facts (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    value,
    clause      TEXT,
    page        INTEGER,
    start       INTEGER,
    "end"       INTEGER,
    PRIMARY KEY (document_id, name)
  );

  CREATE TABLE notice_features (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    board_chair TEXT,
    advisers TEXT,
    review_every TEXT,
    adviser_report_every TEXT,
    department_at_board INTEGER NOT NULL CHECK (department_at_board IN (0, 1)),
    review_scope_mash INTEGER NOT NULL CHECK (review_scope_mash IN (0, 1)),
    self_assessment_safeguarding_partners INTEGER NOT NULL CHECK (self_assessment_safeguarding_partners IN (0, 1)),
    plan_submission_set_by_adviser INTEGER NOT NULL CHECK (plan_submission_set_by_adviser IN (0, 1))
  );

  CREATE TABLE anomalies (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    code        TEXT NOT NULL,
    message     TEXT NOT NULL,
    spans       TEXT NOT NULL CHECK (json_valid(spans))
  );
  CREATE INDEX anomalies_document ON anomalies(document_id);
  CREATE INDEX anomalies_code ON anomalies(code);

  CREATE TABLE variations (
    id              INTEGER PRIMARY KEY,
    document_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    template        TEXT NOT NULL,
    kind            TEXT NOT NULL,
    clause          TEXT,
    template_clause TEXT,
    template_text   TEXT,
    notice_text     TEXT,
    feature         TEXT,
    template_value  TEXT CHECK (template_value IS NULL OR json_valid(template_value)),
    notice_value    TEXT CHECK (notice_value IS NULL OR json_valid(notice_value)),
    page            INTEGER,
    start           INTEGER,
    "end"           INTEGER
  );
  CREATE INDEX variations_document ON variations(document_id);
  CREATE INDEX variations_kind ON variations(kind, feature);

  CREATE TABLE ingest_errors (
    path        TEXT PRIMARY KEY,
    sha256      TEXT,
    code        TEXT NOT NULL,
    message     TEXT NOT NULL,
    at          TEXT NOT NULL
  );
  CREATE INDEX ingest_errors_code ON ingest_errors(code);

  -- One row per notice (the PDF and the text of one notice share a content_key): its dates,
  -- the calendar months from issue to the plan deadline, and the template features.
  CREATE VIEW notice_summary AS
  WITH notices AS (
    SELECT d.*, ROW_NUMBER() OVER (PARTITION BY d.content_key ORDER BY d.id) AS copy,
           COUNT(*) OVER (PARTITION BY d.content_key) AS copies
    FROM documents d WHERE d.kind = 'improvement_notice'
  ),
  dated AS (
    SELECT n.id AS document_id, n.content_key, n.copies, n.council_name, n.council_gss,
      (SELECT value FROM facts f WHERE f.document_id = n.id AND f.name = 'issued') AS issued,
      (SELECT value FROM facts f WHERE f.document_id = n.id AND f.name = 'inspection_report_published') AS inspection_report_published,
      (SELECT value FROM facts f WHERE f.document_id = n.id AND f.name = 'plan_deadline') AS plan_deadline
    FROM notices n WHERE n.copy = 1
  )
  SELECT dated.document_id, dated.council_name AS council, dated.council_gss AS gss,
    dated.issued, dated.inspection_report_published, dated.plan_deadline AS deadline,
    -- As \`notices compare\` counts it: from the inspection report to the deadline, in months
    -- of 365.25/12 days, to one decimal.
    ROUND((julianday(dated.plan_deadline) - julianday(dated.inspection_report_published)) / (365.25 / 12), 1) AS months_to_deadline,
    nf.board_chair, nf.advisers, nf.review_every, nf.adviser_report_every,
    nf.department_at_board, nf.review_scope_mash, nf.self_assessment_safeguarding_partners,
    nf.plan_submission_set_by_adviser,
    dated.content_key, dated.copies
  FROM dated LEFT JOIN notice_features nf ON nf.document_id = dated.document_id;

  -- Every dated event a document records about its council: single dates, the start and end
  -- of date ranges, and deadlines with a due date, each with the clause it stands in.
  CREATE VIEW council_timeline AS
  SELECT d.council_name AS council, d.council_gss AS gss, e.value AS date,
    COALESCE(e.role, e.type) AS event, e.type, e.text, d.id AS document_id, d.kind,
    c.clause, e.page, e.start, e."end"
  FROM entities e
  JOIN documents d ON d.id = e.document_id
  LEFT JOIN clauses c ON c.id = e.clause_id
  WHERE e.type IN ('date', 'date_range', 'deadline') AND e.value GLOB '[0-9][0-9][0-9][0-9]*'
  UNION ALL
  SELECT d.council_name, d.council_gss, e.value_end, COALESCE(e.role, e.type) || ' (end)', e.type,
    e.text, d.id, d.kind, c.clause, e.page, e.start, e."end"
  FROM entities e
  JOIN documents d ON d.id = e.document_id
  LEFT JOIN clauses c ON c.id = e.clause_id
  WHERE e.type = 'date_range' AND e.value_end IS NOT NULL
  ORDER BY 2, 3, 7;
  `,
  `
  -- sqlite-utils and Datasette find an external-content FTS table only when its content table
  -- is named in double quotes or brackets: declared again so, and rebuilt from the clauses.
  DROP TRIGGER clauses_fts_insert;
  DROP TRIGGER clauses_fts_delete;
  DROP TRIGGER clauses_fts_update;
  DROP TABLE clauses_fts;
  CREATE VIRTUAL TABLE clauses_fts USING fts5(
    text, heading, content="clauses", content_rowid="id", tokenize='porter unicode61'
  );
  INSERT INTO clauses_fts(clauses_fts) VALUES ('rebuild');
${CLAUSES_FTS_TRIGGERS}

  -- Which pipeline made each document (null: made before versions were recorded, so
  -- \`ingest --reprocess\` treats it as made by another version), and a title to show it by.
  ALTER TABLE documents ADD COLUMN pipeline_version TEXT;
  ALTER TABLE documents ADD COLUMN title TEXT;
  UPDATE documents SET title = replace(kind, '_', ' ') || ': ' || COALESCE(council_name, 'council not identified');

  -- A fact's type, and its value in the storage class of that type: whole numbers and
  -- booleans were stored as floating point. Rows from before have no type until reprocessed.
  ALTER TABLE facts ADD COLUMN type TEXT;
  UPDATE facts SET value = CAST(value AS INTEGER) WHERE typeof(value) = 'real' AND value = CAST(value AS INTEGER);

  -- Entity values split by type: dates and durations in columns of their own.
  DROP VIEW council_timeline;
  DROP VIEW notice_summary;
  ALTER TABLE entities ADD COLUMN date TEXT;
  ALTER TABLE entities ADD COLUMN date_end TEXT;
  ALTER TABLE entities ADD COLUMN duration TEXT;
  UPDATE entities SET date = value, date_end = value_end, value = NULL
    WHERE type IN ('date', 'date_range') OR (type = 'deadline' AND value GLOB '[0-9][0-9][0-9][0-9]*');
  UPDATE entities SET duration = value, value = NULL WHERE type = 'cadence' OR (type = 'deadline' AND value GLOB 'P*');
  UPDATE entities SET date = detail, detail = NULL WHERE type = 'grade';
  UPDATE entities SET value = NULL WHERE type = 'cost';
  ALTER TABLE entities DROP COLUMN value_end;
  CREATE INDEX entities_type_date ON entities(type, date);

  -- One row per distinct content: the copies of one document share a content_key.
  -- The copy shown is the PDF when there is one (its pages are the printed ones), else the
  -- first stored; \`paths\` lists every path of every copy.
  CREATE VIEW distinct_documents AS
  WITH ranked AS (
    SELECT d.*, ROW_NUMBER() OVER (PARTITION BY d.content_key ORDER BY d.format = 'pdf' DESC, d.id) AS rank,
           COUNT(*) OVER (PARTITION BY d.content_key) AS copies
    FROM documents d
  )
  SELECT r.id AS document_id, r.content_key, r.title, r.kind, r.format, r.council_name, r.council_gss,
    r.pages, r.copies,
    (SELECT json_group_array(path) FROM (
       SELECT p.path FROM document_paths p JOIN documents c ON c.id = p.document_id
       WHERE c.content_key = r.content_key ORDER BY c.format = 'pdf' DESC, c.id, p.path)) AS paths
  FROM ranked r WHERE r.rank = 1;

  -- notice_summary is derived from the kinds' declarations now (src/store/views.ts) and made
  -- again by every writable open, right after the migrations.

  -- Every dated event a document records about its council, each document once however many
  -- copies the corpus holds: single dates, the start and end of date ranges, and deadlines
  -- with a due date, each with the clause it stands in.
  CREATE VIEW council_timeline AS
  SELECT d.council_name AS council, d.council_gss AS gss, e.date,
    COALESCE(e.role, e.type) AS event, e.type, e.text, d.document_id, d.kind,
    c.clause, e.page, e.start, e."end"
  FROM entities e
  JOIN distinct_documents d ON d.document_id = e.document_id
  LEFT JOIN clauses c ON c.id = e.clause_id
  WHERE e.type IN ('date', 'date_range', 'deadline') AND e.date IS NOT NULL
  UNION ALL
  SELECT d.council_name, d.council_gss, e.date_end, COALESCE(e.role, e.type) || ' (end)', e.type,
    e.text, d.document_id, d.kind, c.clause, e.page, e.start, e."end"
  FROM entities e
  JOIN distinct_documents d ON d.document_id = e.document_id
  LEFT JOIN clauses c ON c.id = e.clause_id
  WHERE e.type = 'date_range' AND e.date_end IS NOT NULL
  ORDER BY 2, 3, 7;
  `,
  // 3: one document's copies are the same words in the same order, whatever their spacing,
  // punctuation and list markers (src/store/content-key.ts): a Word file or a web page of a
  // notice joins its PDF and text.
  `
  UPDATE documents SET content_key = content_key(text);
  `,
  // 4: each notice's whole diff against the template, as ingest computed it (the variations
  // table holds its variations as rows): the report's redlines read it rather than align every
  // notice with the template again.
  `
  CREATE TABLE notice_diffs (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    template    TEXT NOT NULL,
    diff        TEXT NOT NULL CHECK (json_valid(diff))
  );
  `,
  // 5: who published each document (the record's publisher, issue 23), as columns a query and a
  // facet can read; a corpus from before takes them from the records it holds (null where a
  // record made before publishers were read has none).
  `
  ALTER TABLE documents ADD COLUMN publisher_name TEXT;
  ALTER TABLE documents ADD COLUMN publisher_gss TEXT;
  UPDATE documents SET publisher_name = json_extract(record, '$.publisher.name'), publisher_gss = json_extract(record, '$.publisher.council_gss');
  CREATE INDEX documents_publisher ON documents(publisher_name);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Runs the migrations the database has not seen yet, each in its own transaction. */
export function migrate(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(`the corpus has schema version ${current}, newer than this program's ${SCHEMA_VERSION}`);
  }
  // Migration 3 computes the key as the writer does.
  db.function('content_key', { deterministic: true }, (text: unknown) => contentKey(String(text)));
  for (let version = current; version < SCHEMA_VERSION; version += 1) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
