/**
 * The fixtures corpus built and reported by the compiled CLI, as a user would: `ingest`, then
 * `report`. The report's build time is measured and printed, not asserted tightly.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const CLI = resolve('dist/src/cli/main.js');

export interface FixtureSite {
  db: string;
  out: string;
  reportSeconds: number;
}

export function buildFixtureSite(): FixtureSite {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
  const dir = mkdtempSync(join(tmpdir(), 'notices-report-'));
  const db = join(dir, 'corpus.sqlite');
  const out = join(dir, 'report');
  execFileSync(process.execPath, [CLI, 'ingest', resolve('fixtures'), '--db', db], { stdio: ['ignore', 'ignore', 'pipe'] });
  const started = performance.now();
  execFileSync(process.execPath, [CLI, 'report', '--db', db, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
  const reportSeconds = (performance.now() - started) / 1000;
  process.stdout.write(`report for the fixtures corpus built in ${reportSeconds.toFixed(2)} s (node start-up included)\n`);
  return { db, out, reportSeconds };
}
