/**
 * One document through every stage: extract → normalise → classify → segment → recognise →
 * check, giving the SPEC's document record or a coded error.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { check } from './check/index.js';
import { classify } from './classify/index.js';
import { extract, type ExtractOptions } from './extract/index.js';
import { DEFAULT_MAX_BYTES } from './limits.js';
import { codePointOffsets } from './normalise/code-points.js';
import { normalise } from './normalise/index.js';
import { recognise } from './recognise/index.js';
import { TextIndex } from './recognise/text-index.js';
import { DocumentRecord, SCHEMA_ID, fail, ok, type Evidence, type Result, type Span } from './record.js';
import { segment } from './segment/index.js';

export interface ProcessOptions extends ExtractOptions {
  /** Refuse files larger than this many bytes. */
  maxBytes?: number;
}


export async function processBytes(bytes: Uint8Array, path: string, options: ProcessOptions = {}): Promise<Result<DocumentRecord>> {
  const extracted = await extract(bytes, { ...options, path });
  if (!extracted.ok) return extracted;
  const doc = normalise(extracted.value);
  const classification = classify(doc);
  const segmented = segment(doc, classification.kind);
  // One text index for the document, shared by the recognisers and the checks.
  const index = new TextIndex(doc, segmented);
  const recognised = recognise(doc, classification.kind, segmented, index);
  const withoutAnomalies = {
    schema: SCHEMA_ID,
    source: {
      path,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      format: extracted.value.format,
      pages: extracted.value.pages.length,
      ocr_pages: extracted.value.ocrPages,
    },
    kind: classification.kind,
    classification: classification.evidence,
    publisher: classification.publisher,
    address: segmented.address,
    signature: segmented.signature,
    header_table: segmented.header_table,
    sections: segmented.sections,
    text: doc.text,
    pages: doc.pages,
    clauses: segmented.clauses,
    ...recognised,
    messages: [...classification.messages, ...recognised.messages],
  };
  const found = { ...withoutAnomalies, anomalies: check({ ...withoutAnomalies, anomalies: [] }, index) };
  return ok(DocumentRecord.parse(spansInCodePoints(found)));
}

/**
 * The record's spans in Unicode code points, from the string indices the stages found them at.
 *
 * Every stage, from normalise to check, works in JavaScript string indices (UTF-16 code units),
 * which is what its regular expressions and slices give; the record is the public contract, read
 * by Python, SQLite and anything else that counts characters as code points, so its spans are in
 * code points (docs/SPEC.md). The conversion happens here once, after the last stage, and
 * nowhere else: a consumer that slices `record.text` by a span in JavaScript goes through
 * `codePointOffsets` (src/normalise/code-points.ts). A text with no astral character (nearly
 * every document) is returned as it is. Each span-bearing field is named below rather than
 * found by a walk over the object, so that a span is converted exactly once; the test
 * test/code-points-record.test.ts derives every span path from the zod schema and fails on
 * one this misses.
 */
export function spansInCodePoints(record: DocumentRecord): DocumentRecord {
  const offsets = codePointOffsets(record.text);
  if (offsets.identity) return record;
  // New objects throughout: an anomaly holds the very span objects of the entities it names, so
  // converting in place would convert a shared span twice.
  const span = <S extends Span>(s: S): S => ({ ...s, start: offsets.toCodePoints(s.start), end: offsets.toCodePoints(s.end) });
  const spanOrNull = (s: Span | null): Span | null => (s === null ? null : span(s));
  const spanned = <T extends { span: Span }>(item: T): T => ({ ...item, span: span(item.span) });
  const evidence = (byName: Record<string, Evidence>): Record<string, Evidence> =>
    Object.fromEntries(Object.entries(byName).map(([name, item]) => [name, spanned(item)]));
  const { address, signature } = record;
  return {
    ...record,
    classification: record.classification.map((c) => ({ ...c, span: spanOrNull(c.span) })),
    address: address?.span ? { ...address, span: span(address.span) } : address,
    signature: signature && {
      ...spanned(signature),
      ...(signature.name_span !== undefined && { name_span: spanOrNull(signature.name_span) }),
    },
    header_table: record.header_table.map((row) => ({ ...spanned(row), ...(row.value_span && { value_span: span(row.value_span) }) })),
    sections: record.sections.map(spanned),
    pages: record.pages.map(span),
    clauses: record.clauses.map(spanned),
    dates: record.dates.map(spanned),
    date_ranges: record.date_ranges.map(spanned),
    deadlines: record.deadlines.map(spanned),
    cadences: record.cadences.map(spanned),
    grades: record.grades.map(spanned),
    costs: record.costs.map(spanned),
    people: record.people.map(spanned),
    organisations: record.organisations.map(spanned),
    statutes: record.statutes.map(spanned),
    councils: record.councils.map(spanned),
    fact_evidence: evidence(record.fact_evidence),
    feature_evidence: evidence(record.feature_evidence),
    anomalies: record.anomalies.map((a) => ({ ...a, spans: a.spans.map(span) })),
    messages: record.messages.map((m) => ({ ...m, span: spanOrNull(m.span) })),
  };
}

export async function processFile(path: string, options: ProcessOptions = {}): Promise<Result<DocumentRecord>> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (!info.isFile()) return fail('unreadable', `${path} is not a regular file`);
    if (info.size > maxBytes) return fail('too_large', `the file is ${info.size} bytes, more than the limit of ${maxBytes}`);
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    return fail('unreadable', `cannot read ${path}: ${(error as Error).message}`);
  }
  return processBytes(bytes, path, options);
}
