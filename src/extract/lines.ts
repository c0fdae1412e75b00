/**
 * Lines from placed pieces of text: what the PDF text layer and OCR both give, pieces of text
 * with a position, become lines with the geometry the normaliser reads.
 */
import type { ExtractedLine, TextRun } from './types.js';

export interface PlacedItem {
  text: string;
  x: number;
  right: number;
  baseline: number;
  fontSize: number;
  fontName: string;
}

/** Items on one baseline (within a third of the font size) form a line, left to right. */
export function groupLines(items: PlacedItem[]): ExtractedLine[] {
  const sorted = [...items].sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  const groups: PlacedItem[][] = [];
  for (const item of sorted) {
    const group = groups[groups.length - 1];
    if (group && Math.abs(group[0].baseline - item.baseline) <= Math.max(1, group[0].fontSize / 3)) group.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => {
    const inLine = group.sort((a, b) => a.x - b.x);
    const runs: TextRun[] = inLine.map((item) => ({ text: item.text, x: item.x, right: item.right }));
    let text = '';
    let previousRight: number | null = null;
    for (const item of inLine) {
      const gap = previousRight === null ? 0 : item.x - previousRight;
      if (previousRight !== null && gap > item.fontSize * 0.15 && !/\s$/.test(text) && !/^\s/.test(item.text)) text += ' ';
      text += item.text;
      previousRight = item.right;
    }
    const fontSize = Math.max(...inLine.map((item) => item.fontSize));
    return {
      text,
      geometry: {
        top: inLine[0].baseline,
        left: inLine[0].x,
        right: Math.max(...inLine.map((item) => item.right)),
        fontSize,
        fontName: inLine[0].fontName,
        runs,
      },
    };
  });
}
