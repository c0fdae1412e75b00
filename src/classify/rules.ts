/**
 * The evidence the classifier weighs, declared per kind in pipelines/<kind>/kind.json: each rule
 * a pattern over the normalised text (one paragraph per line, so `^…$` with the `m` flag is one
 * paragraph), or the kind of body that published the document, and a weight for the kind or
 * against it. Strong, form-specific signals (a header-table row, the notice's issuing sentence)
 * weigh most; vocabulary that other kinds also use weighs little.
 */
import { WRITTEN_DATE } from '../normalise/calendar.js';
import type { DocumentKind } from '../record.js';
import { readFileSync } from 'node:fs';
import { projectPath } from '../paths.js';
import { REGISTRY, type PublisherType } from '../registry.js';

export interface ClassificationRule {
  kind: DocumentKind;
  rule: string;
  weight: number;
  /** The text's words, or null for a rule on the publisher. */
  pattern: RegExp | null;
  /** How many times the pattern must match. */
  count: number;
  /** Count only the document's own words, not the quotations it carries. */
  outsideQuotes: boolean;
  publisher: PublisherType | null;
}

/** What parts a label from its value in a header: a colon, a tab, or a dash between spaces ("Report title — …"). */
const SEP = String.raw`(?:\s*:\s*|\t|\s+[-\u2013\u2014]\s+)`;
/** A date as a header writes it: "14 November 2024", "14th Nov 2024", "14/11/2024". */
const DATE = `(?:${WRITTEN_DATE})`;

/**
 * Named parts a rule's pattern may use: `{DATE}` and `{SEP}`, and the patterns several kinds'
 * rules share, declared once in pipelines/evidence-terms.json (`{BYLINE}`, `{ATTACHMENT}`, …).
 */
const SHARED_TERMS = JSON.parse(readFileSync(projectPath('pipelines/evidence-terms.json'), 'utf8')) as Record<string, { pattern: string } | string>;
const TERMS: Record<string, string> = {
  DATE,
  SEP,
  ...Object.fromEntries(Object.entries(SHARED_TERMS).flatMap(([name, term]) => (typeof term === 'string' ? [] : [[name, term.pattern]]))),
};

/** A shared evidence term's pattern source, for a recogniser that reads the same thing. */
export function evidenceTerm(name: string): string {
  if (!(name in TERMS)) throw new Error(`no evidence term ${name}`);
  return TERMS[name];
}

function expand(source: string): string {
  return source.replace(/\{([A-Z]+)\}/g, (_, name: string) => {
    if (!(name in TERMS)) throw new Error(`kind.json evidence: no term ${name}`);
    return TERMS[name];
  });
}

/** Every kind's evidence rules as its declaration gives them (pipelines/<kind>/kind.json), compiled once. */
export const CLASSIFICATION_RULES: ClassificationRule[] = REGISTRY.flatMap((kind) =>
  kind.evidence.map((rule) => {
    const flags = rule.count > 1 && !rule.flags.includes('g') ? `${rule.flags}g` : rule.flags;
    return {
      kind: kind.kind,
      rule: rule.rule,
      weight: rule.weight,
      pattern: rule.pattern === undefined ? null : new RegExp(expand(rule.pattern), flags),
      count: rule.count,
      outsideQuotes: rule.outside_quotes,
      publisher: rule.publisher ?? null,
    };
  }),
);

/** A kind needs at least this score to be chosen at all. */
export const MIN_SCORE = 3;
/** And must lead the runner-up by this factor; otherwise the document is `other`. */
export const MIN_LEAD = 1.5;
/** A kind chosen with less than this score, or less than twice the runner-up's, is chosen on weak evidence, and the record says so. */
export const FIRM_SCORE = 5;
