#!/usr/bin/env node
/**
 * The `notices` command. Each subcommand lives in `commands/` and registers itself here.
 * Exit codes: 0 success, 1 usage or fatal error, 2 bad input (a coded reason on stderr),
 * 3 a batch in which some files were bad.
 */
import { Command } from 'commander';
import { registerCompare } from './commands/compare.js';
import { registerDiff } from './commands/diff.js';
import { registerExtract } from './commands/extract.js';
import { registerExport } from './commands/export.js';
import { registerIngest } from './commands/ingest.js';
import { registerReport } from './commands/report.js';
import { registerSchema } from './commands/schema.js';
import { registerSearch } from './commands/search.js';
import { registerTemplate } from './commands/template.js';
import { reportFatal } from './output.js';

const program = new Command();
program
  .name('notices')
  .description("Structured, traceable data from England's children's-services intervention documents")
  .option('--debug', 'show stack traces on internal errors')
  .showHelpAfterError();

registerExtract(program);
registerIngest(program);
registerSearch(program);
registerExport(program);
registerSchema(program);
registerDiff(program);
registerTemplate(program);
registerCompare(program);
registerReport(program);

program.parseAsync(process.argv).catch((error: unknown) => reportFatal(error, program.opts().debug === true));
