/**
 * `npm run bench`: ingest speed and memory against pdftotext, in the same run on the same files.
 *
 * The corpus (scripts/bench-corpus.ts) is by default 300 improvement notices and cabinet reports
 * printed by LibreOffice with embedded subset TrueType fonts, as real ones are (made once, then
 * cached in output/bench-corpus/). On it the bench times
 *   1. `pdftotext -layout FILE -` once per file, one after another (the shell-loop baseline), and
 *   2. `notices ingest FOLDER` into a fresh corpus (the built CLI, its default concurrency),
 * and prints both times, pages per second, the ratio and the ingest's peak resident memory
 * (the process's VmHWM from /proc: worker threads share the process, so this covers them).
 * Targets: ingest ≤ 1.5 × pdftotext, peak memory < 400 MiB.
 *
 * Settings, from the environment:
 *   BENCH_DOCUMENTS=N     the corpus size (default 300);
 *   BENCH_CORPUS=…        `realistic` (default), `standard` (the first corpus: notice-like PDFs
 *                         drawn by pdf-lib in the standard Helvetica font) or `both`, one after
 *                         the other, each with its own pdftotext reference;
 *   BENCH_RUNS=N          times everything N times on the same corpus and reports the median and
 *                         range of each figure (default 1);
 *   BENCH_CONCURRENCY=1,2 also times `notices ingest --concurrency N` for each N (1 is always
 *                         among them) and prints the speed-up of each over 1; target: 2 workers
 *                         at least 1.7 × as fast as 1;
 *   BENCH_KEEP=1          keeps the standard corpus's PDFs (the realistic corpus stays cached);
 *   BENCH_RECOGNISERS=only  skips the corpus and prints only the recognisers' scaling, which
 *                         every run prints last: each recogniser's time per MB at 100 KB and at
 *                         1 MB (scripts/bench-recognisers.ts; target: within 2 ×).
 *
 * After the runs, the corpus commands are timed once on the last run's database: `search`,
 * `compare`, `export` as NDJSON and as CSV, and `report` (target: each under 3 s on the
 * 3,000-document corpus, BENCH_DOCUMENTS=3000), beside `sqlite3 -csv` dumping the same tables,
 * the floor for reading and writing that many bytes, as the reference measured in the same run.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { realisticCorpus, standardCorpus, type Corpus } from './bench-corpus.js';
import { reportRecogniserScaling } from './bench-recognisers.js';

const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const TARGET_RATIO = 1.5;
const TARGET_MIB = 400;
/** The issue's target for parallel ingest: two workers at least this many times as fast as one. */
const TARGET_SPEED_UP_OF_2 = 1.7;

const CORPORA: Record<string, (count: number) => Promise<Corpus>> = { realistic: realisticCorpus, standard: standardCorpus };

function positiveInteger(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^[1-9]\d*$/.test(value)) throw new Error(`${name} must be a positive whole number, not "${value}"`);
  return Number(value);
}

function corporaWanted(): string[] {
  const value = process.env.BENCH_CORPUS || 'realistic';
  if (value === 'both') return ['realistic', 'standard'];
  if (!(value in CORPORA)) throw new Error(`BENCH_CORPUS must be realistic, standard or both, not "${value}"`);
  return [value];
}

/** The worker counts BENCH_CONCURRENCY lists, ascending, with 1 among them: each speed-up is over 1. */
function concurrenciesWanted(): number[] {
  const value = process.env.BENCH_CONCURRENCY ?? '';
  if (value.trim() === '') return [];
  const counts = value.split(',').map((part) => part.trim());
  const bad = counts.find((n) => !/^[1-9]\d*$/.test(n));
  if (bad !== undefined) throw new Error(`BENCH_CONCURRENCY must list positive whole numbers, as in 1,2; "${bad}" is not one`);
  return [...new Set([1, ...counts.map(Number)])].sort((a, b) => a - b);
}

/** Peak resident memory of a running process so far, from /proc (Linux), in KiB. */
function peakRssKib(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
  } catch {
    return null;
  }
}

interface IngestTiming {
  seconds: number;
  peakMib: number | null;
  /** What the ingest printed about itself (stderr). */
  summary: string;
}

/**
 * One `notices ingest` over the folder into a database of its own, made for it and removed after
 * unless `keep` is given a folder to leave it in (as `bench.sqlite`).
 */
