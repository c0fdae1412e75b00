/**
 * Which files an ingest covers: named files as given, folders searched recursively for PDFs and
 * text files, anything else read as a glob. Gold/sidecar JSON is never a document.
 */
import { statSync } from 'node:fs';
import { normalize, resolve } from 'node:path';
import fg from 'fast-glob';

const DOCUMENT_PATTERN = '**/*.{pdf,txt,html,htm,docx}';

export interface Inputs {
  files: string[];
  /** Arguments that named nothing: neither a file, a folder, nor a glob with matches. */
  missing: string[];
}

function isDocumentName(path: string): boolean {
  return /\.(pdf|txt|html?|docx)$/i.test(path);
}

export async function findInputs(args: readonly string[]): Promise<Inputs> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    const info = statSync(arg, { throwIfNoEntry: false });
    if (info?.isFile()) files.push(arg);
    else if (info?.isDirectory()) {
      files.push(...(await fg(DOCUMENT_PATTERN, { cwd: arg, caseSensitiveMatch: false, onlyFiles: true })).map((f) => `${arg.replace(/\/+$/, '')}/${f}`));
    } else if (fg.isDynamicPattern(arg)) {
      const matches = (await fg(arg, { onlyFiles: true, caseSensitiveMatch: false })).filter(isDocumentName);
      if (matches.length === 0) missing.push(arg);
      files.push(...matches);
    } else missing.push(arg);
  }
  // A file named twice (or by a folder and a glob) is one file.
  const seen = new Set<string>();
  const unique = files.filter((file) => {
    const key = resolve(file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // `./x`, `x` and `a//x/../x` are one path: stored as written, but in its normal form.
  return { files: unique.map(normalize).sort((a, b) => a.localeCompare(b)), missing };
}
