/**
 * `notices compare [--db FILE] [--format table|csv|json] [--template T]`: one row per notice in
 * the corpus, sorted by issue date (a notice read from both PDF and text is one row; see
 * src/diff/compare.ts for the content key).
 */
import { Option, type Command } from 'commander';
import { compareCsv, compareNotices, compareTable } from '../../diff/compare.js';
import { loadTemplate } from '../../diff/index.js';
import { openCorpus, readRecords, storedWordingCounts } from '../../store/read.js';
import { DEFAULT_DB, writeJson } from '../output.js';


export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description('compare the notices in the corpus: dates, deadline, features, wording variations')
    .option('--db <file>', 'the corpus', DEFAULT_DB)
    .option('--template <file>', 'the template to count wording variations against')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .action((options: { db: string; template?: string; format: 'table' | 'csv' | 'json' }) => {
      const db = openCorpus(options.db, { readonly: true });
      const template = loadTemplate(options.template);
      let records;
      let stored;
      try {
        records = readRecords(db);
        // Ingest diffed every notice against the standard template; another template is diffed now.
        stored = options.template ? undefined : storedWordingCounts(db, template.name);
      } finally {
        db.close();
      }
      const rows = compareNotices(records, template, stored);
      if (options.format === 'json') writeJson(rows);
      else process.stdout.write(options.format === 'csv' ? compareCsv(rows) : compareTable(rows));
    });
}
