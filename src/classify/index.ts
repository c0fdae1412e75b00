/**
 * The classify stage: which kind of document this is, with the evidence for it.
 *
 * Every rule in `rules.ts` that matches adds its weight to its kind once (the first match is
 * kept as evidence). The kind with the highest score wins only if it scores enough and clearly
 * leads the runner-up; a document that matches nothing clearly is `other`, never a guess.
 */
import type { Classification, ClassificationEvidence, DocumentKind } from '../record.js';
import { spanOf, type NormalisedDocument } from '../normalise/index.js';
import { REGISTRY } from '../registry.js';
import { CLASSIFICATION_RULES, MIN_LEAD, MIN_SCORE } from './rules.js';

const ABOUT = new Map(REGISTRY.flatMap((kind) => (kind.about ? [[kind.kind, { pattern: new RegExp(kind.about.pattern, 'i'), within: kind.about.within }] as const] : [])));

export function classify(doc: NormalisedDocument): Classification {
  const evidence: ClassificationEvidence[] = [];
  const scores = new Map<DocumentKind, number>();
  for (const { kind, rule, weight, pattern } of CLASSIFICATION_RULES) {
    const match = pattern.exec(doc.text);
    if (!match) continue;
    evidence.push({ kind, rule, weight, span: spanOf(doc, match.index, match.index + match[0].length) });
    scores.set(kind, (scores.get(kind) ?? 0) + weight);
  }
  // A kind whose declaration says what its documents are about counts only where the opening is.
  for (const kind of scores.keys()) {
    const about = ABOUT.get(kind);
    if (about && !about.pattern.test(doc.text.slice(0, about.within))) scores.delete(kind);
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [best, runnerUp] = ranked;
  const clear = best !== undefined && best[1] >= MIN_SCORE && best[1] >= MIN_LEAD * (runnerUp?.[1] ?? 0);
  return { kind: clear ? best[0] : 'other', evidence };
}
