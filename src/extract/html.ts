/**
 * HTML pages (a gov.uk publication, a council's news page, a committee agenda with the report
 * inline): the page's main content, without its navigation, cookie banner, breadcrumbs, related
 * links and footer, written as the lines the normaliser reads: a heading, a paragraph, a list
 * item or a `<br>`-broken line each a line; an ordered list's items with the numbers the page
 * shows (`start`, `type`, `value`); a table row as its cells joined by TABs. One page.
 *
 * The main content is found by Readability, the extractor behind Firefox's reader view, run on
 * a linkedom DOM (a DOM built for server-side use, without a browser or jsdom's weight): telling
 * an article from a page's furniture is its whole purpose, and it is kept up by Mozilla. The
 * charset is the page's own: a byte-order mark, else the `<meta>` that names it, else UTF-8.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { DEFAULT_MAX_TEXT_CHARS } from '../limits.js';
import { fail, ok, type Result } from '../record.js';
import { listNumber } from './list-numbers.js';
import { decodeText, decodeWindows1252 } from './text.js';
import type { Extracted } from './types.js';

/** The charset a page's `<meta charset>` or `http-equiv` content type names, within its first 1024 bytes. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1].toLowerCase() ?? null;
}

function decodeHtml(bytes: Uint8Array): Result<string> {
  const charset = declaredCharset(bytes);
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb) || bytes[0] === 0xff || bytes[0] === 0xfe;
  if (charset && !hasBom && !/^utf-?8$/.test(charset)) {
    // As browsers do (the WHATWG encoding standard), a page that says Latin-1 or ASCII is read as Windows-1252.
    if (/^(?:windows-1252|cp1252|iso-8859-1|latin1|l1|us-ascii|ascii)$/.test(charset)) return ok(decodeWindows1252(bytes));
    try {
      return ok(new TextDecoder(charset).decode(bytes));
    } catch {
      // An unknown label: read the bytes as any text file is read.
    }
  }
  return decodeText(bytes);
}

/** Elements whose content is never the document's words. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'NAV', 'SVG', 'BUTTON', 'FORM', 'IFRAME']);
/** Elements that start and end a line. */
const BLOCKS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'MAIN', 'ASIDE', 'BLOCKQUOTE', 'PRE', 'ADDRESS',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'DL', 'DT', 'DD', 'FIGURE', 'FIGCAPTION', 'CAPTION', 'HR', 'TABLE', 'TBODY', 'THEAD', 'TFOOT',
]);

/** `<ol type>` as a number style. */
const HTML_LIST_TYPES: Record<string, string> = { '1': 'decimal', a: 'lowerLetter', A: 'upperLetter', i: 'lowerRoman', I: 'upperRoman' };

/** The label an ordered list shows for its nth item, by its `type`: "5.", "b.", "B.", "iv.", "IV.". */
function listLabel(type: string, n: number): string {
  return `${listNumber(n, HTML_LIST_TYPES[type] ?? 'decimal')}.`;
}

/** Collects lines: text runs join into the current line; a block, a `<br>` or a list item ends it. */
class LineWriter {
  readonly lines: string[] = [];
  private current = '';

  /** Words of the page: its white space, TABs and line breaks of its source included, is one space. */
  add(text: string): void {
    this.current += text.replace(/\s+/g, ' ');
  }

  /** Text set as it is: a table row's cells with the TABs between them. */
  addRaw(text: string): void {
    this.current += text;
  }

  end(): void {
    const line = this.current.replace(/ {2,}/g, ' ').replace(/^ +| +$/g, '').replace(/ ?\t ?/g, '\t');
    if (line !== '') this.lines.push(line);
    this.current = '';
  }
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?: (name: string) => string | null;
}

function write(node: DomNode, out: LineWriter): void {
  if (node.nodeType === 3) return out.add(node.textContent ?? '');
  if (node.nodeType !== 1) return;
  const tag = node.nodeName.toUpperCase();
  if (SKIPPED.has(tag)) return;
  if (tag === 'BR') return out.end();
  if (tag === 'TR') {
    out.end();
    const cells = Array.from(node.childNodes).filter((cell) => ['TD', 'TH'].includes(cell.nodeName.toUpperCase()));
    const texts = cells.map((cell) => {
      const inner = new LineWriter();
      writeChildren(cell, inner);
      inner.end();
      return inner.lines.join(' ');
    });
    out.addRaw(texts.join('\t'));
    return out.end();
  }
  if (tag === 'OL' || tag === 'UL') {
    out.end();
    const type = node.getAttribute?.('type') ?? '1';
    let n = Number.parseInt(node.getAttribute?.('start') ?? '1', 10) || 1;
    for (const item of Array.from(node.childNodes)) {
      if (item.nodeName.toUpperCase() !== 'LI') {
        write(item, out);
        continue;
      }
      const value = Number.parseInt(item.getAttribute?.('value') ?? '', 10);
      if (!Number.isNaN(value)) n = value;
      out.end();
      out.add(tag === 'OL' ? `${listLabel(type, n)} ` : '• ');
      writeChildren(item, out);
      out.end();
      n += 1;
    }
    return;
  }
  const block = BLOCKS.has(tag) || tag === 'LI';
  if (block) out.end();
  writeChildren(node, out);
  if (block) out.end();
}

function writeChildren(node: DomNode, out: LineWriter): void {
  for (const child of Array.from(node.childNodes)) write(child, out);
}

/** How many opening lines may already hold the page's title (a heading, a "Subject" row). */
const TITLE_LINES = 5;

/** The page's main content as lines; Readability's title first where the content's opening leaves it out. */
export function htmlLines(html: string): string[] {
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  const out = new LineWriter();
  if (article?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    writeChildren(content.body as unknown as DomNode, out);
  } else {
    writeChildren(parseHTML(html).document.body as unknown as DomNode, out);
  }
  out.end();
  const fold = (text: string) => text.replace(/\s+/g, ' ').trim();
  const title = fold(article?.title ?? '');
  const given = out.lines.slice(0, TITLE_LINES).some((line) => fold(line).includes(title));
  return title !== '' && !given ? [title, ...out.lines] : out.lines;
}

export function extractHtml(bytes: Uint8Array, maxTextChars = DEFAULT_MAX_TEXT_CHARS): Result<Extracted> {
  const decoded = decodeHtml(bytes);
  if (!decoded.ok) return decoded;
  if (!/<(?:html|body|p|div|h[1-6]|table)\b/i.test(decoded.value)) return fail('unsupported_format', 'the file is named as HTML but holds no HTML');
  const lines = htmlLines(decoded.value);
  const length = lines.reduce((sum, line) => sum + line.length + 1, 0);
  if (lines.length === 0) return fail('empty_file', 'the page holds no text');
  if (length > maxTextChars) return fail('text_too_large', `the text has ${length} characters, more than the limit of ${maxTextChars}`);
  return ok({ format: 'html', pages: [{ page: 1, lines: lines.map((text) => ({ text })) }], ocrPages: [] });
}
