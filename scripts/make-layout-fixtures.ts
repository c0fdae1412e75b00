/**
 * Prints the layout fixtures (fixtures/layout/*.layout, markup in fixtures/layout/README.md) the
 * ways real notices and reports are printed: a LibreOffice flat ODT with the word processor's
 * own list numbering, bordered tables and page furniture, printed to PDF by LibreOffice; the
 * same document as HTML printed by Chromium; the same set by groff; and the plain text. The
 * markup's parser, the flat ODT and the printing by LibreOffice are in layout-documents.ts,
 * which the realistic bench corpus (bench-corpus.ts) shares.
 *
 * The same flat ODT saved by LibreOffice as DOCX and as HTML completes each document's set.
 *
 * Run from the project root after a build: `node dist/scripts/make-layout-fixtures.js [name…]`;
 * `--word-and-web <folder…>` makes only the DOCX and HTML of other folders' `.layout` documents.
 * Needs `soffice` (Debian libreoffice-writer-nogui), `chromium`, `groff` and `pdftotext`. The outputs are
 * committed so that CI needs none of them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { romanValue } from '../src/segment/clauses.js';
import { checkLabels, fodt, groups, parseLayout, printWithLibreOffice, textFile, type Block, type Format, type LayoutDocument, type LevelStyle } from './layout-documents.js';

const FOLDER = resolve('fixtures', 'layout');

// ---------------------------------------------------------------- HTML for Chromium

const CSS_FORMAT: Record<Format, string> = { decimal: 'decimal', alpha: 'lower-alpha', roman: 'lower-roman' };

/** CSS counters print each item's label before it, at a hanging indent; every item sets its own place (`counterSet`). */
function htmlListCss(levels: LevelStyle[]): string {
  return levels
    .map((level, i) => {
      const n = i + 1;
      const shown = Array.from({ length: level.display }, (_, k) => `counter(l${n - level.display + k + 1}, ${CSS_FORMAT[levels[n - level.display + k].format]})`).join(' "." ');
      const width = level.display > 1 ? 0.6 + 0.55 * level.display : 1.8;
      const indent = levels.slice(0, n).reduce((sum, l) => sum + (l.display > 1 ? 0.6 + 0.55 * l.display : 1.8), 0);
      return `p.l${n} { padding-left: ${indent.toFixed(2)}em; }
p.l${n}::before { content: "${level.prefix}" ${shown} "${level.suffix}"; display: inline-block; box-sizing: border-box; min-width: ${width.toFixed(2)}em; padding-right: 0.4em; margin-left: -${width.toFixed(2)}em; }`;
    })
    .join('\n');
}

/** An item's place as written, so that a run of items after a heading numbered by hand numbers on from it. */
function counterSet(item: Extract<Block, { type: 'item' }>, format: Format): string {
  const label = item.label.replace(/[()]/g, '').replace(/\.$/, '');
  if (format === 'decimal') {
    const parts = label.split('.').map(Number);
    return parts.map((part, k) => `l${item.level - parts.length + k + 1} ${part}`).join(' ');
  }
  return `l${item.level} ${format === 'roman' ? romanValue(label) : label.charCodeAt(0) - 96}`;
}

function html(doc: LayoutDocument): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\\-/g, '&shy;');
  const body = groups(doc.blocks)
    .map((group) => {
      const first = group[0];
      switch (first.type) {
        case 'heading':
          return `<h2>${escape(first.text)}</h2>`;
        case 'right':
          return `<p class="right">${escape(first.text)}</p>`;
        case 'body':
          return `<p>${escape(first.text)}</p>`;
        case 'bullet':
          return `<ul>${group.map((block) => `<li>${escape((block as { text: string }).text)}</li>`).join('')}</ul>`;
        case 'row':
          return `<table>${group
            .map((block) => {
              const row = block as Extract<Block, { type: 'row' }>;
              const cell = row.header ? 'th' : 'td';
              return `<tr><${cell}>${escape(row.key)}</${cell}><${cell}>${escape(row.value)}</${cell}></tr>`;
            })
            .join('')}</table>`;
        case 'item':
          return group
            .map((block) => {
              const item = block as Extract<Block, { type: 'item' }>;
              const start = ` style="counter-set: ${counterSet(item, doc.levels[item.level - 1].format)}"`;
              return `<p class="l${item.level}${item.heading ? ' heading' : ''}"${start}>${escape(item.text)}</p>`;
            })
            .join('\n');
      }
    })
    .join('\n');
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${escape(doc.name)}</title>
<style>
@page { size: A4; }
body { font-family: 'Liberation Serif'; font-size: 11.5pt; line-height: 1.25; counter-reset: ${doc.levels.map((_, i) => `l${i + 1}`).join(' ')}; margin: 0; }
p { margin: 0 0 0.6em 0; text-align: justify; }
p.right { text-align: right; }
h2 { font-size: 12.5pt; margin: 1em 0 0.4em 0; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 0.3em 0 0.8em 0; }
td, th { border: 0.75pt solid #000; padding: 3pt 5pt; text-align: left; vertical-align: top; font-weight: normal; }
th { font-weight: bold; }
td:first-child, th:first-child { width: 60%; }
p.heading { font-weight: bold; font-size: 12.5pt; margin-top: 1em; break-after: avoid; text-align: left; }
${htmlListCss(doc.levels)}
</style></head><body>
${body}
</body></html>
`;
}

async function printWithChromium(doc: LayoutDocument, out: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    await page.setContent(html(doc), { waitUntil: 'load' });
    const furniture = 'font-family: Liberation Serif; font-size: 8.5pt; width: 100%; margin: 0 2.2cm;';
    const footer = doc.footer ? `${doc.footer.replace(/&/g, '&amp;').replace(/</g, '&lt;')} &nbsp; ` : '';
    await page.pdf({
      path: out,
      format: 'A4',
      displayHeaderFooter: true,
      headerTemplate: `<div style="${furniture} text-align: left;">${doc.header.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</div>`,
      footerTemplate: `<div style="${furniture} text-align: center;">${footer}Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
      margin: { top: '2.2cm', bottom: '2.2cm', left: '2.2cm', right: '2.2cm' },
    });
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------- groff (ms macros)

