/**
 * Documents for the council, people, organisation and statute tests: the seeds (text and PDF)
 * with their gold, and the passages in fixtures/recognise/ with theirs.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { extract } from '../../src/extract/index.js';
import { normalise, type NormalisedDocument } from '../../src/normalise/index.js';
import type { DocumentKind } from '../../src/record.js';

export const SEEDS = 'fixtures/seeds';
export const PASSAGES = 'fixtures/recognise';


export async function loadDocument(path: string): Promise<NormalisedDocument> {
  const result = await extract(new Uint8Array(readFileSync(path)), { path });
  if (!result.ok) throw new Error(`${path}: ${result.error.message}`);
  return normalise(result.value);
}

/** A document made from a string, as a passage of one page. */
export function textDocument(text: string): NormalisedDocument {
  return { text, pages: [{ page: 1, start: 0, end: text.length }] };
}

export interface Case {
  label: string;
  path: string;
  kind: DocumentKind;
  gold: Record<string, unknown>;
}

/** Each seed as text and as PDF, with its gold. */
export function seedCases(): Case[] {
  return readdirSync(SEEDS)
    .filter((file) => file.endsWith('.expected.json'))
    .flatMap((file) => {
      const stem = file.replace('.expected.json', '');
      const gold = JSON.parse(readFileSync(`${SEEDS}/${file}`, 'utf8')) as Record<string, unknown>;
      return ['txt', 'pdf'].map((format) => ({ label: `${stem}.${format}`, path: `${SEEDS}/${stem}.${format}`, kind: gold.kind as DocumentKind, gold }));
    });
}

/** Our passages whose names start with one of the prefixes, with their expected values. */
export function passageCases(...prefixes: string[]): Case[] {
  return readdirSync(PASSAGES)
    .filter((file) => file.endsWith('.txt') && prefixes.some((prefix) => file.startsWith(prefix)))
    .map((file) => {
      const stem = file.replace('.txt', '');
      const gold = JSON.parse(readFileSync(`${PASSAGES}/${stem}.expected.json`, 'utf8')) as Record<string, unknown>;
      return { label: file, path: `${PASSAGES}/${file}`, kind: (gold.kind as DocumentKind | undefined) ?? 'other', gold };
    });
}

/** Every entity's span slices the text to the entity's own text, on a page that holds it. */
export function expectTraceable(doc: NormalisedDocument, entities: { text: string; span: { page: number; start: number; end: number } }[]): void {
  for (const entity of entities) {
    expect(doc.text.slice(entity.span.start, entity.span.end)).toBe(entity.text);
    expect(entity.span.start).toBeLessThan(entity.span.end);
    const page = doc.pages.find((range) => range.page === entity.span.page);
    expect(page).toBeDefined();
    expect(entity.span.start).toBeGreaterThanOrEqual(page!.start);
  }
}

export const sortedSet = <T>(values: T[]): T[] => [...new Set(values)].sort();
