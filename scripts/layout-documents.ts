/**
 * Documents written in the `.layout` markup (fixtures/layout/README.md) and the word processor's
 * form of them: the parser, the plain text, the LibreOffice flat ODT (automatic multilevel list
 * numbering with hanging indents, bordered tables, a running header and a `Page N of M` footer)
 * and its printing to PDF by LibreOffice, which embeds subset TrueType fonts as Word does.
 * Used by scripts/make-layout-fixtures.ts (the layout fixtures) and scripts/bench-corpus.ts
 * (the realistic bench corpus).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const SOFT_HYPHEN = '\u00AD';

export type Format = 'decimal' | 'alpha' | 'roman';

export interface LevelStyle {
  format: Format;
  prefix: string;
  suffix: string;
  /** How many levels the label shows (`3.2.1` shows three). */
  display: number;
}

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'item'; label: string; level: number; text: string; heading?: boolean }
  | { type: 'bullet'; text: string }
  | { type: 'row'; key: string; value: string; header: boolean }
  | { type: 'right'; text: string }
  | { type: 'body'; text: string };

export interface LayoutDocument {
  name: string;
  header: string;
  footer: string | null;
  blocks: Block[];
  /** The list style of each level (index 0 is level 1). */
  levels: LevelStyle[];
}

const ROMAN = /^(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})$/;
const DECIMAL_LABEL = /^(\d{1,3}(?:\.\d{1,3})*)(\.?)\s+/;
const LETTER_LABEL = /^(\(?)([a-z]{1,5})([.)])\s+/;

export function parseLayout(name: string, source: string): LayoutDocument {
  let header = '';
  let footer: string | null = null;
  const blocks: Block[] = [];
  const levels: LevelStyle[] = [];
  let decimalDepth = 0;
  let previousLetter: string | null = null;
  const setLevel = (level: number, style: LevelStyle, label: string) => {
    const known = levels[level - 1];
    if (!known) levels[level - 1] = style;
    else if (known.format !== style.format || known.prefix !== style.prefix || known.suffix !== style.suffix || known.display !== style.display) {
      throw new Error(`${name}: label "${label}" at level ${level} is styled unlike the level's first label`);
    }
  };
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('%header ')) header = line.slice(8).trim();
    else if (line.startsWith('%footer ')) footer = line.slice(8).trim();
    else if (line.startsWith('# ')) {
      const text = line.slice(2).trim();
      // A numbered heading is the first level of the word processor's multilevel list, as Word
      // numbers "Heading 1". The list style prints every such number alike: a number written
      // without its full stop keeps that form in the plain text only.
      const number = /^(\d{1,3})(\.?)\s+/.exec(text);
      if (number) {
        if (!levels[0]) levels[0] = { format: 'decimal', prefix: '', suffix: number[2] || '.', display: 1 };
        decimalDepth = 1;
        previousLetter = null;
        blocks.push({ type: 'item', label: number[0].trim(), level: 1, text: text.slice(number[0].length), heading: true });
      } else {
        blocks.push({ type: 'heading', text });
      }
    }
    else if (line.startsWith('- ')) blocks.push({ type: 'bullet', text: line.slice(2).trim() });
    else if (line.startsWith('> ')) blocks.push({ type: 'right', text: line.slice(2).trim() });
    else if (line.startsWith('|')) {
      const header = line.startsWith('|*');
      const cells = line.replace(/^\|\*?/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim());
      if (cells.length !== 2) throw new Error(`${name}: a table row needs two cells: ${line}`);
      blocks.push({ type: 'row', key: cells[0], value: cells[1], header });
    } else if (DECIMAL_LABEL.test(line) && (/^\d+\.\s/.test(line) || /^\d+(\.\d+)+\.?\s/.test(line))) {
      const match = DECIMAL_LABEL.exec(line)!;
      const path = match[1].split('.');
      const level = path.length;
      setLevel(level, { format: 'decimal', prefix: '', suffix: match[2], display: level }, match[0]);
      decimalDepth = level;
      previousLetter = null;
      blocks.push({ type: 'item', label: match[0].trim(), level, text: line.slice(match[0].length) });
    } else if (LETTER_LABEL.test(line) && (LETTER_LABEL.exec(line)![1] === '' || LETTER_LABEL.exec(line)![3] === ')')) {
      const match = LETTER_LABEL.exec(line)!;
      const letters = match[2];
      const roman = ROMAN.test(letters) && !(letters === 'i' && previousLetter === 'h') && (letters !== 'v' || previousLetter !== 'u');
      if (!roman && letters.length > 1) throw new Error(`${name}: "${match[0]}" is neither a letter nor a roman numeral`);
      const level = decimalDepth + (roman ? 2 : 1);
      if (!roman) previousLetter = letters;
      setLevel(level, { format: roman ? 'roman' : 'alpha', prefix: match[1], suffix: match[3], display: 1 }, match[0]);
      blocks.push({ type: 'item', label: match[0].trim(), level, text: line.slice(match[0].length) });
    } else {
      blocks.push({ type: 'body', text: line });
    }
  }
  if (header === '') throw new Error(`${name}: no %header line`);
  for (let i = 0; i < levels.length; i++) if (!levels[i]) throw new Error(`${name}: list level ${i + 1} is skipped`);
  return { name, header, footer, blocks, levels };
}

