/**
 * Offsets in Unicode code points, the unit of every span in a document record (docs/SPEC.md).
 *
 * A JavaScript string is indexed in UTF-16 code units, Python's `str`, SQLite's `substr` and
 * `length` and most readers of the corpus count code points; the two disagree by one for every
 * character outside the Basic Multilingual Plane (an emoji, a mathematical letter) before an
 * offset. The stages work in string indices; the pipeline converts the record's spans once, and
 * whatever slices a record's text by its spans converts back with the same converter.
 *
 * Code points, not grapheme clusters: a flag is two code points, an emoji sequence joined by
 * U+200D is each of its parts and the joiner, a letter with a combining accent is two.
 */

/** Converts offsets in one text between string indices (UTF-16 code units) and code points. */
export interface CodePointOffsets {
  /** True when the text has no surrogate pair: every offset is the same in both units. */
  readonly identity: boolean;
  /** The text's length in code points. */
  readonly length: number;
  /** The code-point offset of a string index (an index inside a surrogate pair counts as the pair's start). */
  toCodePoints(index: number): number;
  /** The string index of a code-point offset. */
  toIndex(codePoints: number): number;
  /** The text between two code-point offsets. */
  slice(start: number, end?: number): string;
}

/** A high surrogate followed by a low one: one astral character. A lone surrogate is one code point, as it is to `[...text]`. */
const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** How many of the ascending `values` are less than `value`. */
function countBelow(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The converter for `text`: one scan to find its astral characters, then a binary search per
 * offset. A text with none (nearly every document) gets the identity, which costs nothing more.
 */
export function codePointOffsets(text: string): CodePointOffsets {
  // pairIndices[i] is the string index of the i-th astral character, pairCodePoints[i] its
  // code-point offset: i fewer, one for each pair before it.
  const pairIndices: number[] = [];
  for (const match of text.matchAll(SURROGATE_PAIR)) pairIndices.push(match.index);
  if (pairIndices.length === 0) {
    return {
      identity: true,
      length: text.length,
      toCodePoints: (index) => index,
      toIndex: (codePoints) => codePoints,
      slice: (start, end) => text.slice(start, end),
    };
  }
  const pairCodePoints = pairIndices.map((index, i) => index - i);
  const toIndex = (codePoints: number): number => codePoints + countBelow(pairCodePoints, codePoints);
  return {
    identity: false,
    length: text.length - pairIndices.length,
    toCodePoints: (index) => index - countBelow(pairIndices, index),
    toIndex,
    slice: (start, end) => text.slice(toIndex(start), end === undefined ? undefined : toIndex(end)),
  };
}

/** `text` between two code-point offsets, as Python's `text[start:end]`; for many slices of one text build its `codePointOffsets` once. */
export function sliceCodePoints(text: string, start: number, end?: number): string {
  return codePointOffsets(text).slice(start, end);
}
