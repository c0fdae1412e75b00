/**
 * `notices compare [--db FILE] [--format table|csv|json] [--template T]`: one row per notice in
 * the corpus, sorted by issue date, read from the corpus's `notice_summary` view (a notice read
 * from both PDF and text is one row) with the wording variations ingest counted against the
 * standard template. Against another template (`--template`) the notices are diffed now.
 */
import { Option, type Command } from 'commander';
import { compareCsv, compareNotices, compareTable } from '../../diff/compare.js';
import { loadTemplate } from '../../diff/index.js';
import { openCorpus, readNoticeComparison, readRecords } from '../../store/read.js';
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
      let rows;
      try {
        rows = options.template ? compareNotices(readRecords(db), template) : readNoticeComparison(db, template.name);
      } finally {
        db.close();
      }
      if (options.format === 'json') writeJson(rows);
      else process.stdout.write(options.format === 'csv' ? compareCsv(rows) : compareTable(rows));
    });
}
