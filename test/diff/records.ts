/**
 * Document records of notices for the diff tests, built from a fixture's text (or PDF) and its
 * hand-written clauses and facts, so that the diff is tested on its own rather than through the
 * segmenter and recognisers. Clause spans are found in the real normalised text; the parameter
 * entities (dates, deadlines, councils) are read by small patterns, standing in for the
 * recognisers: the diff reads only their `text`, `span`, `value`/`due` and `role`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageAt, spanOf, type NormalisedDocument } from '../../src/normalise/index.js';
import { recogniseCadences } from '../../src/recognise/cadences.js';
import { recogniseFeatures } from '../../src/recognise/features.js';
import { TextIndex } from '../../src/recognise/text-index.js';
import { DocumentRecord, SCHEMA_ID, type Clause, type DocumentKind, type Facts } from '../../src/record.js';
import { normalisedFile } from '../helpers/fixtures.js';
import { NO_ENTITIES } from '../helpers/records.js';

export interface GoldClause {
  id: string;
  heading: string | null;
  text: string;
}

export interface NoticeGold {
  kind: DocumentKind;
  council: { name: string; gss: string } | null;
  facts: Facts;
  features?: Record<string, unknown>;
  clauses: GoldClause[];
  alignment?: Record<string, string | null>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each gold clause's place in the normalised text, in order (white space may differ). */
export function locateClauses(doc: NormalisedDocument, gold: GoldClause[]): Clause[] {
  let cursor = 0;
  return gold.map((g) => {
    const pattern = new RegExp(g.text.split(/\s+/).map(escape).join('\\s+'), 'g');
    pattern.lastIndex = cursor;
    const match = pattern.exec(doc.text);
    if (!match) throw new Error(`clause ${g.id} not found after offset ${cursor}: ${g.text}`);
    cursor = match.index + match[0].length;
    const dot = g.id.lastIndexOf('.');
    return {
      id: g.id,
      parent: dot < 0 ? null : g.id.slice(0, dot),
      heading: g.heading,
      text: g.text,
      page: pageAt(doc, match.index),
      span: spanOf(doc, match.index, cursor),
    };
  });
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(${MONTHS.join('|')})`;
const pad = (n: number) => String(n).padStart(2, '0');
const monthNumber = (name: string) => MONTHS.indexOf(name.toLowerCase()) + 1;

/** Dates and end-of-month deadlines as the recognisers would give them, roles taken from the facts. */
export function parameterEntities(doc: NormalisedDocument, facts: Facts) {
  const roleOf = (value: string) => (Object.entries(facts).find(([, v]) => v === value)?.[0] ?? null);
  const deadlines = [...doc.text.matchAll(new RegExp(`by the end of ${MONTH} (\\d{4})`, 'gi'))].map((m) => {
    const month = monthNumber(m[1]);
    const last = new Date(Date.UTC(Number(m[2]), month, 0)).getUTCDate();
    return { text: m[0], span: spanOf(doc, m.index, m.index + m[0].length), due: `${m[2]}-${pad(month)}-${pad(last)}`, relative: null };
  });
  const dayFirst = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? ${MONTH},? (\\d{4})`, 'gi');
  const monthFirst = new RegExp(`\\b${MONTH} (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})`, 'gi');
  const dates = [
    ...[...doc.text.matchAll(dayFirst)].map((m) => ({ m, day: Number(m[1]), month: monthNumber(m[2]), year: m[3] })),
    ...[...doc.text.matchAll(monthFirst)].map((m) => ({ m, day: Number(m[2]), month: monthNumber(m[1]), year: m[3] })),
  ].map(({ m, day, month, year }) => {
    const value = `${year}-${pad(month)}-${pad(day)}`;
    return {
      text: m[0],
      span: spanOf(doc, m.index, m.index + m[0].length),
      value,
      precision: 'day' as const,
      role: roleOf(value),
      inferred: false,
      weekday: null,
    };
  });
  return { dates, deadlines };
}

/** A notice fixture as a document record. */
export async function noticeRecord(path: string, gold: NoticeGold): Promise<DocumentRecord> {
  const doc = await normalisedFile(path);
  const clauses = locateClauses(doc, gold.clauses);
  const index = new TextIndex(doc, { clauses, address: null, signature: null, header_table: [], sections: [], fields: [] });
  const { dates, deadlines } = parameterEntities(doc, gold.facts);
  const councils = gold.council
    ? [...doc.text.matchAll(new RegExp(escape(gold.council.name), 'g'))].map((m) => ({
        text: m[0],
        span: spanOf(doc, m.index, m.index + m[0].length),
        ...gold.council!,
      }))
    : [];
  return DocumentRecord.parse({
    schema: SCHEMA_ID,
    source: {
      path,
      sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
      format: path.endsWith('.pdf') ? 'pdf' : 'txt',
      pages: doc.pages.length,
    },
    kind: gold.kind,
    council: gold.council,
    address: null,
    text: doc.text,
    pages: doc.pages,
    clauses,
    ...NO_ENTITIES,
    dates,
    deadlines,
    councils,
    facts: gold.facts,
    ...recogniseFeatures(index, gold.kind, recogniseCadences(index)),
    anomalies: [],
  });
}

export function readJson<T>(folder: string, file: string): T {
  return JSON.parse(readFileSync(join(folder, file), 'utf8')) as T;
}
