/**
 * The council_lifecycle view and the report's "Intervention" table read from it: every kind's
 * declared events, per council in date order, each linked to where it was read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { KINDS } from '../../src/registry.js';
import { councilPath } from '../../src/report/links.js';
import { makeTempDir, runCli, SEEDS } from '../helpers/hostile.js';

const FIXTURES = join(SEEDS, '..');
let temp: ReturnType<typeof makeTempDir>;
let db: string;
interface Step {
  council: string;
  gss: string;
  date: string;
  event: string;
  kind: string;
  fact: string;
  document_id: number;
  clause: string | null;
  start: number | null;
  end: number | null;
}
let steps: Step[];

beforeAll(() => {
  temp = makeTempDir('lifecycle');
  db = join(temp.dir, 'corpus.sqlite');
  const run = runCli(['ingest', join(FIXTURES, 'lifecycle'), join(FIXTURES, 'seeds'), '--db', db], 300_000);
  if (run.status !== 0) throw new Error(run.stderr);
  const handle = new Sqlite(db, { readonly: true });
  steps = handle.prepare('SELECT * FROM council_lifecycle').all() as Step[];
  handle.close();
});
afterAll(() => temp.remove());

test('every step is an event its kind declares, with the value of that fact of its document', () => {
  expect(steps.length).toBeGreaterThan(0);
  const handle = new Sqlite(db, { readonly: true });
  try {
    for (const step of steps) {
      expect(KINDS.get(step.kind)?.facts[step.fact]?.event).toBe(step.event);
      const fact = handle.prepare('SELECT value FROM facts WHERE document_id = ? AND name = ?').pluck().get(step.document_id, step.fact);
      expect(fact).toBe(step.date);
    }
  } finally {
    handle.close();
  }
  const kinds = new Set(steps.map((s) => s.kind));
  for (const kind of ['statutory_direction', 'notice_lifted', 'ofsted_letter', 'ofsted_report', 'improvement_notice']) expect(kinds.has(kind)).toBe(true);
});

test('each council’s steps are in date order', () => {
  const byCouncil = new Map<string, string[]>();
  for (const step of steps) byCouncil.set(step.gss, [...(byCouncil.get(step.gss) ?? []), step.date]);
  for (const dates of byCouncil.values()) expect(dates).toEqual([...dates].sort());
});

test('the report’s council page lists the same steps in the same order, each linked to its document', () => {
  const out = join(temp.dir, 'report');
  expect(runCli(['report', '--db', db, '--out', out]).status).toBe(0);
  const council = steps.find((s) => s.kind === 'notice_lifted')!;
  const page = readFileSync(join(out, councilPath(council.council)), 'utf8');
  const section = page.slice(page.indexOf('id="lifecycle"'), page.indexOf('id="dated-events"'));
  const shown = [...section.matchAll(/<time datetime="([^"]+)">[^<]*<\/time><\/th><td>([^<]+)<\/td><td><a href="\.\.\/documents\/[^"]+"/g)].map((m) => [m[1], m[2]]);
  expect(shown).toEqual(steps.filter((s) => s.gss === council.gss).map((s) => [s.date, s.event]));
});

test('the report reads each council\'s steps in the view\'s date order, whatever order the join returns them in', async () => {
  const { readLifecycle } = await import('../../src/store/read.js');
  const handle = new Sqlite(db, { readonly: true });
  const read = readLifecycle(handle);
  handle.close();
  expect(read.length).toBe(steps.length);
  for (const council of new Set(read.map((step) => step.gss))) {
    const dates = read.filter((step) => step.gss === council).map((step) => step.date);
    expect(dates).toEqual([...dates].sort());
  }
});