/** The text as it reads: soft hyphens gone. */
function plain(text: string): string {
  return text.replace(/\\-/g, '');
}

export function textFile(doc: LayoutDocument): string {
  const lines = doc.blocks.map((block) => {
    switch (block.type) {
      case 'item':
        return `${block.label} ${plain(block.text)}`;
      case 'bullet':
        return `- ${plain(block.text)}`;
      case 'row':
        return `${plain(block.key)}\t${plain(block.value)}`;
      default:
        return plain(block.text);
    }
  });
  return `${lines.join('\n')}\n`;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\\-/g, SOFT_HYPHEN);
}

/** Runs of blocks of one kind: items make one list, rows one table, the rest stand alone. */
export function groups(blocks: Block[]): Block[][] {
  const out: Block[][] = [];
  for (const block of blocks) {
    const last = out[out.length - 1];
    const joins = last && ['item', 'row', 'bullet'].includes(block.type) && last[0].type === block.type;
    if (joins) last.push(block);
    else out.push([block]);
  }
  return out;
}

/** Nests a run of list items by level: each item's deeper followers form its sub-list. */
interface Node {
  item: Extract<Block, { type: 'item' }> | null;
  /** A numberless item's place in its list, from the decimal label of the item under it. */
  start?: number;
  children: Node[];
}

function nest(items: Array<Extract<Block, { type: 'item' }>>, baseLevel: number): Node[] {
  const root: Node = { item: null, children: [] };
  const stack: Array<{ level: number; node: Node }> = [{ level: baseLevel - 1, node: root }];
  for (const item of items) {
    while (stack[stack.length - 1].level >= item.level) stack.pop();
    // A run that starts deeper than its base level hangs under numberless items.
    while (stack[stack.length - 1].level < item.level - 1) {
      const part = Number(item.label.split('.')[stack[stack.length - 1].level]);
      const filler: Node = { item: null, children: [], ...(Number.isInteger(part) ? { start: part } : {}) };
      stack[stack.length - 1].node.children.push(filler);
      stack.push({ level: stack[stack.length - 1].level + 1, node: filler });
    }
    const node: Node = { item, children: [] };
    stack[stack.length - 1].node.children.push(node);
    stack.push({ level: item.level, node });
  }
  return root.children;
}

// ---------------------------------------------------------------- LibreOffice flat ODT

const ODT_FORMAT: Record<Format, string> = { decimal: '1', alpha: 'a', roman: 'i' };

function odtListStyle(levels: LevelStyle[]): string {
  let indent = 0;
  const levelXml = levels.map((level, i) => {
    // A label's hanging width grows with what it shows: `3.2.1` needs more room than `a.`.
    const width = level.display > 1 ? 0.5 + 0.45 * level.display : 0.85;
    indent += width;
    return `<text:list-level-style-number text:level="${i + 1}" style:num-prefix="${xml(level.prefix)}" style:num-suffix="${xml(level.suffix)}" style:num-format="${ODT_FORMAT[level.format]}" text:display-levels="${level.display}">
  <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
   <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="${indent.toFixed(2)}cm" fo:text-indent="-${width.toFixed(2)}cm" fo:margin-left="${indent.toFixed(2)}cm"/>
  </style:list-level-properties>
 </text:list-level-style-number>`;
  });
  return `<text:list-style style:name="Clauses">${levelXml.join('\n')}</text:list-style>`;
}

