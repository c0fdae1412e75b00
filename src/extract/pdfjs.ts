/**
 * pdfjs-dist, loaded once for the whole process, with its fake worker, and with the built-ins
 * its legacy build's core-js polyfills replace put back.
 *
 * The legacy build (the one that runs on Node 20) swaps Array.prototype.push, JSON.parse and
 * JSON.stringify for JavaScript versions, for spec corner cases Node 20's natives miss
 * (non-writable array lengths, JSON.parse source access). pdfjs does not need those corners,
 * but the swap makes every push and JSON call in the process several times slower: a third of
 * a batch's time went there. The polyfills that only add missing methods are kept.
 *
 * pdfjs also inflates content streams through the global DecompressionStream when there is one.
 * Node's implementation runs over web streams, whose overhead on the small streams of a notice
 * costs more than pdfjs's own synchronous inflater: without it a document parses some 25%
 * faster. Nothing else in this program uses DecompressionStream, so it is removed.
 */
const native = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;

const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
// pdfjs runs its "worker" in this thread when it finds it on globalThis; loading it now rather
// than on the first document lets the built-ins be restored after it too.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');

Array.prototype.push = native.push;
JSON.parse = native.parse;
JSON.stringify = native.stringify;

export const { getDocument, OPS } = pdfjs;

let sharedWorker: InstanceType<typeof pdfjs.PDFWorker> | null = null;

/**
 * One pdfjs worker (pdfjs's "fake" worker, in this thread) for every document this thread
 * reads: a document no longer pays for setting up a worker of its own.
 */
export function pdfWorker(): InstanceType<typeof pdfjs.PDFWorker> {
  sharedWorker ??= new pdfjs.PDFWorker({ verbosity: 0 });
  return sharedWorker;
}
export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
export type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
