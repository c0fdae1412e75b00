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
import { DEFAULT_MAX_MARKUP_BYTES, DEFAULT_MAX_TEXT_CHARS } from '../limits.js';
import { fail, ok, type Result } from '../record.js';
import { listNumber } from './list-numbers.js';
import { onePage } from './one-page.js';
import { decodeText, decodeWindows1252 } from './text.js';
import type { Extracted, MarkupOptions } from './types.js';

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
  private label = '';

  /** Words of the page: its white space, TABs and line breaks of its source included, is one space. */
  add(text: string): void {
    this.current += text.replace(/\s+/g, ' ');
  }

  /** Text set as it is: a table row's cells with the TABs between them. */
  addRaw(text: string): void {
    this.current += text;
  }

  /**
   * A list item's label: it starts the item's first line, however deep in the item that line's
   * words are (`<li><p>text</p>` is one line, "5. text", as the page shows it).
   */
  startItem(label: string): void {
    this.end();
    this.label = label;
  }

  end(): void {
    const line = this.current.replace(/ {2,}/g, ' ').replace(/^ +| +$/g, '').replace(/ ?\t ?/g, '\t');
    this.current = '';
    if (line === '') return;
    this.lines.push(this.label === '' ? line : `${this.label} ${line}`);
    this.label = '';
  }
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?: (name: string) => string | null;
}

/**
 * The ordered list's items as their labels. A decimal list inside a decimal list's item is
 * that item's second level, numbered on from it ("3.2") as the SPEC's dotted clause path has
 * it: word processors' HTML keeps the nesting but not the "3.2" their own numbering printed.
 */
function writeList(node: DomNode, out: LineWriter, outline: string | null): void {
  const ordered = node.nodeName.toUpperCase() === 'OL';
  const type = node.getAttribute?.('type') ?? '1';
  const decimal = ordered && !HTML_LIST_TYPES[type]?.match(/Letter|Roman/);
  let n = Number.parseInt(node.getAttribute?.('start') ?? '1', 10) || 1;
  for (const item of Array.from(node.childNodes)) {
    if (item.nodeName.toUpperCase() !== 'LI') {
      write(item, out, outline);
      continue;
    }
    const value = Number.parseInt(item.getAttribute?.('value') ?? '', 10);
    if (!Number.isNaN(value)) n = value;
    const path = decimal && outline !== null ? `${outline}.${n}` : String(n);
    out.startItem(!ordered ? '•' : decimal && outline !== null ? path : listLabel(type, n));
    writeChildren(item, out, decimal ? path : null);
    out.end();
    n += 1;
  }
}

function write(node: DomNode, out: LineWriter, outline: string | null): void {
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
      writeChildren(cell, inner, null);
      inner.end();
      return inner.lines.join(' ');
    });
    out.addRaw(texts.join('\t'));
    return out.end();
  }
  if (tag === 'OL' || tag === 'UL') {
    out.end();
    return writeList(node, out, tag === 'OL' ? outline : null);
  }
  const block = BLOCKS.has(tag);
  if (block) out.end();
  writeChildren(node, out, outline);
  if (block) out.end();
}

function writeChildren(node: DomNode, out: LineWriter, outline: string | null): void {
  for (const child of Array.from(node.childNodes)) write(child, out, outline);
}

/** How many opening lines may already hold the page's title (a heading, a "Subject" row). */
const TITLE_LINES = 5;

const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

interface Element extends DomNode {
  textContent: string | null;
  parentElement: Element | null;
  closest(selector: string): Element | null;
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): ArrayLike<Element>;
  cloneNode(deep: boolean): unknown;
  remove(): void;
  replaceWith(node: unknown): void;
}

/** The `<dd>` a metadata list's `<dt>` names. */
function definitionOf(term: Element): Element | null {
  let next = (term as unknown as { nextElementSibling: Element | null }).nextElementSibling;
  while (next && (next as unknown as { tagName: string }).tagName !== 'DD') next = (next as unknown as { nextElementSibling: Element | null }).nextElementSibling;
  return next;
}

