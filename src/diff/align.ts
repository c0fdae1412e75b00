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

/**
 * A bag of words: the distinct words as ascending numbers, how often each occurs, and how many
 * there are in all. Words are numbered once for the process, so that the alignment's table of
 * every pair of clauses compares by merging two sorted arrays rather than hashing strings.
 */
interface Bag {
  ids: Int32Array;
  counts: Int32Array;
  size: number;
}

const wordIds = new Map<string, number>();
const idOf = (word: string): number => {
  let id = wordIds.get(word);
  if (id === undefined) wordIds.set(word, (id = wordIds.size));
  return id;
};

function bagOf(words: string[]): Bag {
  const counts = new Map<number, number>();
  for (const word of words) {
    const id = idOf(word);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const ids = Int32Array.from(counts.keys()).sort();
  return { ids, counts: Int32Array.from(ids, (id) => counts.get(id)!), size: words.length };
}

function union(a: Bag, b: Bag): Bag {
  const ids: number[] = [];
  const counts: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.ids.length || j < b.ids.length) {
    if (j >= b.ids.length || (i < a.ids.length && a.ids[i] < b.ids[j])) {
      ids.push(a.ids[i]);
      counts.push(a.counts[i++]);
    } else if (i >= a.ids.length || b.ids[j] < a.ids[i]) {
      ids.push(b.ids[j]);
      counts.push(b.counts[j++]);
    } else {
      ids.push(a.ids[i]);
      counts.push(a.counts[i++] + b.counts[j++]);
    }
  }
  return { ids: Int32Array.from(ids), counts: Int32Array.from(counts), size: a.size + b.size };
}

function dice(a: Bag, b: Bag): number {
  if (a.size + b.size === 0) return 1;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    if (a.ids[i] < b.ids[j]) i++;
    else if (b.ids[j] < a.ids[i]) j++;
    else shared += Math.min(a.counts[i++], b.counts[j++]);
  }
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
