/**
 * `notices report [--db FILE] [--out DIR]`: the corpus as a static HTML site that opens from
 * disk — the cross-council comparison, a redline per notice, a timeline per council.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadSiteInput } from '../../report/corpus.js';
import { buildSite, writeSite } from '../../report/site.js';
import { EXIT } from '../output.js';
import { DEFAULT_DB } from '../output.js';

const DEFAULT_OUT = 'output/report';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write the corpus as a static HTML site (comparison, redlines, council timelines)')
    .option('--db <file>', 'the corpus to read', DEFAULT_DB)
    .option('--out <dir>', 'the folder to write the site into', DEFAULT_OUT)
    .action((options: { db: string; out: string }) => {
      if (!existsSync(options.db)) {
        process.stderr.write(`notices: ${options.db}: no corpus there (run \`notices ingest\` first)\n`);
        process.exitCode = EXIT.badInput;
        return;
      }
      const started = performance.now();
      const files = buildSite(loadSiteInput(options.db));
      writeSite(options.out, files);
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      process.stderr.write(`wrote ${files.size} files to ${options.out} in ${seconds} s; open ${join(options.out, 'index.html')}\n`);
    });
}
