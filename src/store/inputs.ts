/**
 * Which files an ingest covers: named files as given, folders searched recursively for the
 * documents of the formats asked for (all four by default), anything else read as a glob.
 * Files in a folder of other types (gold and sidecar JSON, sources) are counted as skipped, by
 * extension, so a user sees what was left out.
 */
import { statSync } from 'node:fs';
import { extname, normalize, resolve } from 'node:path';
import fg from 'fast-glob';

/**
 * The formats a folder ingest reads, and the file extensions of each. Word's macro-enabled
 * `.docm` and older `.doc` are taken with `.docx`, to be refused each with its reason: a Word
 * document left out without a word would be lost to the researcher.
 */
export const FORMATS: Readonly<Record<string, readonly string[]>> = { pdf: ['pdf'], txt: ['txt'], html: ['html', 'htm'], docx: ['docx', 'docm', 'doc'] };

export interface Inputs {
  files: string[];
  /** Arguments that named nothing: neither a file, a folder, nor a glob with matches. */
  missing: string[];
  /** Files found in folders that are of no format asked for, counted by extension ("(none)" without one). */
  skipped: Record<string, number>;
}

export async function findInputs(args: readonly string[], formats: readonly string[] = Object.keys(FORMATS)): Promise<Inputs> {
  const extensions = formats.flatMap((format) => FORMATS[format] ?? []);
  const isDocumentName = (path: string) => extensions.includes(extname(path).slice(1).toLowerCase());
  const files: string[] = [];
  const missing: string[] = [];
  const skipped: Record<string, number> = {};
  for (const arg of args) {
    const info = statSync(arg, { throwIfNoEntry: false });
    if (info?.isFile()) files.push(arg);
    else if (info?.isDirectory()) {
      for (const found of await fg('**/*', { cwd: arg, onlyFiles: true, dot: false })) {
        if (isDocumentName(found)) files.push(`${arg.replace(/\/+$/, '')}/${found}`);
        else {
          const extension = extname(found).toLowerCase() || '(none)';
          skipped[extension] = (skipped[extension] ?? 0) + 1;
        }
      }
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
  return { files: unique.map(normalize).sort((a, b) => a.localeCompare(b)), missing, skipped };
}
