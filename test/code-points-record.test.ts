/**
 * Spans in Unicode code points (docs/SPEC.md), as Python's `text[start:end]` and SQLite's
 * `substr` count them: every span-typed field of the record schema is converted by the
 * pipeline, the seeds written with emoji before their dates and names give spans that slice
 * their text by code point, the same values as without the emoji, and a report whose anchors
 * and anomaly marks land on the right words. The corpus side is test/code-points-corpus.test.ts.
 */
import { codePointOffsets } from '../src/normalise/code-points.js';
import { processBytes, spansInCodePoints } from '../src/pipeline.js';
import { DocumentRecord, type Span } from '../src/record.js';
import { documentPage } from '../src/report/document.js';
import { escapeHtml } from '../src/report/html.js';
import { paragraphAnchor } from '../src/report/links.js';
import type { SiteInput } from '../src/report/model.js';
import { astralCount, seedTexts, withEmoji } from './helpers/emoji.js';
import { ENTITY_ARRAYS, fold, project } from './metamorphic/projection.js';

// ---------------------------------------------------------------------------------------------
// The record schema's span fields, read from the zod schema itself

/** The parts of a zod 4 schema definition this walk reads. */
interface Definition {
  type: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
  valueType?: unknown;
  options?: unknown[];
  values?: unknown[];
  entries?: Record<string, unknown>;
}
const definitionOf = (schema: unknown): Definition => (schema as { def: Definition }).def;

/** A span by its shape, `{page, start, end}`: `Span`, `PageRange` and any copy of them. */
const isSpan = (definition: Definition): boolean => definition.type === 'object' && Object.keys(definition.shape!).sort().join() === 'end,page,start';

const WRAPPERS = new Set(['nullable', 'optional', 'default', 'readonly']);

/** Every path in the schema that holds a span: `$.dates[].span`, `$.fact_evidence{}.span`, `$.anomalies[].spans[]`. */
function spanPaths(schema: unknown, path = '$'): string[] {
  const definition = definitionOf(schema);
  if (isSpan(definition)) return [path];
  if (definition.type === 'object') return Object.entries(definition.shape!).flatMap(([key, child]) => spanPaths(child, `${path}.${key}`));
  if (definition.type === 'array') return spanPaths(definition.element, `${path}[]`);
  if (definition.type === 'record') return spanPaths(definition.valueType, `${path}{}`);
  if (WRAPPERS.has(definition.type)) return spanPaths(definition.innerType, path);
  if (definition.type === 'union') return [...new Set(definition.options!.flatMap((option) => spanPaths(option, path)))];
  return [];
}

/** The spans of a value of the schema, in the order of the schema's walk, each with its path. */
function collectSpans(schema: unknown, value: unknown, path = '$'): Array<{ path: string; span: Span }> {
  if (value === null || value === undefined) return [];
  const definition = definitionOf(schema);
  if (isSpan(definition)) return [{ path, span: value as Span }];
  if (definition.type === 'object') {
    return Object.entries(definition.shape!).flatMap(([key, child]) => collectSpans(child, (value as Record<string, unknown>)[key], `${path}.${key}`));
  }
  if (definition.type === 'array') return (value as unknown[]).flatMap((item) => collectSpans(definition.element, item, `${path}[]`));
  if (definition.type === 'record') return Object.values(value as object).flatMap((item) => collectSpans(definition.valueType, item, `${path}{}`));
  if (WRAPPERS.has(definition.type)) return collectSpans(definition.innerType, value, path);
  if (definition.type === 'union') {
    // The option that has spans (none of the record's unions has them in two options).
    const option = definition.options!.find((o) => spanPaths(o).length > 0);
    return option ? collectSpans(option, value, path) : [];
  }
  return [];
}

