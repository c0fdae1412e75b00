/**
 * Checks a generated site's links: every relative href/src names a file of the site and every
 * #fragment an id in that file. Works on the in-memory map or on the folder written to disk.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';

export interface BrokenLink {
  page: string;
  link: string;
  reason: string;
}

const LINK = /\s(?:href|src)="([^"]*)"/g;
const ID = /\sid="([^"]*)"/g;

const unescape = (value: string): string =>
  value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export function idsOf(markup: string): string[] {
  return [...markup.matchAll(ID)].map((m) => unescape(m[1]));
}

export interface WalkResult {
  links: number;
  broken: BrokenLink[];
  /** Ids that appear more than once on a page (an anchor must name one place). */
  duplicateIds: { page: string; id: string }[];
}

export function walkLinks(files: Map<string, string>): WalkResult {
  const ids = new Map<string, Set<string>>();
  const duplicateIds: WalkResult['duplicateIds'] = [];
  for (const [path, contents] of files) {
    if (!path.endsWith('.html')) continue;
    const seen = new Set<string>();
    for (const id of idsOf(contents)) {
      if (seen.has(id)) duplicateIds.push({ page: path, id });
      seen.add(id);
    }
    ids.set(path, seen);
  }
  const broken: BrokenLink[] = [];
  let links = 0;
  for (const [page, contents] of files) {
    if (!page.endsWith('.html')) continue;
    for (const match of contents.matchAll(LINK)) {
      links += 1;
      const link = unescape(match[1]);
      if (/^[a-z][a-z0-9+.-]*:/i.test(link)) {
        broken.push({ page, link, reason: 'not a relative link (the site must work offline)' });
        continue;
      }
      const [pathPart, fragment] = link.split('#', 2);
      const target = pathPart === '' ? page : posix.normalize(posix.join(posix.dirname(page), decodeURIComponent(pathPart)));
      if (!files.has(target)) broken.push({ page, link, reason: `no file ${target}` });
      else if (fragment !== undefined && !ids.get(target)?.has(decodeURIComponent(fragment))) broken.push({ page, link, reason: `no id "${fragment}" in ${target}` });
    }
  }
  return { links, broken, duplicateIds };
}

/** A site folder read back as the same map of relative path → contents. */
export function readSite(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else files.set(relative(folder, path).split('\\').join('/'), readFileSync(path, 'utf8'));
    }
  };
  visit(folder);
  return files;
}
