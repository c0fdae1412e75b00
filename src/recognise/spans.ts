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

/** Whether two half-open ranges share a character. */
export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}
