/**
 * The document record's JSON Schema, generated from the zod schema that is the source of truth.
 * It describes records as the pipeline writes them (zod's output types: defaults filled in), and
 * is open: the SPEC lets a record carry fields beyond those it names, so no object forbids
 * other properties (zod's output schema would).
 */
import { z } from 'zod';
import { DocumentRecord, SCHEMA_ID } from '../record.js';

/** The schema's identifier: an absolute URI made from the record's schema name and version. */
export const JSON_SCHEMA_ID = `urn:${SCHEMA_ID.replace(/[/@]/g, ':')}`;

/** The schema with every `additionalProperties: false` taken out, at any depth. */
function open(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(open);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key, value]) => !(key === 'additionalProperties' && value === false))
      .map(([key, value]) => [key, open(value)]),
  );
}

export function documentJsonSchema(): Record<string, unknown> {
  const { $schema, ...generated } = open(z.toJSONSchema(DocumentRecord, { io: 'output', unrepresentable: 'any' })) as Record<string, unknown>;
  return {
    $schema,
    $id: JSON_SCHEMA_ID,
    ...generated,
    title: SCHEMA_ID,
    description: 'One document read by notice-pipeline: its normalised text, clauses, entities with spans, facts, features and anomalies (docs/SPEC.md). Spans count Unicode code points.',
  };
}
