/**
 * Full-text search over clause text (FTS5, porter stemming), best matches first.
 */
import type { Database } from 'better-sqlite3';

/** One clause of one document: a document held in several copies (its PDF and its text) is one hit. */
export interface ClauseHit {
  document_id: number;
  /** The path of the copy shown (the PDF when there is one). */
  path: string;
  /** Every path at which the document's copies were found. */
  paths: string[];
  kind: string;
  council: string | null;
  clause: string;
  heading: string | null;
  page: number;
  start: number;
  end: number;
  /** The clause text with the matched words in [brackets]. */
  snippet: string;
}

const SEARCH_SQL = `
  SELECT d.document_id, d.paths, d.kind, d.council_name AS council, c.clause, c.heading, c.page, c.start, c."end",
    snippet(clauses_fts, 0, '[', ']', '…', 24) AS snippet
  FROM clauses_fts
  JOIN clauses c ON c.id = clauses_fts.rowid
  JOIN distinct_documents d ON d.document_id = c.document_id
  WHERE clauses_fts MATCH ?
  ORDER BY rank, d.document_id, c.id
  LIMIT ?`;

type Row = Omit<ClauseHit, 'path' | 'paths'> & { paths: string };

function hit({ paths, ...row }: Row): ClauseHit {
  const all = JSON.parse(paths) as string[];
  const { document_id, ...rest } = row;
  return { document_id, path: all[0], paths: all, ...rest };
}

/** Each word of a plain query as a quoted FTS5 string, so punctuation is not read as syntax. */
function asPlainWords(query: string): string {
  return query
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => `"${word.replace(/"/g, '""')}"`)
    .join(' ');
}

/**
 * Clauses matching `query`: FTS5 syntax (`MASH OR "front door"`, `plan*`) when it parses,
 * otherwise the query's words, all required.
 */
export function searchClauses(db: Database, query: string, limit = 50): ClauseHit[] {
  const statement = db.prepare(SEARCH_SQL);
  try {
    return (statement.all(query, limit) as Row[]).map(hit);
  } catch (error) {
    if (!/fts5: syntax error|no such column|unterminated string/i.test((error as Error).message)) throw error;
    return (statement.all(asPlainWords(query), limit) as Row[]).map(hit);
  }
}
