/**
 * Notice features (SPEC "Notice features"): what a policy team compares across councils, read
 * by the declarative rules in `pipelines/<kind>/features.json`. A rule says a thing in parts
 * (an actor, a verb, an object) found in order in one sentence, with room for the words people
 * put between them, so that "the Department's Improvement Adviser will chair the Board" and "a
 * Board chaired by a DfE-appointed adviser" are one reading; a negated sentence ("will not be
 * represented") gives the feature's negated value. Every value keeps as evidence the clause and
 * the words that decided it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { pipelineFile } from '../paths.js';
import type { CadenceEntity, Clause, DocumentKind, Evidence, Features } from '../record.js';
import { lastIndexAtMost } from './spans.js';
import type { Range, TextIndex } from './text-index.js';

const FeatureValue = z.union([z.string(), z.boolean(), z.null()]);
const Says = {
  says: z.array(z.string()).min(1),
  gap: z.number().int().positive().default(12),
  within: z.enum(['sentence', 'clause']).default('sentence'),
};
const Rule = z.union([z.object({ ...Says, value: FeatureValue }).strict(), z.object({ ...Says, cadence: z.literal(true) }).strict()]);
/** `about` finds the sentence a feature left at `otherwise` is about, for its evidence: the board, the reviews. */
const FeatureRule = z.object({ about: z.string(), rules: z.array(Rule), negated: FeatureValue, otherwise: FeatureValue });
const FeatureRules = z.object({ terms: z.record(z.string(), z.string()).default({}), features: z.record(z.string(), FeatureRule) });
type FeatureRules = z.infer<typeof FeatureRules>;
type Rule = z.infer<typeof Rule>;

const rulesByKind = new Map<string, FeatureRules | null>();

function rulesFor(kind: DocumentKind): FeatureRules | null {
  if (!rulesByKind.has(kind)) {
    const path = pipelineFile(kind, 'features.json');
    rulesByKind.set(kind, existsSync(path) ? FeatureRules.parse(JSON.parse(readFileSync(path, 'utf8'))) : null);
  }
  return rulesByKind.get(kind) ?? null;
}

/** A rule part as a regular expression: case-insensitive, a space matching any white space, `{TERM}` its term. */
export function rulePattern(source: string, terms: Record<string, string> = {}): RegExp {
  const expanded = source.replace(/\{([A-Z_]+)\}/g, (_, name: string) => {
    if (!(name in terms)) throw new Error(`features.json: no term ${name}`);
    return terms[name];
  });
  return new RegExp(expanded.replace(/ /g, '\\s+'), 'gi');
}

/**
 * Words that deny what the parts say, between them or just before the first: "will not be
 * represented", "fall outside the scope of the reviews", "the assessment is the Council's
 * alone; the Adviser will seek the partners' views separately". "Not limited
 * to", "not exclusive to" and "not only" widen a list rather than deny it.
 */
const NEGATOR = /\b(?:not|never|no(?!\s+(?:later|less|more|sooner)\s+than)|cannot|neither|nor|exclud\w*|except|outside|without|separately|alone)\b|n't\b/gi;
const WIDENING = /^not\s+(?:limited|exclusive|restricted|confined|only|least)\b/i;
/** How far before the first part a negation still governs it ("decided not to appoint"). */
const NEGATION_REACH = 25;

function negated(text: string, from: number, to: number): boolean {
  for (const m of text.slice(from, to).matchAll(NEGATOR)) {
    if (!WIDENING.test(text.slice(from + m.index, from + m.index + 30))) return true;
  }
  return false;
}

const wordsBetween = (text: string) => (text.match(/\S+/g) ?? []).length;

/** The parts found in order in `text[passage]`, each within `gap` words of the one before: their ranges, or null. */
function findParts(text: string, passage: Range, parts: RegExp[], gap: number, from = passage.start, earlier: Range[] = []): Range[] | null {
  if (earlier.length === parts.length) return earlier;
  const pattern = parts[earlier.length];
  pattern.lastIndex = 0;
  const scope = text.slice(from, passage.end);
  for (const m of scope.matchAll(pattern)) {
    if (m[0] === '') continue;
    const at = { start: from + m.index, end: from + m.index + m[0].length };
    if (earlier.length > 0 && wordsBetween(text.slice(from, at.start)) > gap) break;
    const found = findParts(text, passage, parts, gap, at.end, [...earlier, at]);
    if (found) return found;
  }
  return null;
}

