/**
 * Word files (`.docx`): the document part only, so headers, footers, footnotes and comments are
 * left out, written as the lines the normaliser reads. A paragraph is a line, with the list
 * number Word shows computed from the numbering definitions (`%1.%2` of a level, its format and
 * start, counters restarting below a level that moves on), so "5.b" reads as the document shows
 * it; a table row is its cells joined by TABs; a text box's paragraphs follow the paragraph that
 * anchors them; deleted text of tracked changes is left out. One page: Word files have no pages
 * until printed.
 *
 * The zip is read with fflate (small, fast, no dependencies) and the XML with linkedom's parser,
 * which the HTML reader already brings.
 */
import { unzipSync } from 'fflate';
import { DOMParser } from 'linkedom';
import { DEFAULT_MAX_MARKUP_BYTES, DEFAULT_MAX_TEXT_CHARS } from '../limits.js';
import { fail, type Result } from '../record.js';
import { listNumber } from './list-numbers.js';
import { onePage } from './one-page.js';
import type { Extracted, MarkupOptions } from './types.js';

interface XmlElement {
  tagName: string;
  childNodes: ArrayLike<XmlElement & { nodeType: number }>;
  textContent: string | null;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<XmlElement>;
}

const elements = (node: XmlElement): XmlElement[] => Array.from(node.childNodes).filter((child) => child.nodeType === 1);
const child = (node: XmlElement, tag: string): XmlElement | undefined => elements(node).find((e) => e.tagName === tag);
const value = (node: XmlElement | undefined, tag: string): string | null => (node ? (child(node, tag)?.getAttribute('w:val') ?? null) : null);

function parseXml(xml: string): XmlElement {
  return (new DOMParser().parseFromString(xml, 'text/xml') as unknown as { documentElement: XmlElement }).documentElement;
}

interface Level {
  start: number;
  format: string;
  text: string;
}

interface Numbering {
  /** Each abstract list definition's levels. */
  definitions: Map<string, Level[]>;
  /** Each list (numId): its definition, and the levels it restarts at a number of its own. */
  lists: Map<string, { definition: string; restarts: Map<number, number> }>;
}

/** Word's list definitions (abstractNum) and the lists (num) that use them. */
function readNumbering(xml: string | undefined): Numbering {
  const numbering: Numbering = { definitions: new Map(), lists: new Map() };
  if (!xml) return numbering;
  const root = parseXml(xml);
  for (const definition of Array.from(root.getElementsByTagName('w:abstractNum'))) {
    const levels: Level[] = [];
    for (const level of Array.from(definition.getElementsByTagName('w:lvl'))) {
      levels[Number(level.getAttribute('w:ilvl'))] = {
        start: Number(value(level, 'w:start') ?? 1),
        format: value(level, 'w:numFmt') ?? 'decimal',
        text: value(level, 'w:lvlText') ?? '',
      };
    }
    numbering.definitions.set(definition.getAttribute('w:abstractNumId') ?? '', levels);
  }
  for (const num of Array.from(root.getElementsByTagName('w:num'))) {
    const restarts = new Map<number, number>();
    for (const override of Array.from(num.getElementsByTagName('w:lvlOverride'))) {
      const start = value(override, 'w:startOverride');
      if (start !== null) restarts.set(Number(override.getAttribute('w:ilvl')), Number(start));
    }
    numbering.lists.set(num.getAttribute('w:numId') ?? '', { definition: value(num, 'w:abstractNumId') ?? '', restarts });
  }
  return numbering;
}

/** The list (numId, level) each paragraph style numbers its paragraphs with, as styles.xml says. */
function readStyleNumbering(xml: string | undefined): Map<string, { numId: string; ilvl: number }> {
  const styles = new Map<string, { numId: string; ilvl: number }>();
  if (!xml) return styles;
  for (const style of Array.from(parseXml(xml).getElementsByTagName('w:style'))) {
    const numPr = style.getElementsByTagName('w:numPr')[0];
    const numId = numPr && value(numPr, 'w:numId');
    if (numId) styles.set(style.getAttribute('w:styleId') ?? '', { numId, ilvl: Number(value(numPr, 'w:ilvl') ?? 0) });
  }
  return styles;
}

