/**
 * Batch ingest: files → worker threads (parsing) → the main thread (the only writer), one
 * transaction per document. Content already in the corpus (same sha256) is not parsed again,
 * so a re-run after a crash picks up where the last committed document left off — unless
 * `reprocess` asks for it: every document, or those another pipeline version made.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import PQueue from 'p-queue';
import type { OcrMode } from '../extract/index.js';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, DEFAULT_WORKER_HEAP_MIB } from '../limits.js';
import { pipelineVersion } from '../version.js';
import { findInputs } from './inputs.js';
import { WorkerPool } from './pool.js';
import { openCorpus } from './read.js';
import { CorpusWriter, type IngestErrorCode } from './write.js';


export interface IngestOptions {
  db: string;
  /** Worker threads; defaults to the machine's available parallelism. */
  concurrency?: number;
  /** Per-file limit: a worker still busy after this long is replaced and the file is `timeout`. */
  timeoutMs?: number;
  /** Per-file limit on size: larger files are `too_large` without being read. */
  maxBytes?: number;
  maxPages?: number;
  /** The formats a folder is searched for (default: all of pdf, txt, html, docx). */
  formats?: string[];
  /** OCR of pages without a text layer (default `auto`: scanned pages only). */
  ocr?: OcrMode;
  /**
   * Parse again files whose content the corpus holds: `outdated`, those made by another
   * pipeline version (or before versions were recorded); `all`, every one.
   */
  reprocess?: 'outdated' | 'all';
  /** Each worker's heap limit in MiB. */
  workerHeapMib?: number;
  /** Called after each file, for a progress display. */
  onProgress?: (progress: IngestProgress) => void;
}

export interface IngestProgress {
  done: number;
  total: number;
  errors: number;
}

export interface IngestFailure {
  path: string;
  code: IngestErrorCode;
  message: string;
}

export interface IngestSummary {
  files: number;
  /** New documents stored by this run. */
  added: number;
  /** Files whose content the corpus already held (a new path is noted, nothing parsed). */
  alreadyStored: number;
  /** Stored documents parsed again and replaced (`reprocess`). */
  reprocessed: number;
  failures: IngestFailure[];
  /** Files in the folders given that are of no format read, counted by extension. */
  skipped: Record<string, number>;
  /** The pipeline version that made this run's documents. */
  pipelineVersion: string;
  /** The whole corpus after the run; `outdated` counts documents another pipeline version made. */
  corpus: { documents: number; byKind: Record<string, number>; councils: number; ingestErrors: number; outdated: number };
  elapsedMs: number;
}

/** Thrown when none of the paths names anything: no corpus is created for nothing. */
export class NothingToIngestError extends Error {
  readonly code = 'nothing_to_ingest';
}

export async function ingest(args: readonly string[], options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const { files, missing, skipped } = await findInputs(args, options.formats);
  if (files.length === 0 && missing.length > 0) {
    throw new NothingToIngestError(`nothing to ingest: no file, folder or glob matches ${missing.join(', ')}`);
  }
  const db = openCorpus(options.db);
  try {
    const writer = new CorpusWriter(db);
    const version = pipelineVersion();
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const size = Math.max(1, options.concurrency ?? availableParallelism());
    const pool = new WorkerPool({ size, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, heapMib: options.workerHeapMib ?? DEFAULT_WORKER_HEAP_MIB });
    const failures: IngestFailure[] = [];
    let added = 0;
    let alreadyStored = 0;
    let reprocessed = 0;
    let done = 0;
    const wantsReprocessing = (storedVersion: string | null): boolean =>
      options.reprocess === 'all' || (options.reprocess === 'outdated' && storedVersion !== version);

    const fail = (path: string, sha256: string | null, code: IngestErrorCode, message: string): null => {
      writer.recordError(path, sha256, code, message);
      failures.push({ path, code, message });
      return null;
    };
    for (const path of missing) fail(path, null, 'unreadable', 'no such file or folder, and no file matches it as a glob');

    // Content being parsed right now, so a second path with the same bytes waits for the first.
    const inFlight = new Map<string, Promise<number | null>>();

    const ingestFile = async (path: string): Promise<void> => {
      let bytes: Uint8Array;
      try {
        const info = await stat(path);
        if (info.size > maxBytes) return void fail(path, null, 'too_large', `the file is ${info.size} bytes, more than the limit of ${maxBytes}`);
        bytes = new Uint8Array(await readFile(path));
      } catch (error) {
        return void fail(path, null, 'unreadable', (error as Error).message);
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const pending = inFlight.get(sha256);
      const stored = pending ? null : writer.documentBySha(sha256);
      const known = pending ? await pending : stored && !wantsReprocessing(stored.pipeline_version) ? stored.id : null;
      if (known !== null) {
        writer.addPath(known, path);
        alreadyStored += 1;
        return;
      }
      // The bytes are handed over to the worker thread, which leaves this view empty: their size is read first.
      const size = bytes.byteLength;
      const parsed = pool.run({ path, bytes, options: { maxPages: options.maxPages, ocr: options.ocr } }).then((reply) => {
        if (!reply.ok) return fail(path, sha256, reply.code, reply.message);
        try {
          const id = writer.storeRows(reply.value, path, size, stored?.id);
          if (stored) reprocessed += 1;
          else added += 1;
          return id;
        } catch (error) {
          return fail(path, sha256, 'internal_error', `could not store the document: ${(error as Error).message}`);
        }
      });
      inFlight.set(sha256, parsed);
      await parsed;
      inFlight.delete(sha256);
    };

    // At most two files per worker are read and held in memory at once: one parsing, one ready.
    const reading = new PQueue({ concurrency: 2 * size });
    for (const path of files) {
      await reading.onSizeLessThan(size);
      void reading.add(() =>
        ingestFile(path).finally(() => {
          done += 1;
          options.onProgress?.({ done, total: files.length, errors: failures.length });
        }),
      );
    }
    await reading.onIdle();
    await pool.close();

    const count = (sql: string): number => db.prepare(sql).pluck().get() as number;
    const byKind = Object.fromEntries(
      (db.prepare('SELECT kind, COUNT(*) AS n FROM documents GROUP BY kind ORDER BY kind').all() as { kind: string; n: number }[]).map((r) => [r.kind, r.n]),
    );
    return {
      files: files.length + missing.length,
      added,
      alreadyStored,
      reprocessed,
      failures,
      skipped,
      pipelineVersion: version,
      corpus: {
        documents: count('SELECT COUNT(*) FROM documents'),
        byKind,
        councils: count('SELECT COUNT(DISTINCT council_gss) FROM documents'),
        ingestErrors: count('SELECT COUNT(*) FROM ingest_errors'),
        outdated: db.prepare('SELECT COUNT(*) FROM documents WHERE pipeline_version IS NOT ?').pluck().get(version) as number,
      },
      elapsedMs: Math.round(performance.now() - started),
    };
  } finally {
    db.close();
  }
}
