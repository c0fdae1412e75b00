/**
 * Where the project's own files are: the declarative parts in `pipelines/` and the vendored
 * data in `data/`. Modules run from src/ (tests) or dist/src/ (built), so paths are found by
 * looking upwards from here rather than fixed.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A file or folder of the project, given relative to the project's root. */
export function projectPath(relative: string): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(folder, relative);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`${relative} not found above ${fileURLToPath(import.meta.url)}`);
    folder = parent;
  }
}

/** A file of the declarative part for a document kind, `pipelines/<kind>/<file>` (it may not exist). */
export function pipelineFile(kind: string, file: string): string {
  return join(projectPath('pipelines'), kind, file);
}
