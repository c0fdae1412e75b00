/**
 * The command-line conventions users of other tools expect, each through the built CLI:
 * `--version`, NO_COLOR, `-` for standard input, CSV to stdout, a pipe closed early, snake_case
 * JSON, no corpus made for nothing, the corpus path in every "cannot open" message, `--ocr` on
 * ingest, and one path however it is written.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { useColour } from '../../src/cli/output.js';
import { CLI, makeTempDir, runCli, scannedCopy, SEEDS } from '../helpers/hostile.js';

let temp: ReturnType<typeof makeTempDir>;
let db: string;
const NOTICE = join(SEEDS, 'havering-notice-2024.txt');

beforeAll(() => {
  temp = makeTempDir('conventions');
  db = join(temp.dir, 'corpus.sqlite');
  const run = runCli(['ingest', NOTICE, join(SEEDS, 'havering-notice-2024.pdf'), '--db', db]);
  if (run.status !== 0) throw new Error(run.stderr);
});
afterAll(() => temp.remove());

/** The CLI with `input` on its standard input. */
function withInput(args: string[], input: string | Buffer, env: NodeJS.ProcessEnv = process.env) {
  return spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', env, maxBuffer: 64 << 20 });
}

test('--version prints the tool’s version and the pipeline’s', () => {
  const run = runCli(['--version']);
  expect(run.status).toBe(0);
  const version = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')).version as string;
  expect(run.stdout).toMatch(new RegExp(`^notices ${version.replace(/\./g, '\\.')} \\(pipeline ${version.replace(/\./g, '\\.')}\\+[0-9a-f]{12}\\)\\n$`));
});

test('colour only on a terminal, and never when NO_COLOR is set', () => {
  const terminal = { isTTY: true } as NodeJS.WriteStream;
  const saved = process.env.NO_COLOR;
  try {
    delete process.env.NO_COLOR;
    expect(useColour(terminal)).toBe(true);
    expect(useColour({ isTTY: false } as NodeJS.WriteStream)).toBe(false);
    process.env.NO_COLOR = '1';
    expect(useColour(terminal)).toBe(false);
    process.env.NO_COLOR = '';
    expect(useColour(terminal)).toBe(true);
  } finally {
    if (saved === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = saved;
  }
});

test('extract - and diff - read the document from standard input, as from its file', () => {
  const fromFile = JSON.parse(runCli(['extract', NOTICE, '--json']).stdout);
  const fromStdin = withInput(['extract', '-', '--json'], readFileSync(NOTICE));
  expect(fromStdin.status).toBe(0);
  const record = JSON.parse(fromStdin.stdout);
  expect(record.source.path).toBe('-');
  expect({ ...record, source: null }).toEqual({ ...fromFile, source: null });
  const diff = withInput(['diff', '-', '--json'], readFileSync(NOTICE));
  expect(diff.status).toBe(0);
  expect(JSON.parse(diff.stdout).variations).toEqual(JSON.parse(runCli(['diff', NOTICE, '--json']).stdout).variations);
});

test('ingest - takes the paths from standard input, one a line', () => {
  const listed = join(temp.dir, 'listed.sqlite');
  const run = withInput(['ingest', '-', '--db', listed, '--json'], `${NOTICE}\n\n${join(SEEDS, 'harrow-notice-2025.txt')}\n`);
  expect(run.status).toBe(0);
  expect(JSON.parse(run.stdout)).toMatchObject({ files: 2, added: 2 });
});

test('ingest --json is snake_case throughout, like every other JSON the CLI prints', () => {
  const run = runCli(['ingest', NOTICE, '--db', db, '--json']);
  const keys: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) keys.push(key), walk(item);
  };
  walk(JSON.parse(run.stdout));
  expect(keys).toContain('already_stored');
  expect(keys.filter((key) => /[A-Z]/.test(key))).toEqual([]);
});

test('ingest of paths that name nothing makes no corpus, and exits 2 saying what was missing', () => {
  const nowhere = join(temp.dir, 'never', 'corpus.sqlite');
  const run = runCli(['ingest', join(temp.dir, 'no-such-file.pdf'), '--db', nowhere]);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('no-such-file.pdf');
  expect(existsSync(nowhere)).toBe(false);
});

