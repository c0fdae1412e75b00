/**
 * The default limits that keep one pathological file from stalling a batch. A module of its
 * own, without imports, so that the CLI can show them without loading the pipeline.
 */

/** Files larger than this are `too_large`. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
/** PDFs with more pages are `too_many_pages`. */
export const DEFAULT_MAX_PAGES = 1000;
/** A notice is some 5,000 characters; a thousand pages of dense print stay below this. */
export const DEFAULT_MAX_TEXT_CHARS = 5_000_000;
/**
 * An HTML page, or a Word file's document part, with more markup than this is `too_large`
 * before it is parsed: a DOM takes some 20–30 bytes of memory a byte of markup, and a page of
 * this size stays within a worker's heap. Real pages are 50 KB–1 MB; images embedded as data
 * URIs do not count.
 */
export const DEFAULT_MAX_MARKUP_BYTES = 8 * 1024 * 1024;
/** A compressed stream that inflates past this is a compression bomb (`too_large`). */
export const DEFAULT_MAX_STREAM_BYTES = 128 * 1024 * 1024;
/** Per-file time limit in a batch (`timeout`). */
export const DEFAULT_TIMEOUT_MS = 120_000;
/** Enough for a few hundred pages; with two workers the batch stays under 400 MiB. */
export const DEFAULT_WORKER_HEAP_MIB = 160;
