#!/usr/bin/env node
/**
 * The `notices` command. Each subcommand lives in `commands/` and registers itself here.
 * Exit codes: 0 success, 1 usage or fatal error, 2 bad input (a coded reason on stderr),
 * 3 a batch in which some files were bad.
 */
import { Command } from 'commander';
import { pipelineVersion, toolVersion } from '../version.js';
import { reportFatal } from './output.js';

type Register = (program: Command) => void;

/**
 * Commands are loaded on demand: `notices ingest` should not pay for loading the report
 * generator, nor its main thread hold the whole pipeline its workers run.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  extract: async () => (await import('./commands/extract.js')).registerExtract,
  ingest: async () => (await import('./commands/ingest.js')).registerIngest,
  search: async () => (await import('./commands/search.js')).registerSearch,
  export: async () => (await import('./commands/export.js')).registerExport,
  schema: async () => (await import('./commands/schema.js')).registerSchema,
  diff: async () => (await import('./commands/diff.js')).registerDiff,
  template: async () => (await import('./commands/template.js')).registerTemplate,
  compare: async () => (await import('./commands/compare.js')).registerCompare,
  report: async () => (await import('./commands/report.js')).registerReport,
};

const program = new Command();
program
  .name('notices')
  .description("Structured, traceable data from England's children's-services intervention documents")
  .option('--debug', 'show stack traces on internal errors')
  // Answered in main() before any command loads: the pipeline's digest reads the rule files.
  .option('-V, --version', 'print the version of the tool and of the pipeline that makes its records')
  .showHelpAfterError();

// A reader that stops early (`notices search MASH | head`) closes the pipe: that is no error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

async function main(): Promise<void> {
  const first = process.argv[2];
  if (first === '--version' || first === '-V') {
    process.stdout.write(`notices ${toolVersion()} (pipeline ${pipelineVersion()})\n`);
    return;
  }
  const requested = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
  // A known command loads alone; anything else (help, a typo) needs them all to answer.
  const names = requested !== undefined && requested in COMMANDS ? [requested] : Object.keys(COMMANDS);
  for (const name of names) (await COMMANDS[name]())(program);
  await program.parseAsync(process.argv);
}

main().catch((error: unknown) => reportFatal(error, program.opts().debug === true));
