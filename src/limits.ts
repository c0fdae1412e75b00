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
/** A compressed stream that inflates past this is a compression bomb (`too_large`). */
export const DEFAULT_MAX_STREAM_BYTES = 128 * 1024 * 1024;
/** Per-file time limit in a batch (`timeout`). */
export const DEFAULT_TIMEOUT_MS = 120_000;
/** Enough for a few hundred pages; with two workers the batch stays under 400 MiB. */
export const DEFAULT_WORKER_HEAP_MIB = 160;