test('search, compare and export on a corpus that does not exist say which path, and make none', () => {
  const missing = join(temp.dir, 'missing.sqlite');
  for (const args of [['search', 'MASH'], ['compare'], ['export', '--format', 'ndjson']]) {
    const run = runCli([...args, '--db', missing]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(missing);
    expect(run.stderr).not.toContain('unable to open database file');
  }
  expect(existsSync(missing)).toBe(false);
});

test('export --format ndjson | head -c 10 exits 0 under pipefail', () => {
  const script = `set -o pipefail; node "${CLI}" export --format ndjson --db "${db}" | head -c 10 > /dev/null`;
  expect(() => execFileSync('bash', ['-c', script], { stdio: 'pipe' })).not.toThrow();
});

test('export --format csv --table T --out - writes that table’s CSV to stdout', () => {
  const run = runCli(['export', '--format', 'csv', '--table', 'facts', '--out', '-', '--db', db]);
  expect(run.status).toBe(0);
  const lines = run.stdout.trim().split('\n');
  expect(lines[0]).toBe('document_id,name,value,clause,page,start,end,type');
  const rows = new Sqlite(db, { readonly: true });
  try {
    expect(lines).toHaveLength(1 + (rows.prepare('SELECT COUNT(*) FROM facts').pluck().get() as number));
  } finally {
    rows.close();
  }
  expect(runCli(['export', '--format', 'csv', '--out', '-', '--db', db]).status).toBe(1);
});

test('ingest --ocr never refuses a scan as no_text_layer, where the default reads it by OCR', async () => {
  const scan = join(temp.dir, 'scan.pdf');
  writeFileSync(scan, await scannedCopy(join(SEEDS, 'havering-notice-2024.pdf'), 100));
  const never = runCli(['ingest', scan, '--ocr', 'never', '--db', join(temp.dir, 'never.sqlite'), '--json']);
  expect(never.status).toBe(3);
  expect(JSON.parse(never.stdout).failures).toMatchObject([{ code: 'no_text_layer' }]);
  const auto = runCli(['ingest', scan, '--db', join(temp.dir, 'auto.sqlite'), '--json'], 300_000);
  expect(auto.status).toBe(0);
  expect(JSON.parse(auto.stdout)).toMatchObject({ added: 1 });
  expect(runCli(['ingest', scan, '--ocr', 'sometimes', '--db', join(temp.dir, 'auto.sqlite')]).status).toBe(1);
});

test('./x, x and a//x are one path in the corpus', () => {
  const folder = join(temp.dir, 'paths');
  mkdirSync(folder);
  copyFileSync(NOTICE, join(folder, 'notice.txt'));
  const corpus = join(folder, 'paths.sqlite');
  for (const path of ['./notice.txt', 'notice.txt', './/notice.txt']) {
    const run = spawnSync(process.execPath, [CLI, 'ingest', path, '--db', corpus], { cwd: folder, encoding: 'utf8' });
    expect(run.status).toBe(0);
  }
  const rows = new Sqlite(corpus, { readonly: true });
  try {
    expect(rows.prepare('SELECT path FROM document_paths').pluck().all()).toEqual(['notice.txt']);
  } finally {
    rows.close();
  }
});

test('a folder ingest takes all four formats, --formats chooses among them, and what was left out is counted by type', () => {
  const folder = join(temp.dir, 'mixed');
  mkdirSync(folder);
  copyFileSync(NOTICE, join(folder, 'notice.txt'));
  copyFileSync(join(SEEDS, 'harrow-notice-2025.pdf'), join(folder, 'harrow.pdf'));
  copyFileSync(join(SEEDS, '..', 'layout', 'gloucestershire-cabinet-report-2024.docx'), join(folder, 'report.docx'));
  writeFileSync(
    join(folder, 'release.html'),
    `<html><head><meta charset="utf-8"><title>Council welcomes Ofsted's findings</title></head><body><nav><a href="/">Home</a></nav><article><h1>Council welcomes Ofsted's findings</h1><p>Published 3 October 2023</p><p>${'The council has welcomed the findings of Ofsted, whose inspectors found that children’s services have improved since the last inspection. '.repeat(4)}</p></article><footer>Privacy</footer></body></html>`,
  );
  writeFileSync(join(folder, 'notes.json'), '{}');
  writeFileSync(join(folder, 'draft.fodt'), '<office:document/>');
  const all = runCli(['ingest', folder, '--db', join(temp.dir, 'mixed.sqlite'), '--json']);
  expect(all.status).toBe(0);
  expect(JSON.parse(all.stdout)).toMatchObject({ files: 4, added: 4, skipped: { '.json': 1, '.fodt': 1 } });
  expect(all.stderr).toMatch(/skipped 2 files of other types in the folders \((?:\.json 1, \.fodt 1|\.fodt 1, \.json 1)\)/);
  const chosen = runCli(['ingest', folder, '--formats', 'html,docx', '--db', join(temp.dir, 'chosen.sqlite'), '--json']);
  expect(JSON.parse(chosen.stdout)).toMatchObject({ files: 2, added: 2, skipped: { '.pdf': 1, '.txt': 1, '.json': 1, '.fodt': 1 } });
  const formats = new Sqlite(join(temp.dir, 'chosen.sqlite'), { readonly: true });
  try {
    expect(formats.prepare('SELECT format FROM documents ORDER BY format').pluck().all()).toEqual(['docx', 'html']);
  } finally {
    formats.close();
  }
  expect(runCli(['ingest', folder, '--formats', 'odt', '--db', join(temp.dir, 'none.sqlite')]).status).toBe(1);
});