/**
 * The document as groff's ms macros set it: the page header carries the running text at the
 * left and ms's own "- N -" page number in the middle on one line (from page 2), list labels
 * hang in `.IP` indents, tables go through tbl. groff hyphenates by its own patterns, as Word
 * does only when told to: these PDFs test the hyphen joiner on words split anywhere.
 */
function groffSource(doc: LayoutDocument): string {
  const troff = (text: string) => text.replace(/\\-/g, '').replace(/\\/g, '\\e').replace(/^([.'])/, '\\&$1').replace(/-/g, '\\-');
  const out: string[] = ['.nr PS 11', '.nr VS 14', '.nr PO 1i', '.nr LL 6.2i', `.ds LH ${troff(doc.header)}`, '.LP'];
  for (const group of groups(doc.blocks)) {
    const first = group[0];
    if (first.type === 'heading') out.push('.SH', troff(first.text), '.LP');
    else if (first.type === 'body') out.push('.PP', troff(first.text));
    else if (first.type === 'right') out.push('.LP', '.rj', troff(first.text));
    else if (first.type === 'bullet') for (const block of group) out.push('.IP \\(bu 3n', troff((block as { text: string }).text));
    else if (first.type === 'row') {
      out.push('.TS', 'box tab(|);', 'lw(3.6i) | lw(2.4i) .');
      group.forEach((block, k) => {
        const row = block as Extract<Block, { type: 'row' }>;
        if (k > 0) out.push('_');
        out.push(`T{\n${troff(row.key)}\nT}|T{\n${troff(row.value)}\nT}`);
      });
      out.push('.TE', '.LP');
    } else {
      let depth = 1;
      for (const block of group) {
        const item = block as Extract<Block, { type: 'item' }>;
        while (depth < item.level) (out.push('.RS'), depth++);
        while (depth > item.level) (out.push('.RE'), depth--);
        if (item.heading) out.push('.SH', `${troff(item.label)} ${troff(item.text)}`, '.LP');
        else out.push(`.IP "${troff(item.label)}" ${Math.max(4, item.label.length + 2)}n`, troff(item.text));
      }
      while (depth > 1) (out.push('.RE'), depth--);
      out.push('.LP');
    }
  }
  return `${out.join('\n')}\n`;
}

function printWithGroff(doc: LayoutDocument, out: string): void {
  const pdf = execFileSync('groff', ['-k', '-t', '-ms', '-Tpdf', '-P-pa4'], { input: groffSource(doc), maxBuffer: 64 * 1024 * 1024 });
  writeFileSync(out, pdf);
}

/**
 * The document as Word and the web have it: LibreOffice saves the flat ODT (the one its PDF
 * was printed from) as DOCX, with Word's own numbering definitions, and as its HTML, nested
 * `<ol>` lists and the page header and footer as `<div title>` elements.
 */
function saveForWordAndWeb(fodtPath: string, folder: string): void {
  printWithLibreOffice([fodtPath], folder, 'docx');
  printWithLibreOffice([fodtPath], folder, 'html');
}

const args = process.argv.slice(2);
const wordAndWeb = args.indexOf('--word-and-web');
if (wordAndWeb >= 0) {
  // Other folders' documents (fixtures/lifecycle, fixtures/seeds) keep their own text and PDF:
  // only their DOCX and HTML are made, from the `.fodt` beside the `.layout`, written first
  // where there is none.
  for (const folder of args.slice(wordAndWeb + 1).map((path) => resolve(path))) {
    for (const name of readdirSync(folder).filter((file) => file.endsWith('.layout')).map((file) => file.replace(/\.layout$/, '')).sort()) {
      const base = join(folder, name);
      if (!existsSync(`${base}.fodt`)) writeFileSync(`${base}.fodt`, fodt(parseLayout(name, readFileSync(`${base}.layout`, 'utf8'))));
      saveForWordAndWeb(`${base}.fodt`, folder);
      console.log(`${name}: .docx, .html (LibreOffice)`);
    }
  }
  process.exit(0);
}

const wanted = args;

const names = readdirSync(FOLDER)
  .filter((file) => file.endsWith('.layout'))
  .map((file) => file.replace(/\.layout$/, ''))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();
for (const name of names) {
  const doc = parseLayout(name, readFileSync(join(FOLDER, `${name}.layout`), 'utf8'));
  const base = join(FOLDER, name);
  writeFileSync(`${base}.txt`, textFile(doc));
  writeFileSync(`${base}.fodt`, fodt(doc));
  printWithLibreOffice([`${base}.fodt`], FOLDER);
  checkLabels(doc, `${base}.pdf`);
  await printWithChromium(doc, `${base}.chromium.pdf`);
  checkLabels(doc, `${base}.chromium.pdf`);
  printWithGroff(doc, `${base}.groff.pdf`);
  checkLabels(doc, `${base}.groff.pdf`);
  saveForWordAndWeb(`${base}.fodt`, FOLDER);
  console.log(`${name}: .txt, .fodt, .pdf (LibreOffice), .chromium.pdf, .groff.pdf, .docx and .html (LibreOffice)`);
}
