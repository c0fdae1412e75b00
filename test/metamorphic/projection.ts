/**
 * What "the same record" means for the metamorphic tests: a projection of a document record's
 * values, never its spans, offsets, source or entity texts as written; and a compact diff of
 * two projections for a failing test's message.
 */
import type { DocumentRecord } from '../../src/record.js';

export const ENTITY_ARRAYS = ['dates', 'date_ranges', 'deadlines', 'cadences', 'grades', 'costs', 'people', 'organisations', 'statutes', 'councils'] as const;
export type EntityArray = (typeof ENTITY_ARRAYS)[number];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface ClauseProjection {
  id: string;
  parent: string | null;
  /** Lower-cased: a heading is the same heading in capitals. */
  heading: string | null;
  text: string;
}

export interface RecordProjection {
  kind: string;
  council: Json;
  address: { lines: string[]; postcode: string | null } | null;
  signature: { name: string | null; title: string | null; date_text: string | null } | null;
  header_table: { key: string; value: string }[];
  facts: Json;
  features: Json;
  clauses: ClauseProjection[];
  /** Each entity array as a sorted multiset of its items without `text` and `span`. */
  entities: Record<EntityArray, Json[]>;
  /** Sorted anomaly codes. */
  anomalies: string[];
}

export const fold = (text: string): string => text.replace(/\s+/g, ' ').trim();
const foldOrNull = (text: string | null): string | null => (text === null ? null : fold(text));

/** JSON with object keys in order, so that equal values print equal. */
export function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

const multiset = (items: Json[]): Json[] => items.map((item) => [canonical(item), item] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, item]) => item);

/** An entity's values: everything but the text as written and where it stands. */
function entityValues(entity: object): Json {
  const { text: _text, span: _span, ...values } = entity as Record<string, unknown>;
  return sortKeys(values) as Json;
}

export function project(record: DocumentRecord): RecordProjection {
  return {
    kind: record.kind,
    council: record.council === null ? null : { name: record.council.name, gss: record.council.gss },
    address: record.address === null ? null : { lines: record.address.lines.map(fold), postcode: record.address.postcode },
    signature:
      record.signature === null
        ? null
        : { name: foldOrNull(record.signature.name), title: foldOrNull(record.signature.title), date_text: foldOrNull(record.signature.date_text) },
    header_table: record.header_table.map((row) => ({ key: fold(row.key), value: fold(row.value) })),
    facts: sortKeys(record.facts) as Json,
    features: sortKeys(record.features) as Json,
    clauses: record.clauses.map((clause) => ({
      id: clause.id,
      parent: clause.parent,
      heading: clause.heading === null ? null : fold(clause.heading).toLowerCase(),
      text: fold(clause.text),
    })),
    entities: Object.fromEntries(ENTITY_ARRAYS.map((array) => [array, multiset(record[array].map(entityValues))])) as Record<EntityArray, Json[]>,
    anomalies: record.anomalies.map((anomaly) => anomaly.code).sort(),
  };
}

// ---------------------------------------------------------------------------------------------
// The diff

const MAX_STRING = 100;

/** A long string cut to the neighbourhood of `at` (its first difference from another). */
function excerpt(text: string, at: number): string {
  if (text.length <= MAX_STRING) return JSON.stringify(text);
  const start = Math.max(0, at - 30);
  const end = Math.min(text.length, start + MAX_STRING);
  return `${start > 0 ? '…' : ''}${JSON.stringify(text.slice(start, end))}${end < text.length ? '…' : ''}`;
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function showChange(path: string, before: unknown, after: unknown): string {
  if (typeof before === 'string' && typeof after === 'string') {
    const at = firstDifference(before, after);
    return `${path}: ${excerpt(before, at)} → ${excerpt(after, at)}`;
  }
  return `${path}: ${short(canonical(before))} → ${short(canonical(after))}`;
}

const short = (json: string | undefined): string => (json === undefined ? 'undefined' : json.length > 2 * MAX_STRING ? `${json.slice(0, 2 * MAX_STRING)}…` : json);

/** Objects compared key by key, one level down; anything else whole. */
function diffValue(path: string, before: unknown, after: unknown): string[] {
  if (canonical(before) === canonical(after)) return [];
  const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => (canonical(before[key]) === canonical(after[key]) ? [] : [showChange(`${path}.${key}`, before[key], after[key])]));
  }
  return [showChange(path, before, after)];
}