async function timeIngest(folder: string, options: string[], keep?: string): Promise<IngestTiming> {
  const dbFolder = keep ?? mkdtempSync(join(tmpdir(), 'notices-bench-db-'));
  try {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, 'ingest', folder, '--db', join(dbFolder, 'bench.sqlite'), ...options], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let peak: number | null = null;
    const sampler = setInterval(() => {
      const now = child.pid === undefined ? null : peakRssKib(child.pid);
      if (now !== null && !Number.isNaN(now)) peak = Math.max(peak ?? 0, now);
    }, 25);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error(`ingest ${options.join(' ')} exited with ${code}: ${stderr}`);
    return { seconds, peakMib: peak === null ? null : peak / 1024, summary: stderr.trim() };
  } finally {
    if (!keep) rmSync(dbFolder, { recursive: true, force: true });
  }
}

function timePdftotext(files: string[]): number {
  const started = performance.now();
  for (const file of files) execFileSync('pdftotext', ['-layout', file, '-'], { stdio: ['ignore', 'ignore', 'inherit'] });
  return (performance.now() - started) / 1000;
}

interface RunTimings {
  pdftotextSeconds: number;
  ingest: IngestTiming;
  /** `notices ingest --concurrency N`, by N. */
  byConcurrency: Map<number, IngestTiming>;
}

async function timeRun(corpus: Corpus, concurrencies: number[], keep?: string): Promise<RunTimings> {
  const pdftotextSeconds = timePdftotext(corpus.files);
  const ingest = await timeIngest(corpus.folder, [], keep);
  const byConcurrency = new Map<number, IngestTiming>();
  for (const n of concurrencies) byConcurrency.set(n, await timeIngest(corpus.folder, ['--concurrency', String(n)]));
  return { pdftotextSeconds, ingest, byConcurrency };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A figure over the runs: the value of the one run, or the median with the range in brackets. */
function figure(values: number[], digits: number, unit: string): string {
  const shown = (value: number) => value.toFixed(digits);
  if (values.length === 1) return `${shown(values[0])}${unit}`;
  return `${shown(median(values))}${unit} (${shown(Math.min(...values))}–${shown(Math.max(...values))})`;
}

/** The peak memory over the runs: its one value or its range, for a target on the highest. */
function memoryFigure(values: number[]): string {
  const low = Math.min(...values).toFixed(0);
  const high = Math.max(...values).toFixed(0);
  return low === high ? `${high} MiB` : `${low}–${high} MiB`;
}

function report(corpus: Corpus, runs: RunTimings[], concurrencies: number[]): void {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const pagesPerSecond = (seconds: number[]) => figure(seconds.map((s) => corpus.pages / s), 1, ' pages/s');
  const peaks = (timings: IngestTiming[]) => timings.map((t) => t.peakMib).filter((mib): mib is number => mib !== null);
  const ingestRow = (label: string, timings: IngestTiming[]): string[] => {
    const seconds = timings.map((t) => t.seconds);
    const peak = peaks(timings);
    return [label, figure(seconds, 2, ' s'), pagesPerSecond(seconds), peak.length > 0 ? `peak ${memoryFigure(peak)}` : ''];
  };
  const pdftotextSeconds = runs.map((r) => r.pdftotextSeconds);
  const rows = [
    ['pdftotext (one process per file, in turn)', figure(pdftotextSeconds, 2, ' s'), pagesPerSecond(pdftotextSeconds), ''],
    ingestRow('notices ingest', runs.map((r) => r.ingest)),
    ...concurrencies.map((n) => ingestRow(`notices ingest --concurrency ${n}`, runs.map((r) => r.byConcurrency.get(n)!))),
  ];
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column].length)));
  if (runs.length > 1) out(`${runs.length} runs: medians, with the range in brackets`);
  for (const row of rows) out(`${row[0].padEnd(widths[0] + 2)}${row[1].padStart(widths[1])}${row[2].padStart(widths[2] + 4)}${row[3] ? `    ${row[3]}` : ''}`.trimEnd());

  const ratios = runs.map((r) => r.ingest.seconds / r.pdftotextSeconds);
  out(`ratio ingest / pdftotext: ${figure(ratios, 2, '')} (target ≤ ${TARGET_RATIO}) ${median(ratios) <= TARGET_RATIO ? 'met' : 'NOT met'}`);
  const peak = peaks(runs.map((r) => r.ingest));
  out(
    peak.length === 0
      ? 'peak memory: not measurable here (no /proc)'
      : `peak memory of ingest (process and its worker threads): ${memoryFigure(peak)} (target < ${TARGET_MIB}) ${Math.max(...peak) < TARGET_MIB ? 'met' : 'NOT met'}`,
  );
  for (const n of concurrencies.filter((n) => n > 1)) {
    const speedUps = runs.map((r) => r.byConcurrency.get(1)!.seconds / r.byConcurrency.get(n)!.seconds);
    const target = n === 2 ? ` (target ≥ ${TARGET_SPEED_UP_OF_2}) ${median(speedUps) >= TARGET_SPEED_UP_OF_2 ? 'met' : 'NOT met'}` : '';
    out(`speed-up of --concurrency ${n} over 1: ${figure(speedUps, 2, ' ×')}${target}`);
  }
  out(runs[runs.length - 1].ingest.summary);
}

