/**
 * `notices ingest PATH… [--db FILE]`: a batch of files, folders or globs into the SQLite corpus
 * (`-` reads the paths from standard input, one a line). stdout stays clean (or carries the
 * JSON summary with `--json`, snake_case as every JSON the CLI prints); progress and the summary
 * go to stderr. Exit 0 when every file is in the corpus, 3 when some were bad, 2 when no path
 * names anything (no corpus is made), 1 on a fatal error.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { OcrMode } from '../../extract/index.js';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, DEFAULT_WORKER_HEAP_MIB } from '../../limits.js';
import { NothingToIngestError, ingest, type IngestOptions, type IngestProgress, type IngestSummary } from '../../store/ingest.js';
import { FORMATS } from '../../store/inputs.js';
import { DEFAULT_DB, EXIT, positiveInteger, snakeCaseKeys, standardInputLines, writeJson } from '../output.js';

interface IngestCommandOptions {
  db: string;
  concurrency?: number;
  timeoutMs: number;
  maxBytes: number;
  maxPages?: number;
  workerHeapMb: number;
  ocr: OcrMode;
  reprocess?: IngestOptions['reprocess'];
  formats?: string[];
  json?: boolean;
}

/** `--formats html,docx`: known formats only, else a usage error. */
function formatList(value: string): string[] {
  const formats = value.split(',').map((part) => part.trim().toLowerCase()).filter((part) => part !== '');
  const unknown = formats.filter((format) => !(format in FORMATS));
  if (formats.length === 0 || unknown.length > 0) throw new InvalidArgumentError(`formats are ${Object.keys(FORMATS).join(', ')}${unknown.length > 0 ? `, not ${unknown.join(', ')}` : ''}`);
  return formats;
}

function progressBar({ done, total, errors }: IngestProgress): string {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} files, ${errors} error${errors === 1 ? '' : 's'}`;
}

function summaryText(summary: IngestSummary, db: string): string {
  const kinds = Object.entries(summary.corpus.byKind)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  const line =
    `ingested ${summary.files} file${summary.files === 1 ? '' : 's'} in ${(summary.elapsedMs / 1000).toFixed(1)} s: ` +
    `${summary.added} new, ${summary.reprocessed > 0 ? `${summary.reprocessed} reprocessed, ` : ''}${summary.alreadyStored} already stored, ${summary.failures.length} bad; ` +
    `${db} holds ${summary.corpus.documents} documents (${kinds || 'none'}) about ${summary.corpus.councils} council${summary.corpus.councils === 1 ? '' : 's'}`;
  const failures = summary.failures.map((f) => `  ${f.path}: ${f.code}: ${f.message}`);
  const skippedCount = Object.values(summary.skipped).reduce((sum, n) => sum + n, 0);
  const skipped =
    skippedCount > 0
      ? [`  skipped ${skippedCount} file${skippedCount === 1 ? '' : 's'} of other types in the folders (${Object.entries(summary.skipped).sort(([, a], [, b]) => b - a).map(([extension, n]) => `${extension} ${n}`).join(', ')})`]
      : [];
  const outdated =
    summary.corpus.outdated > 0
      ? [`  ${summary.corpus.outdated} document${summary.corpus.outdated === 1 ? ' was' : 's were'} made by another pipeline version than ${summary.pipelineVersion}: \`notices ingest --reprocess PATH…\` reads them again`]
      : [];
  return `${[line, ...failures, ...skipped, ...outdated].join('\n')}\n`;
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('read PDFs and text files (files, folders, globs) into the SQLite corpus')
    .argument('<paths...>', 'files, folders (searched recursively for .pdf, .txt, .html, .htm and .docx) or globs; - reads paths from standard input, one a line')
    .option('--formats <list>', `the formats a folder is searched for, comma-separated (default: all of ${Object.keys(FORMATS).join(', ')})`, formatList)
    .option('--db <file>', 'the corpus', DEFAULT_DB)
    .option('--concurrency <n>', 'worker threads (default: available parallelism)', positiveInteger)
    .option('--timeout-ms <n>', 'per-file time limit', positiveInteger, DEFAULT_TIMEOUT_MS)
    .option('--max-bytes <n>', 'per-file size limit', positiveInteger, DEFAULT_MAX_BYTES)
    .option('--max-pages <n>', 'refuse PDFs with more pages', positiveInteger)
    .option('--worker-heap-mb <n>', 'per-worker memory limit (a file needing more is too_large)', positiveInteger, DEFAULT_WORKER_HEAP_MIB)
    .addOption(new Option('--ocr <mode>', 'OCR pages without a text layer: auto (scanned pages), always (every page), never').choices(['auto', 'always', 'never']).default('auto'))
    .addOption(
      new Option('--reprocess [which]', 'read again files whose content the corpus holds: outdated (made by another pipeline version; the default) or all')
        .choices(['outdated', 'all'])
        .preset('outdated'),
    )
    .option('--json', 'print the summary as JSON on stdout')
    .action(async (args: string[], options: IngestCommandOptions) => {
      const paths = args.includes('-') ? [...args.filter((arg) => arg !== '-'), ...(await standardInputLines())] : args;
      const showProgress = process.stderr.isTTY === true;
      let summary: IngestSummary;
      try {
        summary = await ingest(paths, {
          db: options.db,
          concurrency: options.concurrency,
          timeoutMs: options.timeoutMs,
          maxBytes: options.maxBytes,
          maxPages: options.maxPages,
          workerHeapMib: options.workerHeapMb,
          ocr: options.ocr,
          reprocess: options.reprocess,
          formats: options.formats,
          onProgress: showProgress ? (p) => process.stderr.write(progressBar(p)) : undefined,
        });
      } catch (error) {
        if (!(error instanceof NothingToIngestError)) throw error;
        process.stderr.write(`notices: ${error.code}: ${error.message}\n`);
        process.exitCode = EXIT.badInput;
        return;
      }
      if (showProgress) process.stderr.write('\n');
      process.stderr.write(summaryText(summary, options.db));
      if (options.json) writeJson(snakeCaseKeys(summary));
      process.exitCode = summary.failures.length > 0 ? EXIT.someBad : EXIT.ok;
    });
}
