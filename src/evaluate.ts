/**
 * Field-by-field evaluation against the hand-checked gold, in the manner of GROBID's end-to-end
 * evaluation: every fixture with an `<name>.expected.json` is run through the whole pipeline
 * (its .txt, and its .pdf when there is one), and each field of the record is scored against
 * the gold as true positives, false positives and false negatives, summed over the documents.
 *
 * Conventions (read off the seeds' gold):
 * - one-valued fields (kind, council, postcode, each fact, each feature) are right or wrong; a
 *   wrong value is a false negative for the gold value and a false positive for the one given
 *   (a gold `null` found as `null` is right);
 * - list fields are compared as sets of distinct values: `dates` are the day-precision dates
 *   with the ends of day-precision ranges, `deadlines` the due dates, `cadences` the durations,
 *   `people` the names, `grades` (area, grade) of current grades, `costs` the amounts,
 *   `statutes` (act, section), `anomalies` the codes (with the texts of their spans where the
 *   gold gives them), `clauses` the ids;
 * - a field absent from an expected file is not scored for that document.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, relative } from 'node:path';
import fg from 'fast-glob';
import { processFile } from './pipeline.js';
import type { DocumentRecord } from './record.js';
import { codePointOffsets } from './normalise/code-points.js';
import { foldWhiteSpace } from './normalise/index.js';
import { citedStatutes } from './recognise/statutes.js';

export interface FieldScore {
  tp: number;
  fp: number;
  fn: number;
}

export type FieldScores = Record<string, FieldScore>;

/** The gold record's shape (docs/SPEC.md; fixtures/**\/*.expected.json). */
export interface Gold {
  kind?: string;
  council?: { name: string; gss: string } | null;
  /** Who published the document: a council by its code, anyone else by name (case folded). */
  publisher?: { name: string; council_gss: string | null } | null;
  /** Every council the document names, by canonical name. */
  councils?: string[];
  postcode?: string | null;
  facts?: Record<string, unknown>;
  features?: Record<string, unknown>;
  /** Day-precision dates, or `{value, role}` (day or month precision) where the gold also checks each date's role. */
  dates?: Array<string | { value: string; role: string | null }>;
  deadlines?: string[];
  cadences?: string[];
  /** Names, or `{name, role}` where the gold also checks the role. */
  people?: Array<string | { name: string; role: string | null }>;
  grades?: Array<{ area: string | null; grade: string }>;
  costs?: number[];
  statutes?: Array<{ act: string; section: string | null }>;
  /** Codes, or `{code, spans}` where the gold also checks the text of every span the anomaly names. */
  anomalies?: Array<string | { code: string; spans: string[] }>;
  clauses?: Array<{ id: string; text?: string }>;
}

export interface DocumentResult {
  /** The input file, relative to the fixtures folder. */
  input: string;
  /** The pipeline's coded error, if the file could not be read. */
  error: string | null;
  scores: FieldScores;
  /** Per field, what was missed and what was wrongly given: for reading a failure. */
  misses: Record<string, { missing: string[]; extra: string[] }>;
}

export interface Evaluation {
  documents: DocumentResult[];
  totals: FieldScores;
}

const key = (value: unknown): string => JSON.stringify(value ?? null);