function odtNodes(nodes: Node[]): string {
  return nodes
    .map((node) => {
      const style = node.item?.heading ? 'ListHeading' : 'ListText';
      const paragraph = node.item ? `<text:p text:style-name="${style}">${xml(node.item.text)}</text:p>` : '';
      const children = node.children.length > 0 ? `<text:list>${odtNodes(node.children)}</text:list>` : '';
      // The written number of a first-level item: numbering restarts there, as it does after a
      // heading numbered by hand.
      const value = node.item?.level === 1 ? parseInt(node.item.label, 10) : node.start;
      const start = value !== undefined ? ` text:start-value="${value}"` : '';
      return `<text:list-item${start}>${paragraph}${children}</text:list-item>`;
    })
    .join('');
}

function odtBody(doc: LayoutDocument): string {
  let lists = 0;
  return groups(doc.blocks)
    .map((group) => {
      const first = group[0];
      switch (first.type) {
        case 'heading':
          return `<text:h text:style-name="Heading" text:outline-level="1">${xml(first.text)}</text:h>`;
        case 'right':
          return `<text:p text:style-name="Right">${xml(first.text)}</text:p>`;
        case 'body':
          return `<text:p text:style-name="Body">${xml(first.text)}</text:p>`;
        case 'bullet':
          return `<text:list text:style-name="Bullets">${group.map((block) => `<text:list-item><text:p text:style-name="ListText">${xml((block as { text: string }).text)}</text:p></text:list-item>`).join('')}</text:list>`;
        case 'row': {
          const rows = group
            .map((block) => {
              const row = block as Extract<Block, { type: 'row' }>;
              const style = row.header ? 'TableHead' : 'TableText';
              const cell = (text: string) => `<table:table-cell table:style-name="Cell" office:value-type="string"><text:p text:style-name="${style}">${xml(text)}</text:p></table:table-cell>`;
              return `<table:table-row>${cell(row.key)}${cell(row.value)}</table:table-row>`;
            })
            .join('');
          return `<table:table table:style-name="Table"><table:table-column table:style-name="KeyColumn"/><table:table-column table:style-name="ValueColumn"/>${rows}</table:table>`;
        }
        case 'item': {
          const items = group as Array<Extract<Block, { type: 'item' }>>;
          // Every run of items continues the numbering of the run before it, as one list
          // interrupted by headings does in a word processor.
          lists++;
          const continues = lists > 1 ? ` text:continue-list="list${lists - 1}"` : '';
          return `<text:list xml:id="list${lists}" text:style-name="Clauses"${continues}>${odtNodes(nest(items, 1))}</text:list>`;
        }
      }
    })
    .join('\n');
}

function footerXml(doc: LayoutDocument): string {
  const before = doc.footer ? `${xml(doc.footer)}<text:tab/>` : '';
  return `<text:p text:style-name="Footer">${before}Page <text:page-number text:select-page="current">1</text:page-number> of <text:page-count>1</text:page-count></text:p>`;
}

