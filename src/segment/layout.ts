/**
 * What each paragraph is, read from its form and its neighbours: part of a letter block, a
 * table row, a heading, a numbered or labelled item, or running text.
 */
import {
  GRADE_ALONE,
  headingShaped,
  isCapitalsHeading,
  isTableRow,
  markerOf,
  type Marker,
  type Paragraph,
} from './paragraphs.js';
import { endsMidPhrase } from '../normalise/index.js';

export type Role = 'block' | 'row' | 'heading' | 'item' | 'text';

export interface Layout {
  paragraphs: Paragraph[];
  markers: Array<Marker | null>;
  roles: Role[];
  /** A heading's title: its text without the section number it may carry ("1. Background" → "Background"). */
  titles: Array<string | null>;
}

/** A section number before a heading's title: `1.`, `2`, `3.1`. */
const SECTION_NUMBER = /^\d{1,3}(?:\.\d{1,3})*\.?\s+(?=\S)/;
/** A numbered title is short: a few words, not a sentence or a lead-in. */
const MAX_NUMBERED_TITLE_WORDS = 10;

/** The paragraph's text less a leading section number, and whether it had one. */
function titleOf(paragraph: Paragraph): { title: string; numbered: boolean } {
  const number = SECTION_NUMBER.exec(paragraph.text);
  return number ? { title: paragraph.text.slice(number[0].length), numbered: true } : { title: paragraph.text, numbered: false };
}

/**
 * An auto-numbered list item whose number was lost in conversion shows as a bare bullet
 * directly before `N.1`; when no clause `N` was written it is clause `N`.
 */
function restoreLostNumbers(markers: Array<Marker | null>): void {
  const written = new Set<string>();
  markers.forEach((marker, i) => {
    if (marker?.type === 'number') written.add(marker.path.join('.'));
    const next = markers[i + 1];
    if (marker?.type !== 'bullet' || next?.type !== 'number' || next.path.length !== 2 || next.path[1] !== '1') return;
    if (written.has(next.path[0])) return;
    markers[i] = { type: 'number', path: [next.path[0]], textStart: marker.textStart };
    written.add(next.path[0]);
  });
}

/** Running text: not a block, row, item or anything shaped like a heading. */
function isBody(layout: Layout, i: number): boolean {
  const paragraph = layout.paragraphs[i];
  return layout.roles[i] === 'text' && layout.markers[i] === null && !headingShaped(paragraph);
}

/**
 * A heading is shaped like one, does not carry on a phrase left open before it, and either is
 * set in capitals or introduces a numbered clause or running text (a short line before a
 * bullet list is a lead-in, one before another short line is part of a title or letterhead).
 *
 * A number before a short title and no sentence ("1. Background", "2 RECOMMENDATIONS") numbers
 * a section, not a clause: the title is in capitals, or what follows is running text or the
 * section's own numbered paragraphs (`1.1` under `1.`).
 */
function isHeading(layout: Layout, i: number): boolean {
  const paragraph = layout.paragraphs[i];
  const marker = layout.markers[i];
  const { title, numbered } = titleOf(paragraph);
  const eligible = layout.roles[i] === 'text' ? marker === null : marker?.type === 'number';
  if (!eligible || !headingShaped({ ...paragraph, text: title })) return false;
  // The first paragraph is the document's title, which heads no section.
  if (i === 0) return false;
  const previous = layout.paragraphs[i - 1];
  if (layout.roles[i - 1] !== 'block' && endsMidPhrase(previous.text)) return false;
  // Nor is one the next line carries on in lower case: a wrapped sentence's first line.
  const following = layout.paragraphs[i + 1];
  if (following && /^[a-z]/.test(following.text)) return false;
  // Nor one whose grade stands under it: a judgement list's row ("1. Children who need help and protection" / "Good").
  if (following && GRADE_ALONE.test(following.text)) return false;
  if (numbered && (/[:?!]$/.test(title) || title.split(' ').length > MAX_NUMBERED_TITLE_WORDS)) return false;
  if (isCapitalsHeading(title)) return true;
  const next = layout.markers[i + 1];
  if (numbered && next?.type === 'number') {
    const own = SECTION_NUMBER.exec(paragraph.text)![0].trim().replace(/\.$/, '').split('.');
    return next.path.length > own.length && own.every((part, k) => next.path[k] === part);
  }
  return (!numbered && next?.type === 'number') || (i + 1 < layout.paragraphs.length && isBody(layout, i + 1));
}

export function readLayout(paragraphs: Paragraph[], blocks: Set<number>): Layout {
  const markers = paragraphs.map((paragraph) => (blocks.has(paragraph.index) ? null : markerOf(paragraph)));
  restoreLostNumbers(markers);
  const roles: Role[] = paragraphs.map((paragraph, i) => {
    if (blocks.has(paragraph.index)) return 'block';
    if (isTableRow(paragraph)) return 'row';
    return markers[i] && markers[i]!.type !== 'bullet' ? 'item' : 'text';
  });
  const layout: Layout = { paragraphs, markers, roles, titles: paragraphs.map(() => null) };
  // Decide all headings against the roles before any is set, so one heading never hides the next.
  const headings = paragraphs.map((_, i) => isHeading(layout, i));
  headings.forEach((heading, i) => {
    if (!heading) return;
    roles[i] = 'heading';
    markers[i] = null;
    layout.titles[i] = titleOf(paragraphs[i]).title;
  });
  return layout;
}