/** The values of each list field as the record gives them, in the gold's terms. */
const LIST_FIELDS: Record<string, { gold: (g: Gold) => unknown[] | undefined; found: (r: DocumentRecord, g: Gold) => unknown[] }> = {
  dates: {
    gold: (g) => g.dates?.map((d) => (typeof d === 'string' ? d : { value: d.value, role: d.role ?? null })),
    found: (r, g) => {
      if (!g.dates?.some((d) => typeof d !== 'string')) {
        return [
          ...r.dates.filter((d) => d.precision === 'day').map((d) => d.value),
          ...r.date_ranges.flatMap((range) => [range.start, range.end]).filter((value) => value.length === 10),
        ];
      }
      // With roles: every date to the day or the month, a range's ends with the range's role.
      return [
        ...r.dates.filter((d) => d.precision !== 'year').map((d) => ({ value: d.value, role: d.role })),
        ...r.date_ranges.flatMap((range) => [range.start, range.end].filter((value) => value.length > 4).map((value) => ({ value, role: range.role }))),
      ];
    },
  },
  councils: { gold: (g) => g.councils, found: (r) => r.councils.map((c) => c.name) },
  deadlines: { gold: (g) => g.deadlines, found: (r) => r.deadlines.flatMap((d) => (d.due ? [d.due] : [])) },
  cadences: { gold: (g) => g.cadences, found: (r) => r.cadences.map((c) => c.every) },
  people: {
    gold: (g) => g.people?.map((p) => (typeof p === 'string' ? p : { name: p.name, role: p.role ?? null })),
    found: (r, g) => r.people.map((p) => (g.people?.some((x) => typeof x !== 'string') ? { name: p.name, role: p.role } : p.name)),
  },
  grades: { gold: (g) => g.grades?.map((x) => ({ area: x.area, grade: x.grade })), found: (r) => r.grades.filter((x) => x.current).map((x) => ({ area: x.area, grade: x.grade })) },
  costs: { gold: (g) => g.costs, found: (r) => r.costs.map((c) => c.amount_gbp) },
  statutes: { gold: (g) => g.statutes?.map((s) => ({ act: s.act, section: s.section })), found: (r) => citedStatutes(r.statutes) },
  anomalies: {
    gold: (g) => g.anomalies?.map((a) => (typeof a === 'string' ? a : { code: a.code, spans: [...a.spans].sort() })),
    found: (r, g) => {
      if (!g.anomalies?.some((x) => typeof x !== 'string')) return r.anomalies.map((a) => a.code);
      // The words of each span, sliced in code points as the record counts them.
      const offsets = codePointOffsets(r.text);
      return r.anomalies.map((a) => ({ code: a.code, spans: a.spans.map((s) => offsets.slice(s.start, s.end)).sort() }));
    },
  },
  clauses: { gold: (g) => g.clauses?.map((c) => c.id), found: (r) => r.clauses.map((c) => c.id) },
  // A clause's own text, where the gold writes it: a clause cut at a line or page break, or
  // one that swallowed a running header, has the right id and the wrong text.
  clause_texts: {
    gold: (g) => clauseTexts(g.clauses ?? []),
    found: (r, g) => {
      const written = new Set(clauseTexts(g.clauses ?? [])?.map((c) => c.id));
      return r.clauses.filter((c) => written.has(c.id)).map((c) => ({ id: c.id, text: foldWhiteSpace(c.text) }));
    },
  },
};

function clauseTexts(clauses: NonNullable<Gold['clauses']>): Array<{ id: string; text: string }> | undefined {
  const written = clauses.flatMap((c) => (c.text === undefined ? [] : [{ id: c.id, text: foldWhiteSpace(c.text) }]));
  return written.length > 0 ? written : undefined;
}

function scoreSet(gold: unknown[], found: unknown[]): { score: FieldScore; missing: string[]; extra: string[] } {
  const goldKeys = new Set(gold.map(key));
  const foundKeys = new Set(found.map(key));
  const missing = [...goldKeys].filter((k) => !foundKeys.has(k));
  const extra = [...foundKeys].filter((k) => !goldKeys.has(k));
  return { score: { tp: goldKeys.size - missing.length, fp: extra.length, fn: missing.length }, missing, extra };
}

/** A list of names (a fact of type `names`) is a set: the order a document names people in is no part of the value. */
const asSet = (value: unknown): unknown => (Array.isArray(value) ? [...value].map(String).sort() : value);

function scoreValue(gold: unknown, found: unknown): { score: FieldScore; missing: string[]; extra: string[] } {
  if (key(asSet(gold)) === key(asSet(found))) return { score: { tp: 1, fp: 0, fn: 0 }, missing: [], extra: [] };
  const goldGiven = gold !== null && gold !== undefined;
  const foundGiven = found !== null && found !== undefined;
  return { score: { tp: 0, fp: foundGiven ? 1 : 0, fn: goldGiven ? 1 : 0 }, missing: goldGiven ? [key(gold)] : [], extra: foundGiven ? [key(found)] : [] };
}

/** A publisher as compared: a council by its code, any other body by its name, case and spaces folded. */
const publisherKey = (publisher: { name: string; council_gss: string | null } | null | undefined): string | null =>
  publisher ? (publisher.council_gss ?? foldWhiteSpace(publisher.name).toLowerCase()) : null;

/** Scores one record against its gold; a record of `null` (the pipeline failed) finds nothing. */
export function scoreRecord(record: DocumentRecord | null, gold: Gold): Pick<DocumentResult, 'scores' | 'misses'> {
  const scores: FieldScores = {};
  const misses: DocumentResult['misses'] = {};
  const note = (field: string, result: ReturnType<typeof scoreSet>) => {
    scores[field] = result.score;
    if (result.missing.length > 0 || result.extra.length > 0) misses[field] = { missing: result.missing, extra: result.extra };
  };
  if ('kind' in gold) note('kind', scoreValue(gold.kind, record?.kind));
  if ('council' in gold) note('council', scoreValue(gold.council, record?.council && { name: record.council.name, gss: record.council.gss }));
  if ('publisher' in gold) note('publisher', scoreValue(publisherKey(gold.publisher), record ? publisherKey(record.publisher) : undefined));
  if ('postcode' in gold) note('postcode', scoreValue(gold.postcode, record ? (record.address?.postcode ?? null) : undefined));
  for (const [group, values] of [['facts', gold.facts], ['features', gold.features]] as const) {
    const given = (record?.[group] ?? {}) as Record<string, unknown>;
    for (const [name, value] of Object.entries(values ?? {})) note(`${group}.${name}`, scoreValue(value, record ? (given[name] ?? null) : undefined));
  }
  for (const [field, { gold: goldValues, found }] of Object.entries(LIST_FIELDS)) {
    const expected = goldValues(gold);
    if (expected) note(field, scoreSet(expected, record ? found(record, gold) : []));
  }
  return { scores, misses };
}

