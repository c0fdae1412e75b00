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
import { normalise } from './normalise/index.js';
import { recognise } from './recognise/index.js';
import { TextIndex } from './recognise/text-index.js';
import { DocumentRecord, SCHEMA_ID, fail, ok, type Result } from './record.js';
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
    address: segmented.address,
    signature: segmented.signature,
    header_table: segmented.header_table,
    sections: segmented.sections,
    text: doc.text,
    pages: doc.pages,
    clauses: segmented.clauses,
    ...recognised,
  };
  const record = DocumentRecord.parse({ ...withoutAnomalies, anomalies: check({ ...withoutAnomalies, anomalies: [] }, index) });
  return ok(record);
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
