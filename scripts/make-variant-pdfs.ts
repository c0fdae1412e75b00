/**
 * Prints the variant notices in fixtures/variants/ to PDF with pdf-lib, so that the tests read
 * PDFs made by another program than the seeds' (LibreOffice), laid out differently: other
 * fonts and margins, hanging list labels, typographic quotes, a running header and `- n -`
 * page numbers, and paragraphs that run over page breaks.
 *
 * Run from the project root after a build: `node dist/scripts/make-variant-pdfs.js`.
 * The output is deterministic (fixed dates and metadata), so the PDFs can be committed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { markerOf } from '../src/segment/paragraphs.js';

interface Layout {
  /** The variant's file name without extension. */
  name: string;
  font: StandardFonts;
  boldFont: StandardFonts;
  size: number;
  leading: number;
  paragraphGap: number;
  margins: { left: number; right: number; top: number; bottom: number };
  /** Extra indent of a labelled sub-item, and the width a label hangs in. */
  indent: number;
  header: string;
  /** The date written into the PDF's metadata. */
  date: string;
}

const VARIANTS = join('fixtures', 'variants');
const A4: [number, number] = [595.28, 841.89];

const LAYOUTS: Layout[] = [
  {
    name: 'sandwell-notice-2021',
    font: StandardFonts.TimesRoman,
    boldFont: StandardFonts.TimesRomanBold,
    size: 12,
    leading: 15,
    paragraphGap: 8,
    margins: { left: 82, right: 76, top: 92, bottom: 86 },
    indent: 26,
    header: 'OFFICIAL - Improvement Notice: Sandwell Metropolitan Borough Council',
    date: '2021-09-09T10:00:00Z',
  },
  {
    // Mostly one-line paragraphs: the page's gaps are nearly all paragraph gaps.
    name: 'medway-notice-2024',
    font: StandardFonts.Helvetica,
    boldFont: StandardFonts.HelveticaBold,
    size: 10.5,
    leading: 13,
    paragraphGap: 6,
    margins: { left: 70, right: 70, top: 80, bottom: 80 },
    indent: 22,
    header: 'Department for Education - Medway Council Improvement Notice',
    date: '2024-08-12T09:00:00Z',
  },
];

/** Typographic quotes, as a word processor would set them. */
function typographic(text: string): string {
  return text.replace(/(^|[\s(])"/g, '$1\u201C').replace(/"/g, '\u201D').replace(/'/g, '\u2019');
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

async function print(layout: Layout): Promise<Uint8Array> {
  // A form feed in the text file marks that file's page break; the PDF paginates for itself.
  const source = readFileSync(join(VARIANTS, `${layout.name}.txt`), 'utf8').replace(/\s*\f\s*/g, ' ');
  const paragraphs = source.split('\n').map((line) => line.trim()).filter((line) => line !== '');

  const pdf = await PDFDocument.create();
  const date = new Date(layout.date);
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  pdf.setProducer('notice-pipeline scripts/make-variant-pdfs.ts (pdf-lib)');
  pdf.setCreator('notice-pipeline');
  pdf.setTitle(`${layout.name} (variant)`);
  const font = await pdf.embedFont(layout.font);
  const bold = await pdf.embedFont(layout.boldFont);
  const { left, right, top, bottom } = layout.margins;

  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;
  const newPage = () => {
    page = pdf.addPage(A4);
    pages.push(page);
    y = A4[1] - top;
  };
  newPage();

  paragraphs.forEach((text, index) => {
    const title = index === 0;
    const marker = markerOf({ index, text, start: 0, end: text.length });
    const labelled = marker !== null && marker.type !== 'bullet';
    const depth = marker?.type === 'label' ? 1 : 0;
    const label = labelled ? text.slice(0, marker.textStart).trim() : '';
    const body = typographic(labelled ? text.slice(marker.textStart) : text);
    const size = title ? layout.size + 4 : layout.size;
    const face = title ? bold : font;
    const textX = left + depth * layout.indent + (labelled ? layout.indent : 0);
    const lines = wrap(body, face, size, A4[0] - right - textX);
    lines.forEach((line, i) => {
      if (y - size < bottom) newPage();
      if (i === 0 && labelled) page.drawText(label, { x: left + depth * layout.indent, y: y - size, size, font: face });
      page.drawText(line, { x: textX, y: y - size, size, font: face });
      y -= layout.leading + (title ? 6 : 0);
    });
    y -= layout.paragraphGap;
  });

  const small = layout.size - 3;
  pages.forEach((p, i) => {
    p.drawText(layout.header, { x: left, y: A4[1] - top / 2, size: small, font });
    const number = `- ${i + 1} -`;
    p.drawText(number, { x: (A4[0] - font.widthOfTextAtSize(number, small)) / 2, y: bottom / 2, size: small, font });
  });
  return pdf.save();
}

for (const layout of LAYOUTS) {
  const path = join(VARIANTS, `${layout.name}.pdf`);
  writeFileSync(path, await print(layout));
  console.log(`wrote ${path}`);
}