/**
 * Numbers paragraphs as Word does. The counters belong to a list definition, shared by every
 * list that uses it (LibreOffice and Word write one list per numbered run, each naming where it
 * restarts); a level's counter restarts when a level above it of the same definition moves on,
 * and a list that overrides a level's start sets it the first time it is used.
 */
class ListCounter {
  private readonly counters = new Map<string, number[]>();
  private readonly restarted = new Set<string>();
  constructor(private readonly numbering: Numbering) {}

  label(numId: string, ilvl: number): string {
    const list = this.numbering.lists.get(numId);
    const levels = list && this.numbering.definitions.get(list.definition);
    const level = levels?.[ilvl];
    if (!list || !levels || !level) return '';
    const counts = this.counters.get(list.definition) ?? [];
    const restart = list.restarts.get(ilvl);
    const key = `${numId}/${ilvl}`;
    if (restart !== undefined && !this.restarted.has(key)) {
      counts[ilvl] = restart;
      this.restarted.add(key);
    } else counts[ilvl] = counts[ilvl] === undefined ? level.start : counts[ilvl] + 1;
    counts.length = ilvl + 1;
    this.counters.set(list.definition, counts);
    if (level.format === 'bullet') return '•';
    return level.text.replace(/%(\d)/g, (_, k: string) => {
      const i = Number(k) - 1;
      return listNumber(counts[i] ?? levels[i]?.start ?? 1, levels[i]?.format ?? 'decimal');
    });
  }
}

class DocxWriter {
  readonly lines: string[] = [];
  constructor(
    private readonly counter: ListCounter,
    private readonly styleNumbering: Map<string, { numId: string; ilvl: number }>,
  ) {}

  /** A paragraph's words: its runs' text, tabs as spaces, breaks as line ends; deleted text and field codes left out. */
  private paragraphText(paragraph: XmlElement, boxes: XmlElement[]): string[] {
    const parts: string[] = [''];
    const walk = (node: XmlElement): void => {
      for (const e of elements(node)) {
        if (e.tagName === 'w:t') parts[parts.length - 1] += e.textContent ?? '';
        else if (e.tagName === 'w:tab') parts[parts.length - 1] += ' ';
        else if (e.tagName === 'w:br' || e.tagName === 'w:cr') parts.push('');
        else if (e.tagName === 'w:txbxContent') boxes.push(e);
        // A drawing written twice (for newer and older Word) is read once.
        else if (e.tagName === 'mc:AlternateContent') walk(child(e, 'mc:Choice') ?? e);
        else if (!['w:del', 'w:delText', 'w:instrText', 'w:pPr', 'w:rPr'].includes(e.tagName)) walk(e);
      }
    };
    walk(paragraph);
    return parts;
  }

  paragraph(paragraph: XmlElement): void {
    const properties = child(paragraph, 'w:pPr');
    const numPr = properties && child(properties, 'w:numPr');
    const styled = properties ? this.styleNumbering.get(value(properties, 'w:pStyle') ?? '') : undefined;
    const numId = (numPr && value(numPr, 'w:numId')) ?? styled?.numId;
    const ilvl = numPr && value(numPr, 'w:ilvl') !== null ? Number(value(numPr, 'w:ilvl')) : (styled?.ilvl ?? 0);
    const boxes: XmlElement[] = [];
    const [first, ...rest] = this.paragraphText(paragraph, boxes);
    const label = numId && numId !== '0' && first.trim() !== '' ? this.counter.label(numId, ilvl) : '';
    this.push(label ? `${label} ${first}` : first);
    for (const line of rest) this.push(line);
    for (const box of boxes) this.body(box);
  }

