/**
 * Range helpers shared by the recognisers. Entities get their `{text, span}` from the text
 * index (`TextIndex.entity`), which keeps `text.slice(start, end) === entity.text`
 * (docs/ARCHITECTURE.md, "Provenance").
 */

/** Every match of a global regular expression, with its offset moved by `base`. */
export function matchesIn(text: string, pattern: RegExp, base = 0): { match: RegExpExecArray; start: number; end: number }[] {
  const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  return [...text.matchAll(global)].map((match) => ({
    match: match as RegExpExecArray,
    start: base + match.index,
    end: base + match.index + match[0].length,
  }));
}


/**
 * The index of the last of `items` whose key is at most `value`, or -1: `items` ascend by key
 * (ranges by start, or disjoint ranges by end), so the search halves them.
 */
export function lastIndexAtMost<T>(items: readonly T[], key: (item: T) => number, value: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Ranges kept in order of their start, none overlapping another: whether a new range overlaps
 * one kept is a binary search, so choosing among many candidates stays near linear (a scan of
 * every kept range per candidate grows with the square of their number).
 */
export class DisjointRanges<R extends { start: number; end: number }> {
  private readonly kept: R[] = [];

  /** Whether a range shares a character with one kept. */
  overlapsAny(range: { start: number; end: number }): boolean {
    const i = this.firstEndingAfter(range.start);
    return i < this.kept.length && this.kept[i].start < range.end;
  }

  /** Keeps a range that overlaps none kept; returns whether it was kept. */
  add(range: R): boolean {
    if (this.overlapsAny(range)) return false;
    this.kept.splice(this.firstEndingAfter(range.start), 0, range);
    return true;
  }

  /** The kept ranges, in order of their start. */
  get ranges(): readonly R[] {
    return this.kept;
  }

  /** The index of the first kept range that ends after `offset` (kept ranges end in the order they start). */
  private firstEndingAfter(offset: number): number {
    return lastIndexAtMost(this.kept, (range) => range.end, offset) + 1;
  }
}
/** The longest candidates that overlap no longer one (ties: the earlier in the list), in text order. */
export function longestDisjoint<R extends { start: number; end: number }>(candidates: readonly R[]): R[] {
  const chosen = new DisjointRanges<R>();
  const byLength = candidates.map((candidate, order) => ({ candidate, order })).sort((a, b) => b.candidate.end - b.candidate.start - (a.candidate.end - a.candidate.start) || a.order - b.order);
  for (const { candidate } of byLength) chosen.add(candidate);
  return [...chosen.ranges];
}
