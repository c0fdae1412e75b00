/**
 * `notices export --format ndjson|json|csv`: document records (to stdout, or a file in --out),
 * or tables and views as CSV with a Frictionless datapackage.json (one table's CSV alone to
 * stdout with `--out -`). Any export folder also gets Datasette's metadata.json and
 * datasette.yaml. A reader that stops early (`| head`) ends the export quietly, exit 0.
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { chooseTables, databaseName, exportCsv, writeRecords, writeTableCsvTo, type RecordFormat } from '../../store/export.js';
import { writeDatasetteFiles } from '../../store/metadata.js';
import { openCorpus } from '../../store/read.js';
import { DEFAULT_DB, EXIT, isClosedPipe } from '../output.js';

const DEFAULT_CSV_DIR = 'output/export';

interface ExportOptions {
  db: string;
  format: RecordFormat | 'csv';
  table: string[];
  out?: string;
  bom?: boolean;
}

function exportRecords(db: Parameters<typeof writeRecords>[0], options: ExportOptions & { format: RecordFormat }): void {
  if (options.out === undefined) {
    writeRecords(db, options.format, process.stdout.fd);
    return;
  }
  mkdirSync(options.out, { recursive: true });
  const path = join(options.out, `documents.${options.format}`);
  const fd = openSync(path, 'w');
  let count: number;
  try {
    count = writeRecords(db, options.format, fd);
  } finally {
    closeSync(fd);
  }
  const metadata = writeDatasetteFiles(options.out, databaseName(options.db));
  process.stderr.write(`wrote ${count} records to ${path}; ${metadata.join(', ')}\n`);
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export document records (ndjson, json) or tables and views (csv + datapackage.json)')
    .option('--db <file>', 'the corpus', DEFAULT_DB)
    .addOption(new Option('--format <format>', 'output format').choices(['ndjson', 'json', 'csv']).makeOptionMandatory())
    .option('--table <name>', 'a table or view to export as CSV (repeatable; default: all described ones)', (v: string, all: string[]) => [...all, v], [])
    .option('--out <dir>', `folder to write into (records default to stdout; CSV to ${DEFAULT_CSV_DIR}; - writes one --table's CSV to stdout)`)
    .option('--bom', 'start CSV files with a UTF-8 byte-order mark, for Excel')
    .action((options: ExportOptions) => {
      const db = openCorpus(options.db, { readonly: true });
      try {
        if (options.format === 'csv' && options.out === '-') {
          const tables = chooseTables(db, options.table);
          if (options.table.length !== 1) throw new Error('--out - writes one table to stdout: name it with --table');
          writeTableCsvTo(db, tables[0], process.stdout.fd, options.bom === true);
        } else if (options.format === 'csv') {
          const dir = options.out ?? DEFAULT_CSV_DIR;
          const result = exportCsv(db, chooseTables(db, options.table), dir, options.db, options.bom === true);
          const counts = Object.entries(result.rows).map(([table, n]) => `${table} ${n}`).join(', ');
          process.stderr.write(`wrote ${result.files.length} files to ${dir} (rows: ${counts})\n`);
        } else {
          if (options.table.length > 0) throw new Error('--table applies to --format csv only');
          exportRecords(db, { ...options, format: options.format });
        }
      } catch (error) {
        if (!isClosedPipe(error)) throw error;
        process.exitCode = EXIT.ok;
      } finally {
        db.close();
      }
    });
}
