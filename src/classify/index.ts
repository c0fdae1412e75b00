/**
 * The classify stage: which kind of document this is, with the evidence for it.
 *
 * A reader weighs the whole document: its form (a judgement table, a decision record's labelled
 * fields, a gov.uk page's attachment lines), its voice (the publisher's own "we" outside the
 * quotations it carries, or third-person reporting), its datelines and by-lines, and who
 * published it (src/classify/publisher.ts). Every rule in `rules.ts` that holds adds its weight,
 * for its kind or against it, once (the first match is kept as evidence). The kind with the
 * highest score wins only if it scores enough and clearly leads the runner-up; a document that
 * matches nothing clearly is `other`, never a guess, and a kind chosen or refused on weak
 * evidence says so in the record's messages.
 */
import type { Classification, ClassificationEvidence, DocumentKind, Message, Span } from '../record.js';
import { spanOf, type NormalisedDocument } from '../normalise/index.js';
import { REGISTRY } from '../registry.js';
import { findPublisher } from './publisher.js';
import { CLASSIFICATION_RULES, FIRM_SCORE, MIN_LEAD, MIN_SCORE, type ClassificationRule } from './rules.js';

const ABOUT = new Map(
  REGISTRY.flatMap((kind) =>
    kind.about ? [[kind.kind, { pattern: new RegExp(kind.about.pattern, 'i'), within: kind.about.within, item: kind.about.item ? new RegExp(kind.about.item, 'im') : null }] as const] : [],
  ),
);

/**
 * The text with every quotation blanked out (same length, so offsets hold): what the document
 * says in its own voice. A quotation runs from a double quote to the next on its line, or to the
 * line's end where it is not closed there (a quoted paragraph that goes on in the next one).
 */
export function ownWords(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let out = '';
      let open = -1;
      for (let i = 0; i < line.length; i++) {
        if (line[i] !== '"') {
          if (open < 0) out += line[i];
          continue;
        }
        if (open < 0) open = i;
        else {
          out += ' '.repeat(i - open + 1);
          open = -1;
        }
      }
      return open < 0 ? out : out + ' '.repeat(line.length - open);
    })
    .join('\n');
}

/** Where a rule holds: the span of its first match (or of the publisher's name), or undefined where it does not. */
function holds(rule: ClassificationRule, text: string, own: string, publisher: ReturnType<typeof findPublisher>, doc: NormalisedDocument): Span | null | undefined {
  if (rule.publisher) return publisher?.type === rule.publisher ? publisher.span : undefined;
  const pattern = rule.pattern as RegExp;
  const searched = rule.outsideQuotes ? own : text;
  if (rule.count === 1) {
    const match = pattern.exec(searched);
    return match ? spanOf(doc, match.index, match.index + match[0].length) : undefined;
  }
  const matches = [...searched.matchAll(pattern)];
  return matches.length >= rule.count ? spanOf(doc, matches[0].index, matches[0].index + matches[0][0].length) : undefined;
}

const note = (code: string, message: string): Message => ({ source: 'classify', code, message, span: null });

export function classify(doc: NormalisedDocument): Classification {
  const evidence: ClassificationEvidence[] = [];
  const scores = new Map<DocumentKind, number>();
  const publisher = findPublisher(doc);
  const own = ownWords(doc.text);
  for (const rule of CLASSIFICATION_RULES) {
    const span = holds(rule, doc.text, own, publisher, doc);
    if (span === undefined) continue;
    evidence.push({ kind: rule.kind, rule: rule.rule, weight: rule.weight, span });
    scores.set(rule.kind, (scores.get(rule.kind) ?? 0) + rule.weight);
  }
  const messages: Message[] = [];
  // A kind whose declaration says what its documents are about counts only where the opening is.
  for (const [kind, score] of scores) {
    const about = ABOUT.get(kind);
    if (!about || about.pattern.test(doc.text.slice(0, about.within)) || about.item?.test(doc.text)) continue;
    scores.delete(kind);
    if (score >= MIN_SCORE) messages.push(note('kind_not_about', `${kind} scored ${score}, but its opening is not about children's services`));
  }
  const ranked = [...scores.entries()].filter(([, score]) => score > 0).sort((a, b) => b[1] - a[1]);
  const [best, runnerUp] = ranked;
  const clear = best !== undefined && best[1] >= MIN_SCORE && best[1] >= MIN_LEAD * (runnerUp?.[1] ?? 0);
  const scored = (entry: [string, number] | undefined) => (entry ? `${entry[0]} ${entry[1]}` : 'nothing');
  if (!clear && best) {
    messages.push(note('kind_unclear', `no kind has clear evidence (${scored(best)}, then ${scored(runnerUp)}; a kind needs ${MIN_SCORE} and ${MIN_LEAD} times the next)`));
  } else if (clear && (best[1] < FIRM_SCORE || best[1] < 2 * (runnerUp?.[1] ?? 0))) {
    messages.push(note('kind_weak', `${best[0]} on weak evidence (${scored(best)}, then ${scored(runnerUp)})`));
  }
  return { kind: clear ? best[0] : 'other', evidence, publisher: publisher?.publisher ?? null, messages };
}