/**
 * Who publishes the page, as the site names itself: `og:site_name`, else the last part of the
 * `<title>` after the separator sites put before their own name ("Agenda item - Cabinet report |
 * London Borough of Hounslow"). A council's site is its letterhead: the page may never name the
 * council in its text.
 */
function publisherOf(document: { querySelector(selector: string): Element | null; querySelectorAll(selector: string): ArrayLike<Element>; title?: string }): string | null {
  // A portal's page names whose it is in its metadata ("From: Department for Education"), which
  // Readability leaves out with the rest of the page's header.
  for (const term of Array.from(document.querySelectorAll('dt'))) {
    if (!/^from:?$/i.test(fold(term.textContent ?? ''))) continue;
    const next = definitionOf(term);
    const body = fold(next?.querySelector('a')?.textContent ?? next?.textContent ?? '');
    if (body !== '') return body;
  }
  const siteName = document.querySelector('meta[property="og:site_name"], meta[name="application-name"]')?.getAttribute?.('content');
  if (siteName && fold(siteName) !== '') return fold(siteName);
  const parts = fold(document.title ?? '').split(/\s+[|\u2013\u2014-]\s+/);
  return parts.length > 1 ? parts[parts.length - 1] : null;
}

/** The longest line a dateline may be ("Published: 3 March 2025, updated 4 March 2025" is 45). */
const DATELINE_CHARACTERS = 120;

/** A date written out in a line: "3 March 2025", "Feb 20, 2024", "09/11/2021". */
const WRITTEN_DATE = /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b|\b\d{1,2}\/\d{1,2}\/\d{4}\b/;

/** The labels of a page's metadata list ("Published:", "Last updated:") whose value is the page's date. */
const DATE_TERM = /^\s*(?:first\s+)?(?:published|updated|last\s+updated|posted|released|date)\b/i;

/**
 * The article's datelines where the page sets them apart from the body: a `<time>` or an element
 * the page names as the article's date or metadata beside the title ("Published: <time …>3 March
 * 2025</time>", "Updated <time …>", "Posted by … – 2 May 2024"), and a metadata list's "Published:"
 * and "Updated:" entries (gov.uk's `<dl>`). Each is a short line of its own, outside the asides
 * and lists of other pages; Readability leaves such lines out of the content it finds.
 */
function datelinesOf(document: { querySelectorAll(selector: string): ArrayLike<Element> }): Dateline[] {
  const dated = 'time[datetime], [itemprop="datePublished"], [itemprop="dateModified"], [class*="date" i], [class*="meta" i]:not(meta), [class*="updated" i]';
  const lines: Dateline[] = [];
  const keep = (line: string, value = line) => {
    if (line !== '' && line.length <= DATELINE_CHARACTERS && WRITTEN_DATE.test(line) && !lines.some((kept) => kept.line === line)) lines.push({ line, value: fold(value) });
  };
  const within = ['main', 'article', '[role="main"]'];
  for (const time of Array.from(document.querySelectorAll(within.map((scope) => `${scope} :is(${dated})`).join(', ')))) {
    // A metadata list is read term by term below.
    // A block that holds other dated elements is read through them (a by-line's block of author, date and update).
    if (time.closest('aside, nav, footer, li, [role="complementary"]') || time.querySelector(`dl, ${dated}`) || !WRITTEN_DATE.test(time.textContent ?? '')) continue;
    // A dateline is a short line; a date whose nearest block is a whole body of text is in its prose.
    keep(fold((time.closest('p, div, dd, span, header') ?? time).textContent ?? ''));
  }
  for (const term of Array.from(document.querySelectorAll('dl dt'))) {
    if (term.closest('aside, nav, footer, li') || !DATE_TERM.test(term.textContent ?? '')) continue;
    const definition = definitionOf(term);
    if (definition) keep(fold(`${fold(term.textContent ?? '').replace(/:?$/, ':')} ${definition.textContent ?? ''}`), definition.textContent ?? '');
  }
  return lines.slice(0, MAX_DATELINES);
}

