/**
 * `notices extract FILE [--json]`: one document through the pipeline, printed as the SPEC's
 * record (`--json`) or as a short human summary.
 */
import type { Command } from 'commander';
import { processFile } from '../../pipeline.js';
import type { DocumentRecord } from '../../record.js';
import { EXIT, describeError, writeJson } from '../output.js';

function summary(record: DocumentRecord): string {
  const lines = [
    `${record.source.path} (${record.source.format}, ${record.source.pages} page${record.source.pages === 1 ? '' : 's'})`,
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
    .option('--max-pages <n>', 'refuse PDFs with more pages', (v) => Number.parseInt(v, 10))
    .action(async (file: string, options: { json?: boolean; maxPages?: number }) => {
      const result = await processFile(file, { maxPages: options.maxPages });
      if (!result.ok) {
        process.stderr.write(`notices: ${describeError(result.error, file)}\n`);
        process.exitCode = EXIT.badInput;
        return;
      }
      if (options.json) writeJson(result.value);
      else process.stdout.write(summary(result.value));
    });
}
