/**
 * Spans in code points as the corpus's readers slice them: the seeds written with emoji before
 * their dates and names, ingested by the built CLI into a temporary corpus, then every entity
 * row checked with SQLite's `substr` and with Python's `text[start:end]` (python3's sqlite3
 * module, as a user of the corpus would read it).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { makeTempDir, runCli, writeFile } from './helpers/hostile.js';
import { astralCount, seedTexts, withEmoji } from './helpers/emoji.js';

let temp: ReturnType<typeof makeTempDir>;
let db: string;
beforeAll(() => {
  temp = makeTempDir('code-points');
  for (const [name, text] of seedTexts()) writeFile(temp.dir, name, withEmoji(text));
  db = join(temp.dir, 'corpus.sqlite');
  const run = runCli(['ingest', temp.dir, '--db', db], 300_000);
  if (run.status !== 0) throw new Error(`ingest exited ${run.status}: ${run.stderr}`);
});
afterAll(() => temp.remove());

interface EntityRow {
  text: string;
  start: number;
  end: number;
  document: string;
}

describe('a corpus of documents with emoji', () => {
  test('holds the astral characters in its text', () => {
    const sqlite = new Sqlite(db, { readonly: true });
    try {
      const texts = sqlite.prepare('SELECT text FROM documents').pluck().all() as string[];
      expect(texts).toHaveLength(seedTexts().length);
      for (const text of texts) expect(astralCount(text)).toBeGreaterThan(5);
    } finally {
      sqlite.close();
    }
  });

  test("SQLite's substr(text, start + 1, end - start) is every entity's text, and a clause's with white space folded", () => {
    const sqlite = new Sqlite(db, { readonly: true });
    try {
      const entities = sqlite
        .prepare(`SELECT e.text, e.start, e."end", d.text AS document, substr(d.text, e.start + 1, e."end" - e.start) = e.text AS exact
          FROM entities e JOIN documents d ON d.id = e.document_id`)
        .all() as Array<EntityRow & { exact: number }>;
      expect(entities.length).toBeGreaterThan(100);
      expect(entities.filter((row) => row.exact !== 1).map((row) => row.text)).toEqual([]);
      // As string indices the same offsets would miss: the check is not passing by coincidence.
      expect(entities.filter((row) => row.document.slice(row.start, row.end) !== row.text).length).toBeGreaterThan(entities.length / 2);

      const clauses = sqlite
        .prepare(`SELECT c.text, substr(d.text, c.start + 1, c."end" - c.start) AS sliced FROM clauses c JOIN documents d ON d.id = c.document_id`)
        .all() as Array<{ text: string; sliced: string }>;
      expect(clauses.length).toBeGreaterThan(20);
      for (const clause of clauses) expect(clause.sliced.replace(/\s+/g, ' ').trim()).toBe(clause.text);
    } finally {
      sqlite.close();
    }
  });

  test("Python's text[start:end] is every entity's text, and the last page ends at len(text)", () => {
    const script = `
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute('SELECT e.text, e.start, e."end", d.text FROM entities e JOIN documents d ON d.id = e.document_id').fetchall()
wrong = [e_text for e_text, start, end, text in rows if text[start:end] != e_text]
ends = db.execute('SELECT d.text, MAX(p."end") FROM pages p JOIN documents d ON d.id = p.document_id GROUP BY d.id').fetchall()
short = [end for text, end in ends if end != len(text)]
print(json.dumps({"entities": len(rows), "wrong": wrong, "documents": len(ends), "pages_not_at_end": short}))
`;
    const run = spawnSync('python3', ['-c', script, db], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`python3 exited ${run.status}: ${run.stderr}`);
    const result = JSON.parse(run.stdout) as { entities: number; wrong: string[]; documents: number; pages_not_at_end: number[] };
    expect(result.entities).toBeGreaterThan(100);
    expect(result.wrong).toEqual([]);
    expect(result.documents).toBe(seedTexts().length);
    expect(result.pages_not_at_end).toEqual([]);
  });
});
