/**
 * The whole site as a map from relative path to file contents, then written to disk. Building
 * is pure (tests inspect the map); writing replaces the files the site consists of and removes
 * its own pages that a previous report left and this one no longer has.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { DiffResult, DocumentRecord } from '../record.js';
import { SCRIPT, STYLESHEET } from './assets.js';
import { councilGroups, councilPage } from './council-page.js';
import { documentPage } from './document.js';
import { slugify } from './html.js';
import { indexPage } from './index-page.js';
import { CSS_PATH, SCRIPT_PATH } from './layout.js';
import { councilPath, COUNCILS_DIR, documentPath, DOCUMENTS_DIR } from './links.js';
import type { SiteDocument, SiteInput } from './model.js';

/**
 * Pages named after their source files ("newham-notice-2019-pdf"), made unique by a suffix.
 * `pathsOf` gives each record's copies' paths (the corpus knows them); by default, its own.
 */
export function siteDocuments(
  records: DocumentRecord[],
  diffOf: (record: DocumentRecord) => DiffResult | null,
  pathsOf: (record: DocumentRecord) => string[] = (record) => [record.source.path],
): SiteDocument[] {
  const taken = new Set<string>();
  return records.map((record) => {
    const base = slugify(basename(record.source.path));
    let slug = base;
    for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
    taken.add(slug);
    return { slug, record, paths: pathsOf(record), diff: diffOf(record) };
  });
}

export function buildSite(input: SiteInput): Map<string, string> {
  const files = new Map<string, string>([
    [CSS_PATH, STYLESHEET],
    [SCRIPT_PATH, SCRIPT],
    ['index.html', indexPage(input)],
  ]);
  for (const document of input.documents) files.set(documentPath(document), documentPage(document, input));
  for (const [name, documents] of councilGroups(input.documents)) files.set(councilPath(name), councilPage(name, documents, input));
  return files;
}

/** The folders whose pages the site owns: a page there that the site no longer has is a stale one. */
const PAGE_FOLDERS = [DOCUMENTS_DIR, COUNCILS_DIR];

/**
 * Writes the site into `outDir`, and removes the pages a previous report left there that this
 * one does not have (a document or council no longer in the corpus), so no link leads to data
 * that is gone. Only `.html` files in the site's own page folders are removed.
 */
export function writeSite(outDir: string, files: Map<string, string>): void {
  for (const folder of PAGE_FOLDERS) {
    const dir = join(outDir, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      if (name.endsWith('.html') && !files.has(`${folder}/${name}`)) rmSync(join(dir, name));
    }
  }
  for (const [path, contents] of files) {
    const target = join(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, contents);
  }
}
