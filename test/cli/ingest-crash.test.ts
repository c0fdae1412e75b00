/**
 * Crash safety: a real `notices ingest` is SIGKILLed mid-batch; the database must open, pass its
 * integrity checks and hold only whole documents, and a re-run must finish the batch without
 * duplicates.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CLI, makeTempDir, runCli, SEEDS, writeFile } from '../helpers/hostile.js';
import { expectSoundCorpus, openReadonly, rowCounts } from './ingest-corpus.js';

const COPIES_PER_SEED = 8;

let temp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  temp = makeTempDir('crash');
});
afterAll(() => temp.remove());

/**
 * Distinct documents from the seeds: each text copy gets a different reference line and its
 * dates' years shifted, so every file has new bytes and new content; the seed PDFs go in as they are.
 */
function makeBatch(dir: string): string[] {
  mkdirSync(dir);
  const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));
  for (const seed of seeds) {
    const text = readFileSync(join(SEEDS, seed), 'utf8');
    for (let copy = 0; copy < COPIES_PER_SEED; copy++) {
      const shifted = text.replace(/\b(20[12]\d)\b/g, (year) => String(Number(year) + copy));
      writeFile(dir, `${seed.replace('.txt', '')}-copy${copy}.txt`, `${shifted.trimEnd()}\nReference: batch copy ${copy} of ${seed}\n`);
    }
  }
  for (const pdf of readdirSync(SEEDS).filter((f) => f.endsWith('.pdf'))) copyFileSync(join(SEEDS, pdf), join(dir, pdf));
  return readdirSync(dir);
}

function documentCount(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const conn = openReadonly(db);
    try {
      return conn.prepare('SELECT COUNT(*) FROM documents').pluck().get() as number;
    } finally {
      conn.close();
    }
  } catch {
    // The schema may not be there yet in the first instants.
    return 0;
  }
}

test('a batch killed mid-way leaves a sound corpus, and a re-run completes it without duplicates', async () => {
  const dir = join(temp.dir, 'batch');
  const files = makeBatch(dir);
  const db = join(temp.dir, 'crash.sqlite');

  const child = spawn(process.execPath, [CLI, 'ingest', dir, '--db', db, '--concurrency', '2'], { stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let stored = 0;
  const deadline = Date.now() + 240_000;
  while (stored < 3 && Date.now() < deadline) {
    await sleep(50);
    stored = documentCount(db);
  }
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');

  const atKill = documentCount(db);
  // The kill must have landed mid-batch for the test to mean anything.
  expect(atKill).toBeGreaterThanOrEqual(3);
  expect(atKill).toBeLessThan(files.length);
  expectSoundCorpus(db);

  const resumed = runCli(['ingest', dir, '--db', db, '--json'], 300_000);
  expect(resumed.status).toBe(0);
  const summary = JSON.parse(resumed.stdout) as { added: number; already_stored: number };
  expect(summary.already_stored).toBeGreaterThanOrEqual(atKill);
  expect(summary.added + summary.already_stored).toBe(files.length);

  const counts = rowCounts(db);
  expect(counts.documents).toBe(files.length);
  expect(counts.document_paths).toBe(files.length);
  expect(counts.ingest_errors).toBe(0);
  const conn = openReadonly(db);
  const duplicates = conn.prepare('SELECT COUNT(*) FROM (SELECT sha256 FROM documents GROUP BY sha256 HAVING COUNT(*) > 1)').pluck().get();
  conn.close();
  expect(duplicates).toBe(0);
  expectSoundCorpus(db);
}, 600_000);
