/**
 * OCR for PDF pages without a text layer: the page is rendered by pdfjs onto an
 * @napi-rs/canvas canvas (pdfjs's own Node canvas factory) and read by tesseract.js with the
 * English LSTM model shipped in the npm package @tesseract.js-data/eng, so nothing is fetched
 * at run time. Tesseract's lines become `ExtractedLine`s with geometry in PDF points, measured
 * as the text layer's are (the same line grouping), so the normaliser reflows OCR'd pages like any other.
 *
 * Tesseract runs in its own worker thread: the main thread stays free to enforce a deadline,
 * and `close()` terminates the worker (it must always be called).
 */
import { createRequire } from 'node:module';
import { threadId } from 'node:worker_threads';
import { crc32, deflateSync } from 'node:zlib';
import { join } from 'node:path';
import { OPS, type PDFDocumentProxy, type PDFPageProxy } from './pdfjs.js';
import { createWorker, OEM, type Line, type Worker } from 'tesseract.js';
import { groupLines, type PlacedItem } from './lines.js';
import type { ExtractedLine, ExtractedPage } from './types.js';

/** 300 dpi: the resolution tesseract is trained for; lower loses small print. */
const RENDER_DPI = 300;
const POINTS_PER_INCH = 72;
/** A page rendered larger than this many pixels (a poster, a bogus MediaBox) is scaled down to it. */
const MAX_RENDER_PIXELS = 40_000_000;
/** Words closer than this many font sizes belong to one run; wider gaps may separate table cells. */
const RUN_GAP = 0.6;

const IMAGE_OPS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObject,
  OPS.paintImageMaskXObjectGroup,
  OPS.paintImageMaskXObjectRepeat,
]);

/** Whether a page paints any image: a page with neither text nor images has nothing to read. */
export async function paintsImages(page: PDFPageProxy): Promise<boolean> {
  const operators = await page.getOperatorList();
  return operators.fnArray.some((op) => IMAGE_OPS.has(op));
}

/** The folder holding `eng.traineddata.gz` (the LSTM-only "best_int" model). */
function modelFolder(): string {
  const require = createRequire(import.meta.url);
  const english = require('@tesseract.js-data/eng') as { langPath: string };
  return join(english.langPath, '..', '4.0.0_best_int');
}

/** pdfjs's Node canvas factory (typed as a bare object by pdfjs), making @napi-rs/canvas canvases. */
interface NodeCanvasFactory {
  create(width: number, height: number): { canvas: { data(): Buffer; width: number; height: number }; context: CanvasRenderingContext2D };
  destroy(target: unknown): void;
}

/** A PNG chunk: length, type, data, and the CRC of type and data. */
function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/**
 * A rendered page as an 8-bit grey PNG. Tesseract reads in grey anyway; handed the canvas's
 * colour PNG it holds the page at four bytes a pixel, some 50 MB more at 300 dpi, which is what
 * keeps an ingest with scans inside its memory budget.
 */