/** A value of the schema with every optional and nullable part present, every array and record of one item, and a fresh span from `nextSpan` wherever one goes. */
function sample(schema: unknown, nextSpan: () => Span): unknown {
  const definition = definitionOf(schema);
  if (isSpan(definition)) return nextSpan();
  switch (definition.type) {
    case 'object':
      return Object.fromEntries(Object.entries(definition.shape!).map(([key, child]) => [key, sample(child, nextSpan)]));
    case 'array':
      return [sample(definition.element, nextSpan)];
    case 'record':
      return { key: sample(definition.valueType, nextSpan) };
    case 'union': {
      const option = definition.options!.find((o) => spanPaths(o).length > 0) ?? definition.options![0];
      return sample(option, nextSpan);
    }
    case 'literal':
      return definition.values![0];
    case 'enum':
      return Object.values(definition.entries!)[0];
    case 'string':
      return 'x';
    case 'number':
      return 1;
    case 'boolean':
      return false;
    default:
      return WRAPPERS.has(definition.type) ? sample(definition.innerType, nextSpan) : null;
  }
}

describe('spansInCodePoints', () => {
  test('the walk over the schema finds the span fields (the check below is only as good as this list)', () => {
    const paths = spanPaths(DocumentRecord);
    expect(paths).toEqual(
      expect.arrayContaining([
        '$.classification[].span',
        '$.address.span',
        '$.signature.span',
        '$.signature.name_span',
        '$.header_table[].span',
        '$.header_table[].value_span',
        '$.sections[].span',
        '$.pages[]',
        '$.clauses[].span',
        ...ENTITY_ARRAYS.map((array) => `$.${array}[].span`),
        '$.fact_evidence{}.span',
        '$.feature_evidence{}.span',
        '$.anomalies[].spans[]',
        '$.messages[].span',
      ]),
    );
  });

  test('converts every span-typed field of the record schema, each exactly once', () => {
    // Span i of the sample stands at string indices 2i..2i+2 of a text of emoji: code points i..i+1.
    let count = 0;
    const record = sample(DocumentRecord, () => {
      count++;
      return { page: 1, start: 2 * count, end: 2 * count + 2 };
    }) as DocumentRecord;
    record.text = '😀'.repeat(count + 2);
    const before = collectSpans(DocumentRecord, record);
    expect(new Set(before.map((found) => found.path))).toEqual(new Set(spanPaths(DocumentRecord)));
    expect(before).toHaveLength(count);

    const converted = spansInCodePoints(record);
    const after = collectSpans(DocumentRecord, converted);
    expect(after.map((found) => found.path)).toEqual(before.map((found) => found.path));
    after.forEach(({ path, span }, i) => {
      expect({ path, ...span }).toEqual({ path, page: 1, start: before[i].span.start / 2, end: before[i].span.end / 2 });
    });
    // The record given is left as it was.
    expect(collectSpans(DocumentRecord, record)).toEqual(before);
    expect(before.every(({ span }) => span.start % 2 === 0 && span.start >= 2)).toBe(true);
  });

  test('a text without astral characters keeps its record as it is', () => {
    let count = 0;
    const record = sample(DocumentRecord, () => ({ page: 1, start: ++count, end: count + 1 })) as DocumentRecord;
    record.text = 'é'.repeat(count + 2);
    expect(spansInCodePoints(record)).toBe(record);
  });
});

// ---------------------------------------------------------------------------------------------
// The seeds with emoji, through the pipeline

const process = async (name: string, text: string): Promise<DocumentRecord> => {
  const result = await processBytes(new Uint8Array(Buffer.from(text, 'utf8')), name);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
  return result.value;
};

/** A span's text as Python's `text[start:end]` gives it. */
const pythonSlice = (text: string, span: Span): string => [...text].slice(span.start, span.end).join('');
const withoutAstral = (text: string): string => fold(text.replace(/[\u{10000}-\u{10FFFF}]/gu, ''));

