/**
 * Rendering runs of text with marks: word-level insertions and deletions, parameter fills,
 * template placeholders and anomaly spans. Every mark has a visible text marker as well as its
 * colour, and a hidden phrase for screen readers.
 */
import type { WordDiffPart } from '../record.js';
import { html, type Html } from './html.js';

export function inserted(text: string): Html {
  return html`<ins><span class="sr-only">inserted: </span><span class="marker" aria-hidden="true">[+</span>${text}<span class="marker" aria-hidden="true">+]</span></ins>`;
}

export function deleted(text: string): Html {
  return html`<del><span class="sr-only">deleted: </span><span class="marker" aria-hidden="true">[−</span>${text}<span class="marker" aria-hidden="true">−]</span></del>`;
}

/** One side of a redline: the template side keeps deletions, the notice side insertions. */
export function diffSide(parts: WordDiffPart[], side: 'template' | 'notice', markPlain: (text: string) => Html): Html {
  const dropped = side === 'template' ? 'insert' : 'delete';
  return html`${parts
    .filter((part) => part.op !== dropped)
    .map((part) => (part.op === 'equal' ? markPlain(part.text) : side === 'template' ? deleted(part.text) : inserted(part.text)))}`;
}

/**
 * A run to mark, in string indices (UTF-16 code units) of the text being marked, as `indexOf`
 * and `matchAll` give them: a record's span counts code points and is converted first
 * (`recordOffsets` in links.ts).
 */
interface Range {
  start: number;
  end: number;
  render: (text: string) => Html;
}

/** Text with the given (non-overlapping after sorting; later overlaps are dropped) ranges marked. */
export function markRanges(text: string, ranges: Range[]): Html {
  const sorted = [...ranges].filter((range) => range.end > range.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const pieces: Html[] = [];
  let at = 0;
  for (const range of sorted) {
    if (range.start < at) continue;
    pieces.push(html`${text.slice(at, range.start)}`, range.render(text.slice(range.start, range.end)));
    at = range.end;
  }
  pieces.push(html`${text.slice(at)}`);
  return html`${pieces}`;
}

function parameterMark(name: string, fill: string): Html {
  return html`<mark class="param"><span class="sr-only">parameter ${name}: </span>${fill} <span class="param-name" aria-hidden="true">⟨${name}⟩</span></mark>`;
}

/** Every occurrence of each fill value in a notice's own text, marked as the parameter it fills. */
export function markParameters(text: string, parameters: Record<string, string>): Html {
  const ranges: Range[] = [];
  for (const [name, value] of Object.entries(parameters)) {
    if (!value) continue;
    for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + value.length)) {
      ranges.push({ start: at, end: at + value.length, render: (fill) => parameterMark(name, fill) });
    }
  }
  return markRanges(text, ranges);
}

/** A placeholder as the template writes it (`{{council}}`). */
const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/**
 * Placeholders marked: with `fills` (the notice side of a masked diff), each placeholder shows
 * the words that fill it in this notice; without, the placeholder itself.
 */
export function markPlaceholders(text: string, fills: Record<string, string> = {}): Html {
  const ranges: Range[] = [...text.matchAll(PLACEHOLDER)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    render: (placeholder: string) =>
      fills[match[1]] !== undefined
        ? parameterMark(match[1], fills[match[1]])
        : html`<span class="placeholder"><span class="sr-only">placeholder </span>${placeholder}</span>`,
  }));
  return markRanges(text, ranges);
}