  table(table: XmlElement): void {
    for (const row of elements(table).filter((e) => e.tagName === 'w:tr')) {
      const cells = elements(row)
        .filter((e) => e.tagName === 'w:tc')
        .map((cell) => {
          const inner = new DocxWriter(this.counter, this.styleNumbering);
          inner.body(cell);
          return inner.lines.join(' ');
        });
      this.lines.push(cells.join('\t'));
    }
  }

  body(container: XmlElement): void {
    for (const e of elements(container)) {
      if (e.tagName === 'w:p') this.paragraph(e);
      else if (e.tagName === 'w:tbl') this.table(e);
      else if (e.tagName === 'w:sdt') this.body(child(e, 'w:sdtContent') ?? e);
    }
  }

  private push(text: string): void {
    const line = text.replace(/\s+/g, ' ').trim();
    if (line !== '') this.lines.push(line);
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, i) => bytes[i] === byte);

export function extractDocx(bytes: Uint8Array, options: MarkupOptions = {}): Result<Extracted> {
  const { maxTextChars = DEFAULT_MAX_TEXT_CHARS, maxMarkupBytes = DEFAULT_MAX_MARKUP_BYTES } = options;
  if (startsWith(bytes, COMPOUND_FILE)) {
    // An encrypted Word file is a compound file holding the encrypted package; otherwise it is the older .doc format.
    const encrypted = Buffer.from(bytes).includes(Buffer.from('EncryptedPackage', 'utf16le'));
    return encrypted ? fail('encrypted', 'the Word file is encrypted: a password is needed') : fail('unsupported_format', 'a Word 97-2003 (.doc) file, not .docx');
  }
  if (!startsWith(bytes, ZIP)) return fail('invalid_docx', 'the file is named as a Word file but is none: neither a .docx (zip) nor a Word 97-2003 file');
  let files: Record<string, Uint8Array>;
  // The parts' sizes as the zip's directory gives them, checked before any is inflated: a few
  // kilobytes of zip can inflate to gigabytes. A part that inflates past its stated size is an
  // error of fflate's, so the stated size bounds the real one.
  let oversized = null as { name: string; size: number } | null;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!/^word\/(?:document|numbering|styles)\.xml$|^word\/vbaProject\.bin$/.test(file.name)) return false;
        if (file.originalSize > maxMarkupBytes) oversized ??= { name: file.name, size: file.originalSize };
        return oversized === null;
      },
    });
  } catch (error) {
    return fail('invalid_docx', `the Word file's zip cannot be read: ${(error as Error).message}`);
  }
  if (oversized) return fail('too_large', `the Word file's ${oversized.name} inflates to ${oversized.size} bytes, more than the limit of ${maxMarkupBytes}`);
  if (files['word/vbaProject.bin']) return fail('unsupported_format', 'a macro-enabled Word file: its macros are never run, save it as .docx');
  const document = files['word/document.xml'];
  if (!document) return fail('invalid_docx', 'the Word file has no document part (word/document.xml)');
  const text = (name: string) => (files[name] ? Buffer.from(files[name]).toString('utf8') : undefined);
  const xml = text('word/document.xml')!;
  // A part cut short (a damaged zip, or one whose directory understates the part's size, which
  // bounds what fflate inflates) lacks its root's end tag.
  if (!/<\/(?:\w+:)?document>\s*$/.test(xml)) return fail('invalid_docx', 'the document part is cut short: the zip is damaged');
  const root = parseXml(xml);
  const body = root.getElementsByTagName('w:body')[0];
  if (!body) return fail('invalid_docx', 'the document part has no body');
  const writer = new DocxWriter(new ListCounter(readNumbering(text('word/numbering.xml'))), readStyleNumbering(text('word/styles.xml')));
  writer.body(body);
  return onePage('docx', writer.lines, maxTextChars, 'the Word file holds no text');
}
