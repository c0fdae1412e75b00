/**
 * Span helpers shared by the recognisers: every entity points into the normalised text with
 * `text.slice(start, end) === entity.text` (docs/ARCHITECTURE.md, "Provenance").
 */
import { spanOf, type NormalisedDocument } from '../normalise/index.js';
import type { Span } from '../record.js';

/** `{text, span}` for a range of the document: the fields every entity starts from. */
export function entityAt(doc: NormalisedDocument, start: number, end: number): { text: string; span: Span } {
  return { text: doc.text.slice(start, end), span: spanOf(doc, start, end) };
}

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

/**
 * The sentence around a range within its paragraph (one line of the normalised text): from
 * after the last sentence end before it to the first one after it.
 */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEndAt = text.indexOf('\n', end);
  const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
  let from = lineStart;
  for (const m of text.slice(lineStart, start).matchAll(/[.!?]\s+(?=[A-Z"'])/g)) from = lineStart + m.index + m[0].length;
  const stop = /[.!?](?:\s|$)/.exec(text.slice(end, lineEnd));
  return { start: from, end: stop ? end + stop.index + 1 : lineEnd };
}
