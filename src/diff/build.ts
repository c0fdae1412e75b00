/**
 * Deriving a template from a set of notices of one generation, so that a new generation of the
 * notice is added by building a file, not by writing code. The newest notice gives the clause
 * structure; every clause takes the wording most of the notices share (compared with parameters
 * masked, case and end-of-item punctuation ignored; ties go to the newest notice), and the
 * parameters the recognisers found (council, dates, deadline) become `{{placeholders}}`.
 */
import { NoticeFeatures, stringValue, type DocumentRecord } from '../record.js';
import { align } from './align.js';
import { comparable, maskClauses, parameterDefinitions, placeholdersIn, Template, type TemplateClause } from './template.js';

export interface BuildOptions {
  /** The template's name; by default `<kind>-<year of the earliest notice>`. */
  name?: string;
}

/** The value most of the candidates share under a key; the earliest candidate wins a tie. */
function majority<T>(candidates: T[], key: (value: T) => string): T {
  const groups = new Map<string, T[]>();
  for (const c of candidates) {
    const k = key(c);
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  let winner: T[] = [];
  for (const group of groups.values()) if (group.length > winner.length) winner = group;
  return winner[0];
}

const issued = (r: DocumentRecord) => stringValue(r.facts, 'issued') ?? '';

export function buildTemplate(records: DocumentRecord[], options: BuildOptions = {}): Template {
  if (records.length === 0) throw new Error('a template needs at least one notice');
  const kind = records[0].kind;
  const definitions = parameterDefinitions(kind);
  // Newest first: it gives the structure and wins ties.
  const notices = [...records].sort((a, b) => issued(b).localeCompare(issued(a)));
  const masked = notices.map((r) => maskClauses(r, definitions));
  const key = (text: string) => comparable(text, definitions).toLowerCase();
  const [skeleton] = masked;

  // For each skeleton clause, its counterpart in every notice that has one.
  const counterparts = new Map(skeleton.map((m) => [m.clause.id, [{ text: m.text, heading: m.clause.heading }]]));
  for (const other of masked.slice(1)) {
    const groups = align(
      skeleton.map((m) => ({ id: m.clause.id, text: comparable(m.text, definitions) })),
      other.map((m) => ({ id: m.clause.id, text: comparable(m.text, definitions) })),
    );
    const byId = new Map(other.map((m) => [m.clause.id, m]));
    for (const group of groups) {
      if (group.template.length !== 1 || group.notice.length === 0) continue;
      const parts = group.notice.map((id) => byId.get(id)!);
      counterparts.get(group.template[0])!.push({ text: parts.map((p) => p.text).join(' '), heading: parts[0].clause.heading });
    }
  }

  const clauses: TemplateClause[] = skeleton
    .filter((m) => 2 * counterparts.get(m.clause.id)!.length >= notices.length)
    .map((m) => {
      const versions = counterparts.get(m.clause.id)!;
      return {
        id: m.clause.id,
        parent: m.clause.parent,
        heading: majority(versions, (v) => (v.heading ?? '').toLowerCase()).heading,
        text: majority(versions, (v) => key(v.text)).text,
      };
    });
  const kept = new Set(clauses.map((c) => c.id));

  const featureRecords = notices.filter((r) => Object.keys(r.features).length > 0);
  const features: Record<string, unknown> = {};
  const feature_clauses: Record<string, string | null> = {};
  for (const name of Object.keys(NoticeFeatures.shape)) {
    const value = majority(
      featureRecords.map((r) => (r.features as Record<string, unknown>)[name] ?? null),
      (v) => JSON.stringify(v),
    );
    features[name] = value;
    // The skeleton's clause deciding the feature, where the skeleton has the chosen value.
    const skeletonValue = (notices[0].features as Record<string, unknown>)[name] ?? null;
    const decidedIn = JSON.stringify(skeletonValue) === JSON.stringify(value) ? (notices[0].feature_evidence[name]?.clause ?? null) : null;
    feature_clauses[name] = decidedIn !== null && kept.has(decidedIn) ? decidedIn : null;
  }

  const used = new Set(clauses.flatMap((c) => placeholdersIn(c.text)));
  const earliest = issued(notices[notices.length - 1]).slice(0, 4);
  return Template.parse({
    name: options.name ?? (earliest ? `${kind}-${earliest}` : kind),
    kind,
    built_from: notices.length,
    parameters: definitions.map((d) => d.name).filter((n) => used.has(n)),
    features,
    feature_clauses,
    clauses,
  });
}

/** The template as committed: stable key order, two-space indent, a final newline. */
export function templateJson(template: Template): string {
  return `${JSON.stringify(template, null, 2)}\n`;
}