/**
 * The passages (in order) in which the first part occurs: one scan of the text for it, rather
 * than one per passage for every rule.
 */
function passagesWith(text: string, passages: readonly Range[], first: RegExp): Range[] {
  first.lastIndex = 0;
  const holding = new Set<Range>();
  for (const m of text.matchAll(first)) {
    const passage = passages[lastIndexAtMost(passages, (range) => range.start, m.index)];
    if (passage && m.index < passage.end) holding.add(passage);
  }
  return passages.filter((passage) => holding.has(passage));
}

/** A numbered clause and its sub-clauses, as one passage: a lead-in and the list it introduces. */
function clausePassages(clauses: Clause[]): Range[] {
  return clauses.filter((c) => c.parent === null).map((c) => {
    const family = clauses.filter((d) => d.id === c.id || d.id.startsWith(`${c.id}.`));
    return { start: c.span.start, end: Math.max(...family.map((d) => d.span.end)) };
  });
}

interface Decided {
  value: string | boolean | null;
  evidence: Evidence;
}

function decide(index: TextIndex, rules: FeatureRules, feature: z.infer<typeof FeatureRule>, cadences: CadenceEntity[], passages: Record<Rule['within'], Range[]>): Decided | null {
  const text = index.text;
  for (const rule of feature.rules) {
    const parts = rule.says.map((part) => rulePattern(part, rules.terms));
    for (const passage of passagesWith(text, passages[rule.within], parts[0])) {
      const found = findParts(text, passage, parts, rule.gap);
      if (!found) continue;
      const said = { start: found[0].start, end: found[found.length - 1].end };
      // Evidence stays inside one clause: across a lead-in and its list, the words that decided it are the last part's.
      const clause = index.clauseAt({ start: said.start, end: said.start + 1 });
      const decisive = !clause || clause.span.end >= said.end ? said : found[found.length - 1];
      if (negated(text, Math.max(passage.start, said.start - NEGATION_REACH), said.end)) return { value: feature.negated, evidence: index.evidence(decisive) };
      if ('value' in rule) return { value: rule.value, evidence: index.evidence(decisive) };
      // The cadence of what the parts say recurs: the first after them ("will report to the
      // Department on a quarterly basis"), else the nearest before ("bi-annual reviews").
      const inPassage = cadences.filter((c) => c.span.start >= passage.start && c.span.end <= passage.end);
      const nearest = inPassage.find((c) => c.span.start >= said.end) ?? inPassage.filter((c) => c.span.end <= said.start).pop() ?? inPassage[0];
      if (nearest) return { value: nearest.every, evidence: index.evidence(nearest.span) };
    }
  }
  // Nothing says it: the sentence the feature is about, where there is one, shows what was read.
  const about = rulePattern(feature.about, rules.terms);
  const sentence = passagesWith(text, passages.sentence, about).find((range) => index.clauseAt({ start: range.start, end: range.start + 1 }) !== null);
  if (!sentence) return null;
  index.note('features', 'feature_otherwise', `no rule reads a value in the sentences about it, so ${JSON.stringify(feature.otherwise)}`, sentence);
  return { value: feature.otherwise, evidence: index.evidence(sentence) };
}

export function recogniseFeatures(index: TextIndex, kind: DocumentKind, cadences: CadenceEntity[]): { features: Features; feature_evidence: Record<string, Evidence> } {
  const rules = rulesFor(kind);
  if (!rules) return { features: {}, feature_evidence: {} };
  const features: Record<string, string | boolean | null> = {};
  const feature_evidence: Record<string, Evidence> = {};
  const passages = { sentence: index.sentences, clause: clausePassages(index.segmented.clauses) };
  for (const [name, feature] of Object.entries(rules.features)) {
    const decided = decide(index, rules, feature, cadences, passages);
    features[name] = decided ? decided.value : feature.otherwise;
    if (decided) feature_evidence[name] = decided.evidence;
    else index.note('features', 'feature_not_stated', `${name}: no sentence is about it, so ${JSON.stringify(feature.otherwise)}`);
  }
  return { features: features as Features, feature_evidence };
}
