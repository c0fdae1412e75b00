/**
 * Shared test access to the fixtures: every input with an `<name>.expected.json` beside it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extract } from '../../src/extract/index.js';
import { normalise, type NormalisedDocument } from '../../src/normalise/index.js';

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