export function fodt(doc: LayoutDocument): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:xml="http://www.w3.org/XML/1998/namespace" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta><meta:creation-date xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0">2026-01-01T00:00:00</meta:creation-date></office:meta>
 <office:font-face-decls>
  <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:writing-mode="page"/>
   <style:text-properties style:font-name="Liberation Sans" fo:font-size="11pt" fo:language="en" fo:country="GB" fo:hyphenate="false"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph"/>
  <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:line-height="115%" fo:text-align="start"/>
  </style:style>
  <style:style style:name="ListText" style:family="paragraph" style:parent-style-name="Body"/>
  <style:style style:name="ListHeading" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level=""/>
  <style:style style:name="Right" style:family="paragraph" style:parent-style-name="Body">
   <style:paragraph-properties fo:text-align="end"/>
  </style:style>
  <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1">
   <style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
   <style:text-properties fo:font-size="12pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="TableText" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:line-height="115%"/>
  </style:style>
  <style:style style:name="TableHead" style:family="paragraph" style:parent-style-name="TableText">
   <style:text-properties fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-size="9pt"/>
  </style:style>
  <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="start">
    <style:tab-stops><style:tab-stop style:position="15.9cm" style:type="right"/></style:tab-stops>
   </style:paragraph-properties>
   <style:text-properties fo:font-size="9pt"/>
  </style:style>
  ${odtListStyle(doc.levels)}
  <text:list-style style:name="Bullets">
   <text:list-level-style-bullet text:level="1" text:bullet-char="•">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.27cm" fo:text-indent="-0.635cm" fo:margin-left="1.27cm"/>
    </style:list-level-properties>
   </text:list-level-style-bullet>
  </text:list-style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="A4">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.54cm" fo:margin-right="2.54cm"/>
   <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.5cm"/></style:header-style>
   <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.5cm"/></style:footer-style>
  </style:page-layout>
  <style:style style:name="Table" style:family="table">
   <style:table-properties style:width="15.92cm" table:align="left" fo:margin-top="0.1cm" fo:margin-bottom="0.35cm"/>
  </style:style>
  <style:style style:name="KeyColumn" style:family="table-column"><style:table-column-properties style:column-width="9.5cm"/></style:style>
  <style:style style:name="ValueColumn" style:family="table-column"><style:table-column-properties style:column-width="6.42cm"/></style:style>
  <style:style style:name="Cell" style:family="table-cell">
   <style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"/>
  </style:style>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="A4">
   <style:header><text:p text:style-name="Header">${xml(doc.header)}</text:p></style:header>
   <style:footer>${footerXml(doc)}</style:footer>
  </style:master-page>
 </office:master-styles>
 <office:body>
  <office:text>
${odtBody(doc)}
  </office:text>
 </office:body>
</office:document>
`;
}

/** The labels each PDF shows must be the ones the markup wrote: the word processor numbered as the text says. */
export function checkLabels(doc: LayoutDocument, pdf: string): void {
  const shown = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  let from = 0;
  for (const block of doc.blocks) {
    if (block.type !== 'item') continue;
    const label = block.heading ? block.label.replace(/\.?$/, '') : block.label;
    const at = shown.indexOf(label, from);
    if (at < 0) throw new Error(`${doc.name}: ${pdf} does not show the label "${label}" where the markup has it`);
    from = at + label.length;
  }
}

/** How many documents one LibreOffice run prints: its start-up is paid once a batch. */
const PRINT_BATCH = 100;

/** What LibreOffice saves a document as: a PDF (subset TrueType fonts embedded), Word's DOCX, or its HTML. */
export type SavedFormat = 'pdf' | 'docx' | 'html';

/**
 * Saves flat ODT files with LibreOffice, `name.fodt` → `outDir/name.<format>`, as few documents
 * a run as `PRINT_BATCH` allows; returns the outputs' paths in the order given.
 */
export function printWithLibreOffice(fodtPaths: readonly string[], outDir: string, format: SavedFormat = 'pdf'): string[] {
  const outputs = fodtPaths.map((path) => join(outDir, basename(path).replace(/\.fodt$/, `.${format}`)));
  // LibreOffice exits 0 even when it could not convert a file: an output missing afterwards is
  // the only sign, so none may be there before.
  for (const output of outputs) rmSync(output, { force: true });
  const profile = mkdtempSync(join(tmpdir(), 'layout-soffice-'));
  try {
    for (let start = 0; start < fodtPaths.length; start += PRINT_BATCH) {
      const batch = fodtPaths.slice(start, start + PRINT_BATCH);
      // A profile of its own, so that a running LibreOffice or a first-start dialog never interferes.
      execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', format, '--outdir', outDir, ...batch], { stdio: 'ignore' });
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const missing = outputs.filter((output) => !existsSync(output));
  if (missing.length > 0) throw new Error(`LibreOffice saved no ${format} for ${missing.length} of ${outputs.length} documents, e.g. ${missing[0]}`);
  return outputs;
}
