/**
 * `notices compare [--db FILE] [--format table|csv|json] [--template T]`: one row per notice in
 * the corpus, sorted by issue date (a notice read from both PDF and text is one row; see
 * src/diff/compare.ts for the content key).
 */
import { Option, type Command } from 'commander';
import { compareCsv, compareNotices, compareTable } from '../../diff/compare.js';
import { loadTemplate } from '../../diff/index.js';
import { openCorpus, readRecords } from '../../store/read.js';
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
      let records;
      try {
        records = readRecords(db);
      } finally {
        db.close();
      }
      const rows = compareNotices(records, loadTemplate(options.template));
      if (options.format === 'json') writeJson(rows);
      else process.stdout.write(options.format === 'csv' ? compareCsv(rows) : compareTable(rows));
    });
}
