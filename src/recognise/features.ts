/**
 * Notice features (SPEC "Notice features"): what a policy team compares across councils, decided
 * from the clauses by the declarative rules in `pipelines/<kind>/features.json`. Clauses are
 * chosen by content, never by number, because numbering varies between notices; every value
 * keeps as evidence the clause and the words that decided it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { pageAt, type NormalisedDocument } from '../normalise/index.js';
import { pipelineFile } from '../paths.js';
import type { Clause, DocumentKind, Evidence, Features, Segmented } from '../record.js';


const FeatureValue = z.union([z.string(), z.boolean(), z.null()]);
const Rule = z.union([
  z.object({ match: z.string(), value: FeatureValue }),
  z.object({ cadence: z.literal(true) }),
]);
const FeatureRule = z.object({
  scope: z.string(),
  include_subclauses: z.boolean().default(false),
  rules: z.array(Rule),
  otherwise: FeatureValue,
});
const CadenceVocabulary = z.object({
  numbers: z.record(z.string(), z.number().int().positive()),
  units: z.record(z.string(), z.enum(['D', 'W', 'M', 'Y'])),
  words: z.record(z.string(), z.string()),
});
export type CadenceVocabulary = z.infer<typeof CadenceVocabulary>;
const FeatureRules = z.object({ cadence: CadenceVocabulary, features: z.record(z.string(), FeatureRule) });
type FeatureRules = z.infer<typeof FeatureRules>;

const rulesByKind = new Map<string, FeatureRules | null>();

function rulesFor(kind: DocumentKind): FeatureRules | null {
  if (!rulesByKind.has(kind)) {
    const path = pipelineFile(kind, 'features.json');
    rulesByKind.set(kind, existsSync(path) ? FeatureRules.parse(JSON.parse(readFileSync(path, 'utf8'))) : null);
  }
  return rulesByKind.get(kind) ?? null;
}

/** A rule pattern as a regular expression: case-insensitive, a space matching any white space. */
export function rulePattern(source: string): RegExp {
  return new RegExp(source.replace(/ /g, '\\s+'), 'gi');
}

const alternation = (words: string[]) =>
  words
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[-]/g, '[- ]?'))
    .join('|');

/** The regular expression of a cadence ("every six months", "6 weekly", "monthly"). */
export function cadencePattern(vocabulary: CadenceVocabulary): RegExp {
  const number = `(\\d+|${alternation(Object.keys(vocabulary.numbers))})`;
  const unit = `(${alternation(Object.keys(vocabulary.units))})`;
  return new RegExp(
    `\\b(?:(?:every|each)\\s+(?:${number}\\s+)?${unit}s?|${number}[- ]?${unit}ly|(${alternation(Object.keys(vocabulary.words))}))\\b`,
    'gi',
  );
}

/** The ISO duration a cadence expression stands for. */
export function cadenceValue(match: RegExpExecArray, vocabulary: CadenceVocabulary): string | null {
  const [, everyCount, everyUnit, count, unit, word] = match;
  const key = (s: string) => s.toLowerCase().replace(/\s+/g, '-');
  if (word !== undefined) {
    const entry = Object.entries(vocabulary.words).find(([w]) => key(w).replace(/-/g, '') === key(word).replace(/-/g, ''));
    return entry?.[1] ?? null;
  }
  const n = everyCount ?? count;
  const amount = n === undefined ? 1 : /^\d+$/.test(n) ? Number(n) : vocabulary.numbers[key(n)];
  const letter = vocabulary.units[(everyUnit ?? unit).toLowerCase()];
  return amount && letter ? `P${amount}${letter}` : null;
}

interface Found {
  value: string | boolean | null;
  evidence: Evidence;
}

/** The innermost clause whose span holds an offset: a match is credited to the sub-clause it is in. */
function clauseAt(clauses: Clause[], offset: number): Clause | undefined {
  return clauses
    .filter((c) => c.span.start <= offset && offset < c.span.end)
    .sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start))[0];
}

function descendantsOf(clauses: Clause[], ids: Set<string>): Clause[] {
  const found = new Set(ids);
  for (const clause of clauses) if (clause.parent !== null && found.has(clause.parent)) found.add(clause.id);
  return clauses.filter((c) => found.has(c.id));
}

function decide(doc: NormalisedDocument, clauses: Clause[], rule: z.infer<typeof FeatureRule>, vocabulary: CadenceVocabulary): Found | null {
  const evidenceAt = (start: number, end: number): Evidence => ({
    clause: clauseAt(clauses, start)?.id ?? null,
    span: { page: pageAt(doc, start), start, end },
    text: doc.text.slice(start, end),
  });
  const clauseText = (c: Clause) => doc.text.slice(c.span.start, c.span.end);
  const scopePattern = rulePattern(rule.scope);
  const selected = clauses.filter((c) => {
    scopePattern.lastIndex = 0;
    return scopePattern.test(clauseText(c));
  });
  const scope = rule.include_subclauses ? descendantsOf(clauses, new Set(selected.map((c) => c.id))) : selected;
  if (scope.length === 0) return null;
  for (const r of rule.rules) {
    const pattern = 'cadence' in r ? cadencePattern(vocabulary) : rulePattern(r.match);
    for (const clause of scope) {
      pattern.lastIndex = 0;
      const match = pattern.exec(clauseText(clause));
      if (!match) continue;
      const value = 'cadence' in r ? cadenceValue(match, vocabulary) : r.value;
      if ('cadence' in r && value === null) continue;
      const start = clause.span.start + match.index;
      return { value, evidence: evidenceAt(start, start + match[0].length) };
    }
  }
  return { value: rule.otherwise, evidence: { ...evidenceAt(scope[0].span.start, scope[0].span.end), clause: scope[0].id } };
}

export function recogniseFeatures(
  doc: NormalisedDocument,
  segmented: Segmented,
  kind: DocumentKind,
): { features: Features; feature_evidence: Record<string, Evidence> } {
  const rules = rulesFor(kind);
  if (!rules) return { features: {}, feature_evidence: {} };
  const features: Record<string, string | boolean | null> = {};
  const feature_evidence: Record<string, Evidence> = {};
  for (const [name, rule] of Object.entries(rules.features)) {
    const found = decide(doc, segmented.clauses, rule, rules.cadence);
    features[name] = found ? found.value : rule.otherwise;
    if (found) feature_evidence[name] = found.evidence;
  }
  return { features: features as Features, feature_evidence };
}