export function addScores(into: FieldScores, scores: FieldScores): FieldScores {
  for (const [field, score] of Object.entries(scores)) {
    const total = (into[field] ??= { tp: 0, fp: 0, fn: 0 });
    total.tp += score.tp;
    total.fp += score.fp;
    total.fn += score.fn;
  }
  return into;
}

/** Precision, recall and F1; a field with nothing to find and nothing found scores 1. */
export function measures(score: FieldScore): { precision: number; recall: number; f1: number } {
  const precision = score.tp + score.fp === 0 ? 1 : score.tp / (score.tp + score.fp);
  const recall = score.tp + score.fn === 0 ? 1 : score.tp / (score.tp + score.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * Every gold file under `root` (any depth) with the inputs beside it: `<name>.txt`,
 * `<name>.pdf`, `<name>.docx`, `<name>.html`, and the same document printed by other programs,
 * `<name>.<producer>.pdf`.
 */
export async function goldInputs(root: string): Promise<Array<{ goldPath: string; inputs: string[] }>> {
  const goldPaths = await fg('**/*.expected.json', { cwd: root, absolute: true });
  return goldPaths.sort().map((goldPath) => {
    const base = goldPath.replace(/\.expected\.json$/, '');
    const producers = fg.sync(`${fg.escapePath(basename(base))}.*.pdf`, { cwd: dirname(base), absolute: true }).sort();
    return { goldPath, inputs: [...['.txt', '.pdf', '.docx', '.html'].map((ext) => base + ext).filter((path) => existsSync(path)), ...producers] };
  });
}

/** Runs the pipeline over every gold fixture under `root` (those `select` keeps) and scores it. */
export async function evaluate(root: string, select: (goldPath: string) => boolean = () => true): Promise<Evaluation> {
  const documents: DocumentResult[] = [];
  for (const { goldPath, inputs } of (await goldInputs(root)).filter((g) => select(g.goldPath))) {
    const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as Gold;
    for (const input of inputs) {
      const result = await processFile(input);
      const record = result.ok ? result.value : null;
      documents.push({ input: relative(root, input), error: result.ok ? null : `${result.error.code}: ${result.error.message}`, ...scoreRecord(record, gold) });
    }
  }
  return { documents, totals: documents.reduce((totals, d) => addScores(totals, d.scores), {} as FieldScores) };
}

/** The table of field, TP, FP, FN, P, R, F1, with the micro-averaged total last. */
export function formatTable(totals: FieldScores): string {
  const fields = Object.keys(totals).sort();
  const all = fields.reduce((sum, field) => addScores(sum, { all: totals[field] }), {} as FieldScores).all ?? { tp: 0, fp: 0, fn: 0 };
  const rows = [...fields.map((field) => [field, totals[field]] as const), ['(all fields)', all] as const].map(([field, score]) => {
    const { precision, recall, f1 } = measures(score);
    return [field, String(score.tp), String(score.fp), String(score.fn), precision.toFixed(3), recall.toFixed(3), f1.toFixed(3)];
  });
  const header = ['field', 'TP', 'FP', 'FN', 'P', 'R', 'F1'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** One line per input: its F1 over all fields, and how many values it got right of how many. */
export function formatInputs(documents: DocumentResult[]): string {
  const width = Math.max(...documents.map((d) => d.input.length));
  return documents
    .map((d) => {
      const all = addScores({}, { all: Object.values(d.scores).reduce((sum, s) => ({ tp: sum.tp + s.tp, fp: sum.fp + s.fp, fn: sum.fn + s.fn }), { tp: 0, fp: 0, fn: 0 }) }).all;
      return `${d.input.padEnd(width)}  F1 ${measures(all).f1.toFixed(3)}  (${all.tp} right, ${all.fp} wrong or extra, ${all.fn} missed)${d.error ? `  ${d.error}` : ''}`;
    })
    .join('\n');
}

/** What went wrong, document by document: for a failing test or a curious reader. */
export function formatMisses(documents: DocumentResult[]): string {
  return documents
    .flatMap((d) => [
      ...(d.error ? [`${d.input}: ${d.error}`] : []),
      ...Object.entries(d.misses).map(([field, m]) => `${d.input} ${field}: missing ${m.missing.join(', ') || '-'}; extra ${m.extra.join(', ') || '-'}`),
    ])
    .join('\n');
}