/** The longest a by-line may be ("By Cllr Jane Example, Chief Reporter"). */
const BYLINE_CHARACTERS = 80;

/**
 * The article's by-line where Readability finds none: an element the page names as the by-line
 * or the author, or a short one that opens with "By" and a capital, beside the title and outside
 * the page's asides, lists and footers (an author's box at the foot is no by-line).
 */
function bylineOf(document: { querySelectorAll(selector: string): ArrayLike<Element> }): string {
  const within = ['main', 'article', '[role="main"]'];
  for (const element of Array.from(document.querySelectorAll(within.map((scope) => `${scope} :is(span, p, div)`).join(', ')))) {
    if (element.closest('aside, nav, footer, li, [role="complementary"]')) continue;
    const line = fold(element.textContent ?? '');
    if (line === '' || line.length > BYLINE_CHARACTERS) continue;
    const named = /\b(?:byline|author)\b/i.test((element as unknown as { className?: string }).className ?? '') && !element.querySelector('span, p, div');
    if (named || (/^[Bb]y\s+\p{Lu}/u.test(line) && !element.querySelector('p, div'))) return line;
  }
  return '';
}

/** A dateline, and the words whose presence in the content shows the content kept it (a metadata entry's value). */
interface Dateline {
  line: string;
  value: string;
}

/** A page's head holds a few datelines at most (published, updated, a by-line's date); more are a list of other pages. */
const MAX_DATELINES = 4;

/**
 * A page's furniture, which is no part of any document it carries: scripts and styles, the
 * site's header, navigation, search, footer, asides, cookie banners and dialogs, and the blocks
 * sites name for those (breadcrumbs, related links, share buttons, newsletter sign-ups).
 */
const BOILERPLATE = [
  'script, style, noscript, template, svg, iframe, form, button, nav, header, footer, aside, dialog',
  '[role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [role="search"], [role="dialog"], [aria-hidden="true"], [hidden]',
  ...['cookie', 'consent', 'breadcrumb', 'navigation', 'navbar', 'menu', 'masthead', 'footer', 'sidebar', 'related', 'share', 'social', 'skip-link', 'newsletter', 'promo', 'advert'].map(
    (word) => `[class*="${word}" i], [id*="${word}" i]`,
  ),
].join(', ');

/** The body without its furniture: what a reader of the page reads when no main content stands apart. */
function withoutBoilerplate(body: Element): Element {
  for (const furniture of Array.from(body.querySelectorAll(BOILERPLATE))) furniture.remove();
  return body;
}

/**
 * Readability's main content holds far less of the page than its body does once the furniture is
 * gone: a word processor's page, whose numbered body follows its header table, comes out as the
 * table alone. A reader reads such a page whole.
 */
const MAIN_CONTENT_SHARE = 0.5;
const MAIN_CONTENT_SLACK = 500;

function missesTheBody(content: string, body: string): boolean {
  const words = (text: string) => text.replace(/\s+/g, ' ').trim().length;
  const main = words(content);
  const whole = words(body);
  return whole - main > MAIN_CONTENT_SLACK && main < MAIN_CONTENT_SHARE * whole;
}

