/**
 * Makers of hostile and awkward input files for the extract, robustness and CLI tests. Every
 * file is made by the test that uses it, in a temporary folder, from the seed PDFs or from
 * scratch; nothing hostile is checked in.
 *
 * Needs poppler-utils (`pdftoppm`) and `qpdf` on the PATH for scans and encryption.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeflate, deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SEEDS = join(ROOT, 'fixtures', 'seeds');
export const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');

export function seedBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(SEEDS, name)));
}

export function makeTempDir(label: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `notices-${label}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Random bytes from a seeded generator, so a failure can be replayed. */
export function randomBytes(length: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

/**
 * A PDF written object by object with a correct cross-reference table: object `i` of the list
 * is `i+1 0 obj`, object 1 must be the catalogue.
 */
export function buildPdf(objects: Array<string | Buffer>): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(length);
    const part = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'), Buffer.from('\nendobj\n')]);
    parts.push(part);
    length += part.length;
  });
  const table = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${table}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

export function streamObject(dictionary: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<< ${dictionary} /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream')]);
}

/** A one-page PDF (Helvetica as font 5 0 R) whose page draws the given content stream. */
export function onePagePdf(content: Buffer, pagesNode = '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'): Buffer {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    pagesNode,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    content,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

export function textContent(text: string): Buffer {
  return streamObject('', Buffer.from(`BT /F1 12 Tf 72 720 Td (${text}) Tj ET`));
}

/** Flate data that inflates to `size` spaces, made in chunks so the test never holds `size` bytes. */
export async function deflatedSpaces(size: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const chunk = Buffer.alloc(4 * 1024 * 1024, 0x20);
  for (let written = 0; written < size; written += chunk.length) {
    const piece = written + chunk.length <= size ? chunk : chunk.subarray(0, size - written);
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  await new Promise<void>((resolve, reject) => deflate.end(() => resolve()).once('error', reject));
  return Buffer.concat(out);
}

/** A page whose compressed content stream inflates to `size` bytes. */
export async function compressionBomb(size: number): Promise<Buffer> {
  return onePagePdf(streamObject('/Filter /FlateDecode', await deflatedSpaces(size)));
}

/** A page whose content stream draws `characters` characters of text, compressed. */
export function wordyPdf(characters: number): Buffer {
  const line = 'BT /F1 6 Tf 10 10 Td (' + 'lorem ipsum '.repeat(20) + ') Tj ET\n';
  const repeats = Math.ceil(characters / 240);
  return onePagePdf(streamObject('/Filter /FlateDecode', deflateSync(Buffer.from(line.repeat(repeats)))));
}

/** Arrays nested `depth` deep, in the content stream and in a resource dictionary. */
export function deeplyNestedPdf(depth: number): Buffer {
  const nested = '['.repeat(depth) + ']'.repeat(depth);
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /Deep ${nested} >> >>`,
    streamObject('', Buffer.from(`${nested}\nBT /F1 12 Tf 72 720 Td (survived) Tj ET`)),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

/** A page tree that claims a billion pages. */
export function lyingPageCountPdf(): Buffer {
  return onePagePdf(textContent('one page only'), '<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>');
}

/** A page tree whose node lists itself among its kids. */
export function pageTreeLoopPdf(): Buffer {
  return onePagePdf(textContent('loop'), '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>');
}

/** The cross-reference table's offsets overwritten with junk of the same length (objects intact). */
export function brokenXref(pdf: Uint8Array): Buffer {
  const text = Buffer.from(pdf).toString('latin1');
  const start = text.lastIndexOf('\nxref');
  const end = text.indexOf('trailer', start);
  if (start < 0 || end < 0) throw new Error('no classic xref table to break');
  const broken = text.slice(start, end).replace(/\d{10} \d{5} [nf]/g, (entry) => entry.replace(/\d/g, '9'));
  return Buffer.from(text.slice(0, start) + broken + text.slice(end), 'latin1');
}

/** A PDF header and trailer with nothing readable between them. */
export function hollowPdf(): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(randomBytes(2048, 7)), Buffer.from('\ntrailer\n<< /Root 1 0 R >>\nstartxref\n999999\n%%EOF\n')]);
}

/** `qpdf --encrypt USER OWNER 256`: with an empty user password anyone may open the file. */
export function encryptPdf(input: string, output: string, userPassword: string, ownerPassword: string): void {
  execFileSync('qpdf', ['--encrypt', userPassword, ownerPassword, '256', '--', input, output]);
}

/**
 * A scan of a PDF: every page rendered to a greyscale PNG at `dpi` by pdftoppm and placed as
 * the whole of a page of the same size, with no text layer.
 */
export async function scannedCopy(input: string, dpi = 200): Promise<Uint8Array> {
  const work = makeTempDir('scan');
  try {
    const rendered = spawnSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', input, join(work.dir, 'page')]);
    if (rendered.status !== 0) throw new Error(`pdftoppm failed: ${rendered.stderr}`);
    const source = await PDFDocument.load(readFileSync(input));
    const scan = await PDFDocument.create();
    const images = readdirSync(work.dir).filter((name) => name.endsWith('.png')).sort();
    for (const [index, name] of images.entries()) {
      const { width, height } = source.getPage(index).getSize();
      const image = await scan.embedPng(readFileSync(join(work.dir, name)));
      scan.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
    }
    return scan.save();
  } finally {
    work.remove();
  }
}

/** A PDF of `pages` pages, each with one numbered line of text. */
export async function manyPagePdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    doc.addPage([595, 842]).drawText(`Paragraph ${n} of the long report on children's services.`, { x: 72, y: 700, size: 11, font });
  }
  return doc.save();
}

/** Windows-1252 bytes for text in that code page (what "ANSI" editors write). */
export function windows1252(text: string): Buffer {
  const high: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };
  return Buffer.from(
    [...text].map((ch) => {
      if (high[ch] !== undefined) return high[ch];
      const code = ch.codePointAt(0) ?? 0;
      if (code > 0xff || (code >= 0x80 && code < 0xa0)) throw new Error(`not in Windows-1252: ${ch}`);
      return code;
    }),
  );
}

/** UTF-16 with a byte-order mark, little- or big-endian. */
export function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.from(text, 'utf16le');
  if (endian === 'le') return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
  const be = Buffer.from(le);
  be.swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
}

/** Runs the built CLI; never throws on a non-zero exit. */
export function runCli(args: string[], timeoutMs = 120_000): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export function writeFile(dir: string, name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}
