/**
 * Aligning a notice's clauses with the template's. Numbering varies between notices (a deleted
 * clause renumbers the rest), so clauses are matched by what they say: a similarity on their
 * words with parameters masked, solved as a monotone assignment in document order by dynamic
 * programming. A template clause may match two consecutive notice clauses (split) and two
 * template clauses one notice clause (merged). Below the threshold a clause is unmatched: the
 * template's is `removed`, the notice's `added`.
 */

export interface AlignableClause {
  id: string;
  /** The masked, comparable text. */
  text: string;
}

/** One step of the alignment: template clauses and notice clauses that say the same thing. */
export interface AlignedGroup {
  template: string[];
  notice: string[];
  /** Similarity of the group's texts, 0 when one side is empty. */
  confidence: number;
}

export interface AlignOptions {
  /** Least similarity for clauses to be paired. */
  threshold?: number;
  /** What a split or merge costs against plain pairs, so that they win only when clearly better. */
  joinPenalty?: number;
}

export const DEFAULT_THRESHOLD = 0.4;
const DEFAULT_JOIN_PENALTY = 0.05;

/** Lower-cased words and placeholders; punctuation is not a token. */
export function tokens(text: string): string[] {
  return text.toLowerCase().match(/\{\{\w+\}\}|[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Dice coefficient of two bags of words: 2·|shared| / (|a| + |b|). */
export function similarity(a: string, b: string): number {
  return dice(bagOf(tokens(a)), bagOf(tokens(b)));
}

/** A bag of words: how often each occurs, and how many there are in all. */
interface Bag {
  counts: Map<string, number>;
  size: number;
}

function bagOf(words: string[]): Bag {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return { counts, size: words.length };
}

function union(a: Bag, b: Bag): Bag {
  const counts = new Map(a.counts);
  for (const [word, n] of b.counts) counts.set(word, (counts.get(word) ?? 0) + n);
  return { counts, size: a.size + b.size };
}

function dice(a: Bag, b: Bag): number {
  if (a.size + b.size === 0) return 1;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [word, n] of small.counts) shared += Math.min(n, large.counts.get(word) ?? 0);
  return (2 * shared) / (a.size + b.size);
}

type Step = { di: number; dj: number; confidence: number };

export function align(template: AlignableClause[], notice: AlignableClause[], options: AlignOptions = {}): AlignedGroup[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const joinPenalty = options.joinPenalty ?? DEFAULT_JOIN_PENALTY;
  const n = template.length;
  const m = notice.length;
  // Each clause, and each run of two, is made a bag of words once: the table below compares
  // every pair.
  const bags = (clauses: AlignableClause[]) => {
    const single = clauses.map((clause) => bagOf(tokens(clause.text)));
    const pairs = single.map((bag, k) => (k > 0 ? union(single[k - 1], bag) : bag));
    return (end: number, count: number) => (count === 1 ? single[end - 1] : pairs[end - 1]);
  };
  const templateBag = bags(template);
  const noticeBag = bags(notice);
  // best[i][j]: the best score aligning the first i template clauses with the first j notice
  // clauses; a pair scores its similarity above the threshold, an unmatched clause nothing.
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const back: Step[][] = Array.from({ length: n + 1 }, () => new Array<Step>(m + 1));
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      const options: { score: number; step: Step }[] = [];
      if (i > 0) options.push({ score: best[i - 1][j], step: { di: 1, dj: 0, confidence: 0 } });
      if (j > 0) options.push({ score: best[i][j - 1], step: { di: 0, dj: 1, confidence: 0 } });
      for (const [di, dj] of [
        [1, 1],
        [2, 1],
        [1, 2],
      ]) {
        if (i < di || j < dj) continue;
        const sim = dice(templateBag(i, di), noticeBag(j, dj));
        if (sim < threshold) continue;
        const penalty = di + dj > 2 ? joinPenalty : 0;
        options.push({ score: best[i - di][j - dj] + sim - threshold - penalty, step: { di, dj, confidence: sim } });
      }
      // Ties go to the first option: a removal before an addition, a pair before a join.
      const chosen = options.reduce((a, b) => (b.score > a.score + 1e-12 ? b : a));
      best[i][j] = chosen.score;
      back[i][j] = chosen.step;
    }
  }
  const groups: AlignedGroup[] = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const step = back[i][j];
    groups.push({
      template: template.slice(i - step.di, i).map((c) => c.id),
      notice: notice.slice(j - step.dj, j).map((c) => c.id),
      confidence: Math.round(step.confidence * 1000) / 1000,
    });
    i -= step.di;
    j -= step.dj;
  }
  return groups.reverse();
}