/** The items of `items` left over once each item of `against` has cancelled one equal item. */
function unmatched<T>(items: readonly T[], against: readonly T[]): T[] {
  const remaining = new Map<string, number>();
  for (const item of against) remaining.set(canonical(item), (remaining.get(canonical(item)) ?? 0) + 1);
  return items.filter((item) => {
    const count = remaining.get(canonical(item)) ?? 0;
    if (count > 0) remaining.set(canonical(item), count - 1);
    return count === 0;
  });
}

/** Items of two lists as multisets: what only the one has and what only the other has. */
function multisetDifference<T>(before: readonly T[], after: readonly T[]): { removed: T[]; added: T[] } {
  return { removed: unmatched(before, after), added: unmatched(after, before) };
}

function diffList(path: string, before: readonly unknown[], after: readonly unknown[], ordered: boolean): string[] {
  if (canonical(before) === canonical(after)) return [];
  const { removed, added } = multisetDifference(before, after);
  if (removed.length === 0 && added.length === 0) return ordered ? [`${path}: the same items in another order`] : [];
  return [...removed.map((item) => `${path}: − ${short(canonical(item))}`), ...added.map((item) => `${path}: + ${short(canonical(item))}`)];
}

function diffClauses(before: readonly ClauseProjection[], after: readonly ClauseProjection[]): string[] {
  if (canonical(before) === canonical(after)) return [];
  const ids = (clauses: readonly ClauseProjection[]) => clauses.map((clause) => clause.id);
  const unique = (list: string[]) => new Set(list).size === list.length;
  if (!unique(ids(before)) || !unique(ids(after))) return diffList('clauses', before, after, true);
  const out: string[] = [];
  const afterIds = new Set(ids(after));
  const beforeIds = new Set(ids(before));
  const onlyBefore = ids(before).filter((id) => !afterIds.has(id));
  const onlyAfter = ids(after).filter((id) => !beforeIds.has(id));
  if (onlyBefore.length > 0 || onlyAfter.length > 0) {
    out.push(`clauses: ${before.length} → ${after.length}; lost [${onlyBefore.join(', ')}]; gained [${onlyAfter.join(', ')}]`);
    for (const clause of after.filter((c) => !beforeIds.has(c.id))) out.push(`clauses[${clause.id}] gained: ${short(canonical(clause))}`);
  }
  const common = ids(before).filter((id) => afterIds.has(id));
  const afterOrder = ids(after).filter((id) => beforeIds.has(id));
  if (canonical(common) !== canonical(afterOrder)) out.push('clauses: the common ids stand in another order');
  for (const id of common) {
    const a = before.find((clause) => clause.id === id)!;
    const b = after.find((clause) => clause.id === id)!;
    for (const field of ['parent', 'heading', 'text'] as const) {
      if (a[field] !== b[field]) out.push(showChange(`clauses[${id}].${field}`, a[field], b[field]));
    }
  }
  return out;
}

/**
 * The differences of two projections, one line each (`path: before → after`, or `path: − item`
 * for an item only the first has and `path: + item` for one only the second has), at most
 * `limit` lines.
 */
export function diffProjections(before: RecordProjection, after: RecordProjection, limit = 25): string[] {
  const lines = [
    ...diffValue('kind', before.kind, after.kind),
    ...diffValue('council', before.council, after.council),
    ...diffValue('address', before.address, after.address),
    ...diffValue('signature', before.signature, after.signature),
    ...diffList('header_table', before.header_table, after.header_table, true),
    ...diffValue('facts', before.facts, after.facts),
    ...diffValue('features', before.features, after.features),
    ...diffClauses(before.clauses, after.clauses),
    ...ENTITY_ARRAYS.flatMap((array) => diffList(array, before.entities[array], after.entities[array], false)),
    ...diffList('anomalies', before.anomalies, after.anomalies, false),
  ];
  return lines.length > limit ? [...lines.slice(0, limit), `… and ${lines.length - limit} more differences`] : lines;
}
