/**
 * The views derived from the registry of kinds (src/registry.ts), made again each time a corpus
 * is opened for writing so they always say what the declarations say:
 *
 * - one summary view per kind (`notice_summary` for notices, else `<kind>_summary`): each
 *   distinct document of the kind once (its PDF and text are one, as `distinct_documents`
 *   counts them), a column per declared fact, the kind's measures (months between two of its
 *   dates) and, for notices, the features;
 * - `council_lifecycle`: every declared lifecycle event (a date fact with an `event`) of every
 *   kind, per council in date order, each with its document, clause and span. A council's
 *   intervention reads down it: inspection, report published, notice issued, plan, visits,
 *   re-inspection, notice lifted or direction.
 *
 * These are the one definition of what is derived from the facts: `compare`, the report and
 * the exports read them rather than computing the same again from the records.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { REGISTRY, type KindDeclaration } from '../registry.js';

/** The only table of features: the notices'. A kind declaring features needs a table of its own first. */
const FEATURES_TABLE: Record<string, string> = { improvement_notice: 'notice_features' };

const quoted = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** The summary view's name for a kind. */
export function summaryViewName(kind: KindDeclaration): string {
  return kind.summary ?? `${kind.kind}_summary`;
}

/** Months of 365.25/12 days between two dates, to one decimal, as `notices compare` has always counted them. */
const monthsBetween = (from: string, to: string): string => `ROUND((julianday(${quoted(to)}) - julianday(${quoted(from)})) / (365.25 / 12), 1)`;

function summaryView(kind: KindDeclaration): string {
  const featuresTable = Object.keys(kind.features).length > 0 ? FEATURES_TABLE[kind.kind] : undefined;
  if (Object.keys(kind.features).length > 0 && !featuresTable) throw new Error(`${kind.kind} declares features, and the corpus has no table for them`);
  const facts = Object.keys(kind.facts).map(
    (name) => `(SELECT f.value FROM facts f WHERE f.document_id = d.document_id AND f.name = ${literal(name)}) AS ${quoted(name)}`,
  );
  const measures = Object.entries(kind.measures).map(([name, measure]) => `${monthsBetween(measure.months_between[0], measure.months_between[1])} AS ${quoted(name)}`);
  const features = Object.keys(kind.features).map((name) => `nf.${quoted(name)}`);
  return `
  WITH of_kind AS (
    SELECT d.document_id, d.council_name, d.council_gss, d.content_key, d.copies, d.paths,
      ${facts.join(',\n      ')}
    FROM distinct_documents d WHERE d.kind = ${literal(kind.kind)}
  )
  SELECT of_kind.document_id, of_kind.council_name AS council, of_kind.council_gss AS gss,
    ${[...Object.keys(kind.facts).map((name) => `of_kind.${quoted(name)}`), ...measures, ...features, 'of_kind.content_key', 'of_kind.copies', 'of_kind.paths'].join(',\n    ')}
  FROM of_kind${featuresTable ? ` LEFT JOIN ${featuresTable} nf ON nf.document_id = of_kind.document_id` : ''}`;
}

/** Every (kind, fact) that is a lifecycle event, with its name. */
function lifecycleEvents(registry: readonly KindDeclaration[]): Array<{ kind: string; fact: string; event: string }> {
  return registry.flatMap((kind) =>
    Object.entries(kind.facts).flatMap(([fact, declared]) => (declared.event ? [{ kind: kind.kind, fact, event: declared.event }] : [])),
  );
}

function lifecycleView(registry: readonly KindDeclaration[]): string {
  const events = lifecycleEvents(registry);
  const cases = events.map((e) => `WHEN ${literal(`${e.kind}.${e.fact}`)} THEN ${literal(e.event)}`).join(' ');
  return `
  SELECT d.council_name AS council, d.council_gss AS gss, f.value AS date,
    CASE d.kind || '.' || f.name ${cases} END AS event,
    d.kind, f.name AS fact, d.document_id, d.title, f.clause, f.page, f.start, f."end"
  FROM facts f
  JOIN distinct_documents d ON d.document_id = f.document_id
  WHERE f.value IS NOT NULL AND (d.kind || '.' || f.name) IN (${events.map((e) => literal(`${e.kind}.${e.fact}`)).join(', ')})
  ORDER BY d.council_gss, f.value, d.document_id, f.name`;
}

/**
 * Gives each features table a column for every feature its kind declares that it lacks (a
 * feature added to features.json); the table itself was made by the first migration.
 */
export function addDeclaredFeatureColumns(db: Database, registry: readonly KindDeclaration[] = REGISTRY): void {
  for (const kind of registry) {
    const table = FEATURES_TABLE[kind.kind];
    if (!table) continue;
    const present = new Set(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]);
    for (const [name, feature] of Object.entries(kind.features)) {
      if (present.has(name)) continue;
      const type = feature.type === 'boolean' ? 'INTEGER' : 'TEXT';
      db.exec(`ALTER TABLE ${table} ADD COLUMN ${quoted(name)} ${type}`);
    }
  }
}

/** The derived views by name, from the registry. */
export function derivedViews(registry: readonly KindDeclaration[] = REGISTRY): Map<string, string> {
  return new Map([...registry.map((kind) => [summaryViewName(kind), summaryView(kind)] as const), ['council_lifecycle', lifecycleView(registry)]]);
}

/** A digest of the derived views' definitions, kept in `_metadata` to tell when a corpus's views are from other declarations. */
export function derivedViewsDigest(registry: readonly KindDeclaration[] = REGISTRY): string {
  return createHash('sha256').update(JSON.stringify([...derivedViews(registry)])).digest('hex').slice(0, 16);
}

/** Makes the derived views again, in one transaction. */
export function createDerivedViews(db: Database, registry: readonly KindDeclaration[] = REGISTRY): void {
  db.transaction(() => {
    for (const [name, sql] of derivedViews(registry)) {
      db.exec(`DROP VIEW IF EXISTS ${quoted(name)}`);
      db.exec(`CREATE VIEW ${quoted(name)} AS ${sql}`);
    }
  })();
}
