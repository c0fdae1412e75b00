/**
 * `notices extract FILE [--json] [--explain] [--ocr MODE] [limits]`: one document through the
 * pipeline, printed as the SPEC's record (`--json`) or as a short human summary. The record
 * carries the recognisers' messages (why a fact is null, why a feature kept its default), as
 * every output of it does; `--explain` prints them to be read: after the summary, or on stderr
 * beside `--json`, whose stdout stays one JSON document.
 */
import { Option, type Command } from 'commander';
import type { OcrMode } from '../../extract/index.js';
import { codePointOffsets, sliceCodePoints } from '../../normalise/code-points.js';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, DEFAULT_MAX_TEXT_CHARS } from '../../limits.js';
import type { DocumentRecord } from '../../record.js';
import { processInput } from '../notice-input.js';
import { EXIT, describeError, positiveInteger, writeJson } from '../output.js';

const OCR_MODES: OcrMode[] = ['auto', 'always', 'never'];

interface ExtractCommandOptions {
  json?: boolean;
  explain?: boolean;
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

/** The messages, one line each: where it came from, its code, what it says and where in the text. */
function explanation(record: DocumentRecord): string {
  if (record.messages.length === 0) return 'messages: none\n';
  // Spans count code points (docs/SPEC.md), so the text is sliced through its converter, and
  // the excerpt is cut at 80 code points so as never to split an emoji.
  const offsets = codePointOffsets(record.text);
  const lines = record.messages.map((m) => {
    const at = m.span ? ` (page ${m.span.page}: "${sliceCodePoints(offsets.slice(m.span.start, m.span.end).replace(/\s+/g, ' '), 0, 80)}")` : '';
    return `  [${m.source}] ${m.code}: ${m.message}${at}`;
  });
  return `messages:\n${lines.join('\n')}\n`;
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('read one PDF or text file and print its document record')
    .argument('<file>', 'a PDF or plain-text document (- reads standard input)')
    .option('--json', 'print the full document record as JSON (and nothing else on stdout)')
    .option('--explain', "say why: print the recognisers' messages (a null fact, a feature left at its default) after the summary, or on stderr with --json")
    .addOption(new Option('--ocr <mode>', 'OCR pages without a text layer: auto (scanned pages), always (every page), never').choices(OCR_MODES).default('auto'))
    .option('--max-pages <n>', `refuse PDFs with more pages (default ${DEFAULT_MAX_PAGES})`, positiveInteger)
    .option('--max-bytes <n>', `refuse files larger than this (default ${DEFAULT_MAX_BYTES})`, positiveInteger)
    .option('--max-text-chars <n>', `refuse documents whose text is longer (default ${DEFAULT_MAX_TEXT_CHARS})`, positiveInteger)
    .option('--timeout-ms <n>', 'give up reading the file after this many milliseconds', positiveInteger)
    .action(async (file: string, options: ExtractCommandOptions) => {
      const { json, explain, ...limits } = options;
      const result = await processInput(file, limits);
      if (!result.ok) {
        process.stderr.write(`notices: ${describeError(result.error, file)}\n`);
        process.exitCode = EXIT.badInput;
        return;
      }
      const record = result.value;
      if (json) {
        writeJson(record);
        if (explain) process.stderr.write(explanation(record));
      } else process.stdout.write(summary(record) + (explain ? explanation(record) : ''));
    });
}
