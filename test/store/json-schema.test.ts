import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentJsonSchema } from '../../src/store/json-schema.js';

const PUBLISHED = join(import.meta.dirname, '..', '..', 'docs', 'document.schema.json');

test('docs/document.schema.json is the schema generated from the zod DocumentRecord (UPDATE_SCHEMA=1 rewrites it)', () => {
  const generated = `${JSON.stringify(documentJsonSchema(), null, 2)}\n`;
  if (process.env.UPDATE_SCHEMA === '1') writeFileSync(PUBLISHED, generated);
  expect(readFileSync(PUBLISHED, 'utf8')).toBe(generated);
});

test('the schema names every SPEC top-level field as required and fixes the schema id', () => {
  const schema = documentJsonSchema() as { required: string[]; properties: Record<string, { const?: string }> };
  for (const field of ['schema', 'source', 'kind', 'council', 'address', 'clauses', 'dates', 'costs', 'facts', 'features', 'anomalies']) {
    expect(schema.required).toContain(field);
  }
  expect(schema.properties.schema.const).toBe('notice-pipeline/document@1');
});

test('the schema has an absolute $id and is open: no object in it forbids properties the SPEC does not name', () => {
  const schema = documentJsonSchema();
  expect(schema.$id).toMatch(/^[a-z][a-z0-9+.-]*:/);
  const forbidding: string[] = [];
  const walk = (node: unknown, path: string): void => {
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'additionalProperties' && value === false) forbidding.push(path);
      walk(value, `${path}/${key}`);
    }
  };
  walk(schema, '#');
  expect(forbidding).toEqual([]);
});