/** Where a link leads to a document rather than a page: a file's extension, or a site's store of files. */
const DOCUMENT_HREF = /\.(?:pdf|docx?|odt|rtf|xlsx?|ods|csv)(?:[?#]|$)|\/(?:media|assets|documents|download|files)\/[^?#]*\d/i;

/** What a page gives the pipeline: its main content as lines, and its publisher. */
export interface Page {
  lines: string[];
  publisher: string | null;
}

/**
 * The page's main content as lines: Readability's title first where the content's opening
 * leaves it out, and the datelines after it where the content left them out too.
 */
export function readPage(html: string): Page {
  const { document } = parseHTML(html);
  // A printed document's running header and footer, which word processors' HTML keeps as
  // elements of their own (LibreOffice `<div title="header">`, Word `mso-element:header`), are
  // not its words; Readability would unwrap them into the content, so they go first.
  for (const furniture of document.querySelectorAll('[title="header" i], [title="footer" i], [style*="mso-element:header"], [style*="mso-element:footer"]')) furniture.remove();
  // A quotation's attribution ("<blockquote>…<footer>Councillor …, Cabinet Member</footer>") is
  // the article's words, which Readability drops with every <footer>: it becomes a paragraph.
  for (const attribution of document.querySelectorAll('blockquote footer, figure footer')) {
    const paragraph = document.createElement('p');
    paragraph.append(...Array.from(attribution.childNodes));
    attribution.replaceWith(paragraph);
  }
  // A link to a document (a PDF, a Word file, a gov.uk attachment) is the page's list of what it
  // publishes, which Readability drops as a block of links: its words become the page's text.
  for (const link of Array.from(document.querySelectorAll('a[href]'))) {
    if (!DOCUMENT_HREF.test(link.getAttribute('href') ?? '')) continue;
    const words = document.createElement('span');
    words.append(...Array.from(link.childNodes));
    link.replaceWith(words);
  }
  const publisher = publisherOf(document as never);
  const datelines = datelinesOf(document as never);
  const pageByline = bylineOf(document as never);
  // Readability changes the document it reads: the body it is measured against is a copy.
  const body = withoutBoilerplate((document as unknown as { body: Element }).body.cloneNode(true) as Element);
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  const out = new LineWriter();
  if (article?.content && !missesTheBody(article.textContent ?? '', body.textContent ?? '')) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    writeChildren(content.body as unknown as DomNode, out, null);
  } else {
    writeChildren(body, out, null);
  }
  out.end();
  const lines = out.lines;
  const title = fold(article?.title ?? '');
  // Readability takes an article's by-line out of its content ("Jo Marsh | Reporter"): it is the article's words.
  // A by-line block that holds the dateline too gives each its own line.
  const byline = fold(datelines.reduce((rest, { line }) => rest.replace(line, ' '), article?.byline ?? '') || pageByline);
  const opening = lines.slice(0, TITLE_LINES).map(fold);
  const head = [
    ...(title !== '' && !opening.some((line) => line.includes(title)) ? [title] : []),
    ...(byline !== '' && !lines.some((line) => fold(line).includes(byline)) ? [byline] : []),
    ...datelines.filter(({ value }) => !lines.some((line) => fold(line).includes(value))).map(({ line }) => line),
  ];
  return { lines: [...head, ...lines], publisher };
}

/** Images embedded in the page as data URIs: bytes of no words, which a page may hold megabytes of. */
const DATA_URIS = /(["'(])data:[^"'()\s]{64,}/gi;

export function extractHtml(bytes: Uint8Array, options: MarkupOptions = {}): Result<Extracted> {
  const { maxTextChars = DEFAULT_MAX_TEXT_CHARS, maxMarkupBytes = DEFAULT_MAX_MARKUP_BYTES } = options;
  const decoded = decodeHtml(bytes);
  if (!decoded.ok) return decoded;
  if (!/<(?:html|body|p|div|h[1-6]|table)\b/i.test(decoded.value)) return fail('unsupported_format', 'the file is named as HTML but holds no HTML');
  const html = decoded.value.replace(DATA_URIS, '$1data:,');
  const markup = Buffer.byteLength(html);
  if (markup > maxMarkupBytes) return fail('too_large', `the page has ${markup} bytes of markup, more than the limit of ${maxMarkupBytes}`);
  const { lines, publisher } = readPage(html);
  return onePage('html', lines, maxTextChars, 'the page holds no text', publisher);
}
