/**
 * The document record's JSON Schema, generated from the zod schema that is the source of truth.
 * It describes records as the pipeline writes them (zod's output types: defaults filled in).
 */
import { z } from 'zod';
import { DocumentRecord, SCHEMA_ID } from '../record.js';

export function documentJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(DocumentRecord, { io: 'output', unrepresentable: 'any' }),
    title: SCHEMA_ID,
    description: 'One document read by notice-pipeline: its normalised text, clauses, entities with spans, facts, features and anomalies (docs/SPEC.md).',
  };
}
