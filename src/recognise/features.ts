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
import type { CadenceEntity, Clause, DocumentKind, Evidence, Features, Segmented } from '../record.js';
import { clauseHolding } from '../segment/index.js';
import { recogniseCadences } from './cadences.js';


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
const FeatureRules = z.object({ features: z.record(z.string(), FeatureRule) });
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

interface Found {
  value: string | boolean | null;
  evidence: Evidence;
}


function descendantsOf(clauses: Clause[], ids: Set<string>): Clause[] {
  const found = new Set(ids);
  for (const clause of clauses) if (clause.parent !== null && found.has(clause.parent)) found.add(clause.id);
  return clauses.filter((c) => found.has(c.id));
}

function decide(doc: NormalisedDocument, clauses: Clause[], rule: z.infer<typeof FeatureRule>, cadences: CadenceEntity[]): Found | null {
  const evidenceAt = (start: number, end: number): Evidence => ({
    clause: clauseHolding(clauses, { start, end: start + 1 })?.id ?? null,
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
    for (const clause of scope) {
      if ('cadence' in r) {
        // The cadence recogniser's reading of the first cadence the clause holds.
        const cadence = cadences.find((c) => c.span.start >= clause.span.start && c.span.end <= clause.span.end);
        if (cadence) return { value: cadence.every, evidence: evidenceAt(cadence.span.start, cadence.span.end) };
        continue;
      }
      const pattern = rulePattern(r.match);
      const match = pattern.exec(clauseText(clause));
      if (!match) continue;
      const start = clause.span.start + match.index;
      return { value: r.value, evidence: evidenceAt(start, start + match[0].length) };
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
  const cadences = recogniseCadences(doc);
  for (const [name, rule] of Object.entries(rules.features)) {
    const found = decide(doc, segmented.clauses, rule, cadences);
    features[name] = found ? found.value : rule.otherwise;
    if (found) feature_evidence[name] = found.evidence;
  }
  return { features: features as Features, feature_evidence };
}