const TARGET_COMMAND_SECONDS = 3;

/** Seconds a command takes, its output discarded; it must succeed (its stderr is in the error if not). */
function timeCommand(file: string, args: string[]): number {
  const started = performance.now();
  execFileSync(file, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  return (performance.now() - started) / 1000;
}

/** The corpus commands on an ingested corpus, each timed once, with `sqlite3 -csv` as the floor. */
function timeCorpusCommands(db: string, work: string): void {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const cli = (args: string[]) => timeCommand(process.execPath, [CLI, ...args, '--db', db]);
  const commands: [string, () => number][] = [
    ['search "improvement notice"', () => cli(['search', 'improvement notice'])],
    ['compare', () => cli(['compare'])],
    ['export --format ndjson', () => cli(['export', '--format', 'ndjson'])],
    ['export --format csv', () => cli(['export', '--format', 'csv', '--out', join(work, 'csv')])],
    ['report', () => cli(['report', '--out', join(work, 'report')])],
  ];
  out(`corpus commands on the last run's database (${(statSync(db).size / 2 ** 20).toFixed(0)} MB), each once:`);
  try {
    const tables = execFileSync('sqlite3', [db, "SELECT name FROM sqlite_master WHERE type IN ('table','view') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'clauses_fts%'"]).toString().trim().split('\n');
    const dump = timeCommand('sh', ['-c', tables.map((t) => `sqlite3 -csv -header "$0" 'SELECT * FROM "${t}"'`).join(' && '), db]);
    out(`  sqlite3 -csv, every table and view (the floor)  ${dump.toFixed(2)} s`);
  } catch {
    out('  sqlite3 -csv: not installed here, no floor measured');
  }
  for (const [name, run] of commands) {
    const seconds = run();
    out(`  notices ${name.padEnd(40)} ${seconds.toFixed(2)} s (target < ${TARGET_COMMAND_SECONDS} s) ${seconds < TARGET_COMMAND_SECONDS ? 'met' : 'NOT met'}`);
  }
}

async function main(): Promise<void> {
  if (process.env.BENCH_RECOGNISERS === 'only') {
    reportRecogniserScaling();
    return;
  }
  const documents = positiveInteger('BENCH_DOCUMENTS', 300);
  const runCount = positiveInteger('BENCH_RUNS', 1);
  const concurrencies = concurrenciesWanted();
  const names = corporaWanted();
  for (const [i, name] of names.entries()) {
    if (i > 0) process.stdout.write('\n');
    const corpus = await CORPORA[name](documents);
    try {
      for (const line of [corpus.description, ...corpus.checks]) process.stdout.write(`${line}\n`);
      const runs: RunTimings[] = [];
      const work = mkdtempSync(join(tmpdir(), 'notices-bench-commands-'));
      try {
        for (let run = 0; run < runCount; run++) runs.push(await timeRun(corpus, concurrencies, run === runCount - 1 ? work : undefined));
        report(corpus, runs, concurrencies);
        timeCorpusCommands(join(work, 'bench.sqlite'), work);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    } finally {
      // BENCH_KEEP=1 keeps a generated corpus, to profile an ingest over it.
      if (corpus.temporary && process.env.BENCH_KEEP) process.stdout.write(`kept the corpus in ${corpus.folder}\n`);
      else if (corpus.temporary) rmSync(corpus.folder, { recursive: true, force: true });
    }
  }
  reportRecogniserScaling();
}

try {
  await main();
} catch (error) {
  process.stderr.write(`bench: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