describe.each(seedTexts())('%s with emoji before its dates and names', (name, text) => {
  let plain: DocumentRecord;
  let emoji: DocumentRecord;
  beforeAll(async () => {
    plain = await process(name, text);
    emoji = await process(name, withEmoji(text));
  });

  test('the record keeps the astral characters, so string indices and code points differ', () => {
    expect(astralCount(emoji.text)).toBeGreaterThan(5);
    const entities: Array<{ text: string; span: Span }> = ENTITY_ARRAYS.flatMap((array): Array<{ text: string; span: Span }> => emoji[array]);
    expect(entities.length).toBeGreaterThan(5);
    // Sliced as JavaScript indexes strings, most entities miss: the spans are not string indices.
    expect(entities.filter((entity) => emoji.text.slice(entity.span.start, entity.span.end) !== entity.text).length).toBeGreaterThan(entities.length / 2);
  });

  test("every entity is its text's [start:end] in code points, every clause its text with white space folded", () => {
    for (const array of ENTITY_ARRAYS) {
      for (const entity of emoji[array]) expect({ array, text: pythonSlice(emoji.text, entity.span) }).toEqual({ array, text: entity.text });
    }
    for (const clause of emoji.clauses) expect(fold(pythonSlice(emoji.text, clause.span))).toBe(clause.text);
    for (const evidence of [...Object.values(emoji.fact_evidence), ...Object.values(emoji.feature_evidence)]) {
      expect(pythonSlice(emoji.text, evidence.span)).toBe(evidence.text);
    }
    for (const row of emoji.header_table) if (row.value_span) expect(fold(pythonSlice(emoji.text, row.value_span))).toBe(fold(row.value));
  });

  test('the pages cover the text in code points', () => {
    const length = [...emoji.text].length;
    expect(emoji.pages[0].start).toBe(0);
    expect(emoji.pages.at(-1)!.end).toBe(length);
    for (const { span } of collectSpans(DocumentRecord, emoji)) {
      expect(span.start).toBeGreaterThanOrEqual(0);
      expect(span.start).toBeLessThanOrEqual(span.end);
      expect(span.end).toBeLessThanOrEqual(length);
    }
  });

  test('every span of the record points at the words it points at in the text without emoji', () => {
    const plainSpans = collectSpans(DocumentRecord, plain);
    const emojiSpans = collectSpans(DocumentRecord, emoji);
    expect(emojiSpans.map((found) => found.path)).toEqual(plainSpans.map((found) => found.path));
    expect(emojiSpans.length).toBeGreaterThan(20);
    emojiSpans.forEach(({ path, span }, i) => {
      const words = withoutAstral(pythonSlice(emoji.text, span));
      expect({ path, words }).toEqual({ path, words: fold(plain.text.slice(plainSpans[i].span.start, plainSpans[i].span.end)) });
    });
  });

  test('the same kind, council, facts, features, clause ids, entity values and anomalies as without emoji', () => {
    const before = project(plain);
    const after = project(emoji);
    expect(after.kind).toBe(before.kind);
    expect(after.council).toEqual(before.council);
    expect(after.facts).toEqual(before.facts);
    expect(after.features).toEqual(before.features);
    expect(after.entities).toEqual(before.entities);
    expect(after.anomalies).toEqual(before.anomalies);
    expect(after.clauses.map((clause) => clause.id)).toEqual(before.clauses.map((clause) => clause.id));
  });

  test("the report's paragraph anchors and anomaly marks land on the spans' words", () => {
    const input: SiteInput = { documents: [], template: null, columns: [], comparison: [], ingestErrors: [], lifecycle: [], source: 'test', today: '2026-12-01' };
    const page = documentPage({ slug: 'emoji', record: emoji, diff: null, paths: [emoji.source.path] }, input);
    const points = [...emoji.text];
    for (const { span } of collectSpans(DocumentRecord, emoji)) {
      const anchor = paragraphAnchor(emoji, span.start);
      expect(page).toContain(`id="${anchor}"`);
      // The anchor names, in code points, the start of the paragraph the span starts in.
      const at = Number(anchor.slice('at-'.length));
      expect(at === 0 || points[at - 1] === '\n').toBe(true);
      expect(points.slice(at, span.start)).not.toContain('\n');
    }
    for (const anomaly of emoji.anomalies) {
      for (const span of anomaly.spans) {
        const words = escapeHtml(pythonSlice(emoji.text, span));
        expect(page).toContain(`“${words}”`);
        if (!words.includes('\n')) expect(page).toContain(`anomaly ${anomaly.code}: </span>${words}<span class="marker"`);
      }
    }
  });

  test('the converter gives the same slices as [...text]', () => {
    const offsets = codePointOffsets(emoji.text);
    for (const { span } of collectSpans(DocumentRecord, emoji)) expect(offsets.slice(span.start, span.end)).toBe(pythonSlice(emoji.text, span));
  });
});
