/**
 * `notices extract FILE [--json] [--ocr MODE] [limits]`: one document through the pipeline,
 * printed as the SPEC's record (`--json`) or as a short human summary.
 */
import { Option, type Command } from 'commander';
import type { OcrMode } from '../../extract/index.js';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, DEFAULT_MAX_TEXT_CHARS } from '../../limits.js';
import { processFile } from '../../pipeline.js';
import type { DocumentRecord } from '../../record.js';
import { EXIT, describeError, positiveInteger, writeJson } from '../output.js';

const OCR_MODES: OcrMode[] = ['auto', 'always', 'never'];

interface ExtractCommandOptions {
  json?: boolean;
  ocr: OcrMode;
  maxPages?: number;
  maxBytes?: number;
  maxTextChars?: number;
  timeoutMs?: number;
}

function summary(record: DocumentRecord): string {
  const lines = [
    `${record.source.path} (${record.source.format}, ${record.source.pages} page${record.source.pages === 1 ? '' : 's'}${record.source.ocr_pages.length > 0 ? `, OCR on ${record.source.ocr_pages.join(', ')}` : ''})`,
    `  kind:     ${record.kind}`,
    `  council:  ${record.council ? `${record.council.name} (${record.council.gss})` : '-'}`,
    `  clauses:  ${record.clauses.length}`,
    `  entities: ${record.dates.length} dates, ${record.deadlines.length} deadlines, ${record.cadences.length} cadences, ${record.costs.length} costs, ${record.people.length} people, ${record.statutes.length} statutes`,
  ];
  if (Object.keys(record.facts).length > 0) lines.push(`  facts:    ${JSON.stringify(record.facts)}`);
  if (record.anomalies.length > 0) lines.push(`  anomalies: ${record.anomalies.map((a) => a.code).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('read one PDF or text file and print its document record')
    .argument('<file>', 'a PDF or plain-text document')
    .option('--json', 'print the full document record as JSON (and nothing else on stdout)')
    .addOption(new Option('--ocr <mode>', 'OCR pages without a text layer: auto (scanned pages), always (every page), never').choices(OCR_MODES).default('auto'))
    .option('--max-pages <n>', `refuse PDFs with more pages (default ${DEFAULT_MAX_PAGES})`, positiveInteger)
    .option('--max-bytes <n>', `refuse files larger than this (default ${DEFAULT_MAX_BYTES})`, positiveInteger)
    .option('--max-text-chars <n>', `refuse documents whose text is longer (default ${DEFAULT_MAX_TEXT_CHARS})`, positiveInteger)
    .option('--timeout-ms <n>', 'give up reading the file after this many milliseconds', positiveInteger)
    .action(async (file: string, options: ExtractCommandOptions) => {
      const { json, ...limits } = options;
      const result = await processFile(file, limits);
      if (!result.ok) {
        process.stderr.write(`notices: ${describeError(result.error, file)}\n`);
        process.exitCode = EXIT.badInput;
        return;
      }
      if (json) writeJson(result.value);
      else process.stdout.write(summary(result.value));
    });
}
