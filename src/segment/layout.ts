/**
 * What each paragraph is, read from its form and its neighbours: part of a letter block, a
 * table row, a heading, a numbered or labelled item, or running text.
 */
import {
  endsMidPhrase,
  headingShaped,
  isCapitalsHeading,
  isTableRow,
  markerOf,
  type Marker,
  type Paragraph,
} from './paragraphs.js';

export type Role = 'block' | 'row' | 'heading' | 'item' | 'text';

export interface Layout {
  paragraphs: Paragraph[];
  markers: Array<Marker | null>;
  roles: Role[];
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
 */
function isHeading(layout: Layout, i: number): boolean {
  const paragraph = layout.paragraphs[i];
  if (layout.roles[i] !== 'text' || layout.markers[i] !== null || !headingShaped(paragraph)) return false;
  // The first paragraph is the document's title, which heads no section.
  if (i === 0) return false;
  const previous = layout.paragraphs[i - 1];
  if (layout.roles[i - 1] !== 'block' && endsMidPhrase(previous.text)) return false;
  if (isCapitalsHeading(paragraph.text)) return true;
  const next = layout.markers[i + 1];
  return next?.type === 'number' || (i + 1 < layout.paragraphs.length && isBody(layout, i + 1));
}

export function readLayout(paragraphs: Paragraph[], blocks: Set<number>): Layout {
  const markers = paragraphs.map((paragraph) => (blocks.has(paragraph.index) ? null : markerOf(paragraph)));
  restoreLostNumbers(markers);
  const roles: Role[] = paragraphs.map((paragraph, i) => {
    if (blocks.has(paragraph.index)) return 'block';
    if (isTableRow(paragraph)) return 'row';
    return markers[i] && markers[i]!.type !== 'bullet' ? 'item' : 'text';
  });
  const layout: Layout = { paragraphs, markers, roles };
  // Decide all headings against the roles before any is set, so one heading never hides the next.
  const headings = paragraphs.map((_, i) => isHeading(layout, i));
  headings.forEach((heading, i) => {
    if (heading) roles[i] = 'heading';
  });
  return layout;
}