export function greyPng(rgba: Uint8Array, width: number, height: number): Buffer {
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    const out = y * (width + 1);
    rows[out] = 0; // no filter
    for (let x = 0, i = y * width * 4; x < width; x++, i += 4) {
      rows[out + 1 + x] = (rgba[i] * 299 + rgba[i + 1] * 587 + rgba[i + 2] * 114) / 1000;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // colour type: grey
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 1 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

async function renderPage(doc: PDFDocumentProxy, page: PDFPageProxy): Promise<{ png: Buffer; scale: number }> {
  const base = page.getViewport({ scale: 1 });
  const wanted = RENDER_DPI / POINTS_PER_INCH;
  const scale = Math.min(wanted, Math.sqrt(MAX_RENDER_PIXELS / Math.max(1, base.width * base.height)));
  const viewport = page.getViewport({ scale });
  const factory = doc.canvasFactory as NodeCanvasFactory;
  const target = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
  // A white ground: a transparent canvas reads as black to tesseract.
  target.context.fillStyle = '#ffffff';
  target.context.fillRect(0, 0, Math.ceil(viewport.width), Math.ceil(viewport.height));
  await page.render({ canvasContext: target.context, canvas: target.canvas as unknown as HTMLCanvasElement, viewport }).promise;
  const png = greyPng(target.canvas.data(), target.canvas.width, target.canvas.height);
  factory.destroy(target);
  return { png, scale };
}

/**
 * A tesseract line as placed pieces of text in PDF points: words closer than about a word
 * space form one piece, so that a wide gap (a table's column) still separates runs.
 */
export function placedFromOcr(line: Line, scale: number): PlacedItem[] {
  const fontSize = (line.rowAttributes?.rowHeight || line.bbox.y1 - line.bbox.y0) / scale;
  const baseline = (line.baseline ? (line.baseline.y0 + line.baseline.y1) / 2 : line.bbox.y1) / scale;
  const pieces: PlacedItem[] = [];
  for (const word of line.words) {
    if (word.text.trim() === '') continue;
    const x = word.bbox.x0 / scale;
    const right = word.bbox.x1 / scale;
    const last = pieces[pieces.length - 1];
    if (last && x - last.right < fontSize * RUN_GAP) {
      last.text += ` ${word.text}`;
      last.right = right;
    } else {
      pieces.push({ text: word.text, x, right, baseline, fontSize, fontName: 'ocr' });
    }
  }
  return pieces;
}

/** A letter list marker at the start of a line: `a.`, `(b)`, `- c.`. */
const LETTER_MARKER = /^((?:[-\u2022]\s+)?\(?)([A-Za-z])(?=[.)]\s)/;
/** Letters whose capital is the small letter enlarged: OCR guesses their case from size alone. */
const CASE_AMBIGUOUS = new Set('cosuvwxz');

/**
 * Tesseract often reads the list marker `c.` as `C.` (and `o`, `s`, `v`… alike). Where a page's
 * other letter markers are lower case, an ambiguous capital marker is taken to be lower case.
 */
export function matchMarkerCase(lines: ExtractedLine[]): ExtractedLine[] {
  const cases = lines
    .map((line) => LETTER_MARKER.exec(line.text)?.[2])
    .filter((letter): letter is string => letter !== undefined && !CASE_AMBIGUOUS.has(letter.toLowerCase()));
  const lower = cases.filter((letter) => letter === letter.toLowerCase()).length;
  if (lower <= cases.length - lower) return lines;
  const fix = (text: string) =>
    text.replace(LETTER_MARKER, (marker, before: string, letter: string) => (CASE_AMBIGUOUS.has(letter.toLowerCase()) ? before + letter.toLowerCase() : marker));
  return lines.map((line) => {
    if (!LETTER_MARKER.test(line.text) || !line.geometry) return line;
    const [first, ...rest] = line.geometry.runs;
    return { text: fix(line.text), geometry: { ...line.geometry, runs: [{ ...first, text: fix(first.text) }, ...rest] } };
  });
}

export interface OcrReader {
  read(doc: PDFDocumentProxy, page: PDFPageProxy): Promise<ExtractedPage>;
  /** Terminates the tesseract worker, if one was started. Safe to call more than once. */
  close(): Promise<void>;
}

/**
 * One OCR at a time in the whole process. Tesseract's model and a page rendered at 300 dpi
 * take some 200 MiB; two ingest workers each reading a scan at once would double that. The
 * ingest's worker threads share this lock (a SharedArrayBuffer from the pool, holding the
 * holder's thread id); a process that reads one document at a time has none.
 */
let ocrLock: Int32Array | null = null;

/** Atomics.waitAsync (Node 20 has it; TypeScript's ES2022 library does not declare it yet). */
const waitAsync = (Atomics as unknown as { waitAsync(view: Int32Array, index: number, value: number): { value: Promise<string> | string } }).waitAsync;

/** Shares a lock among the threads of a process: 0 free, 1 held. */
export function shareOcrLock(lock: SharedArrayBuffer): void {
  ocrLock = new Int32Array(lock);
}

async function acquireOcrLock(): Promise<void> {
  if (!ocrLock) return;
  for (;;) {
    const holder = Atomics.compareExchange(ocrLock, 0, 0, threadId);
    if (holder === 0) return;
    await waitAsync(ocrLock, 0, holder).value;
  }
}

/** Frees a shared OCR lock if the given thread holds it (this thread's release, or the pool's for a worker it stopped). */
export function releaseOcrLockOf(lock: SharedArrayBuffer, holder: number): void {
  const view = new Int32Array(lock);
  if (Atomics.compareExchange(view, 0, holder, 0) === holder) Atomics.notify(view, 0);
}

function releaseOcrLock(): void {
  if (ocrLock) releaseOcrLockOf(ocrLock.buffer as SharedArrayBuffer, threadId);
}

/**
 * A reader that starts its tesseract worker on the first page it is asked to read, holding the
 * process's OCR lock from then until it is closed. Once closed
 * (at the end, or when a deadline passes mid-page) it reads no more: tesseract must not be
 * handed a job after its worker is gone.
 */
export function createOcrReader(): OcrReader {
  let worker: Promise<Worker> | null = null;
  let locked: Promise<void> | null = null;
  let closed = false;
  const usable = (): void => {
    if (closed) throw new Error('the OCR reader was closed');
  };
  return {
    async read(doc, page) {
      usable();
      locked ??= acquireOcrLock();
      await locked;
      usable();
      worker ??= createWorker('eng', OEM.LSTM_ONLY, { langPath: modelFolder(), gzip: true, cacheMethod: 'none' });
      const { png, scale } = await renderPage(doc, page);
      const ready = await worker;
      usable();
      const result = await ready.recognize(png, {}, { blocks: true, text: false });
      // Lines of separate blocks on one baseline (a table's key and value) join as in the text layer.
      const lines = matchMarkerCase(
        groupLines(
          (result.data.blocks ?? []).flatMap((block) => block.paragraphs.flatMap((paragraph) => paragraph.lines.flatMap((line) => placedFromOcr(line, scale)))),
        ),
      );
      const viewport = page.getViewport({ scale: 1 });
      return { page: page.pageNumber, width: viewport.width, height: viewport.height, lines };
    },
    async close() {
      closed = true;
      const started = worker;
      const held = locked;
      worker = null;
      locked = null;
      try {
        if (started) await (await started).terminate();
      } finally {
        // Released only once the worker and its memory are gone; a reader still waiting for the lock takes it and lets it go.
        if (held) await held.then(releaseOcrLock);
      }
    },
  };
}
