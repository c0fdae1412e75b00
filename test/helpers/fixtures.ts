/**
 * Shared test access to the fixtures: every input with an `<name>.expected.json` beside it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { extract } from '../../src/extract/index.js';
import { normalise, type NormalisedDocument } from '../../src/normalise/index.js';
import { TextIndex } from '../../src/recognise/text-index.js';
import type { DocumentKind } from '../../src/record.js';
import { segment } from '../../src/segment/index.js';

export const FIXTURES = resolve('fixtures');
export const SEEDS = join(FIXTURES, 'seeds');

/** The names (without extension) of the documents in a fixtures folder that have a gold record. */
export function goldNames(folder: string): string[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.expected.json'))
    .map((file) => file.replace(/\.expected\.json$/, ''))
    .sort();
}

/** The input files (.txt and .pdf) of a named fixture that exist. */
export function inputsOf(folder: string, name: string): string[] {
  return ['txt', 'pdf'].map((ext) => join(folder, `${name}.${ext}`)).filter((path) => existsSync(path) && statSync(path).isFile());
}

export function readGold<T = Record<string, unknown>>(folder: string, name: string): T {
  return JSON.parse(readFileSync(join(folder, `${name}.expected.json`), 'utf8')) as T;
}

export async function normalisedFile(path: string): Promise<NormalisedDocument> {
  const extracted = await extract(new Uint8Array(readFileSync(path)), { path });
  if (!extracted.ok) throw new Error(`${path}: ${extracted.error.code}: ${extracted.error.message}`);
  return normalise(extracted.value);
}

/** A document with a gold record and its text: where it is, and the PDFs printed from it. */
export interface GoldTextFixture {
  folder: string;
  name: string;
  /** `folder/name` relative to fixtures/, e.g. `seeds/harrow-notice-2025`. */
  id: string;
  txt: string;
  /** `<name>.pdf` and `<name>.<producer>.pdf` beside it, sorted. */
  pdfs: string[];
  /** `<name>.docx` and `<name>.html` beside it: the document as Word and the web have it. */
  wordAndWeb: string[];
}

/** The folders under `root`, itself included, depth first in name order. */
function foldersUnder(root: string): string[] {
  const children = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return [root, ...children.flatMap((child) => foldersUnder(join(root, child)))];
}

/**
 * Every `fixtures/**\/<name>.expected.json` with a `<name>.txt` beside it, read afresh from the
 * disk on each call, so fixtures added to any folder are picked up.
 */
export function goldTextFixtures(root: string = FIXTURES): GoldTextFixture[] {
  return foldersUnder(root).flatMap((folder) => {
    const files = readdirSync(folder);
    return goldNames(folder)
      .filter((name) => files.includes(`${name}.txt`) && statSync(join(folder, `${name}.txt`)).isFile())
      .map((name) => ({
        folder,
        name,
        id: relative(root, join(folder, name)).split('\\').join('/'),
        txt: join(folder, `${name}.txt`),
        pdfs: files
          .filter((file) => file.startsWith(`${name}.`) && /^\.(?:[A-Za-z0-9_-]+\.)?pdf$/.test(file.slice(name.length)))
          .sort()
          .map((file) => join(folder, file)),
        wordAndWeb: ['docx', 'html'].filter((ext) => files.includes(`${name}.${ext}`)).map((ext) => join(folder, `${name}.${ext}`)),
      }));
  });
}

/**
 * The text index the recognisers read, for a normalised document or a passage of one page, with
 * the structure the segment stage finds in it (as the pipeline gives them).
 */
export function textIndex(input: string | NormalisedDocument, kind: DocumentKind = 'other'): TextIndex {
  const doc = typeof input === 'string' ? { text: input, pages: [{ page: 1, start: 0, end: input.length }] } : input;
  return new TextIndex(doc, segment(doc, kind));
}
