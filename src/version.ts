/**
 * Which pipeline made a record. The package's version alone would not tell: between releases
 * the rules change and a corpus would keep the old extractions without knowing. So the version
 * is the package's plus a digest of everything that decides what a record holds — the stages'
 * code (not the CLI, the store or the report, which only carry records), the declarations in
 * `pipelines/` and any further kind folders (NOTICE_PIPELINE_KINDS), and the vendored data — and
 * `ingest --reprocess` can find records made by other code. Computed once per process, from the
 * files beside this module (src/ in tests, dist/src/ when built or installed).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectPath } from './paths.js';
import { kindFolders } from './registry.js';

/** Folders of the code that carry records rather than make them. */
const NOT_RECORD_MAKING = new Set(['cli', 'report', 'store']);
const CODE_FILE = /\.(?:js|ts)$/;
const NOT_CODE = /\.d\.ts$/;

function filesUnder(folder: string, keep: (path: string) => boolean): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(path, keep));
    else if (keep(path)) found.push(path);
  }
  return found;
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version: string }).version;
}

let computed: string | undefined;

/** `0.1.0+3f9a1c2b7d4e`: the package version and 12 hex digits of the record-making files' digest. */
export function pipelineVersion(): string {
  if (computed !== undefined) return computed;
  const code = dirname(fileURLToPath(import.meta.url));
  const isCode = (path: string) => CODE_FILE.test(path) && !NOT_CODE.test(path) && !NOT_RECORD_MAKING.has(relative(code, path).split(/[\\/]/)[0]);
  const folders: [string, (path: string) => boolean][] = [
    [code, isCode],
    ...kindFolders().map((folder): [string, (path: string) => boolean] => [folder, () => true]),
    [projectPath('data'), () => true],
  ];
  const digest = createHash('sha256');
  for (const [folder, keep] of folders) {
    for (const path of filesUnder(folder, keep).sort()) {
      digest.update(relative(folder, path)).update('\0').update(readFileSync(path)).update('\0');
    }
  }
  computed = `${packageVersion()}+${digest.digest('hex').slice(0, 12)}`;
  return computed;
}

/** The package's own version, for `notices --version`. */
export function toolVersion(): string {
  return packageVersion();
}
