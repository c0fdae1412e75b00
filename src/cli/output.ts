/**
 * The CLI's edge: where coded errors become one line for a person, and data goes to stdout.
 */
import { InvalidArgumentError } from 'commander';
import type { PipelineError } from '../record.js';

/** Where the corpus lives unless `--db` says otherwise. */
export const DEFAULT_DB = 'output/corpus.sqlite';

export const EXIT = { ok: 0, fatal: 1, badInput: 2, someBad: 3 } as const;

export function describeError(error: PipelineError, path?: string): string {
  const where = path ?? error.path;
  return `${where ? `${where}: ` : ''}${error.code}: ${error.message}`;
}

export function writeJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** An unexpected failure: one line, and the stack only when asked for. */
export function reportFatal(error: unknown, debug: boolean): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`notices: ${message}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(EXIT.fatal);
}

/** A whole number above zero for an option (`--max-pages 20`); anything else is a usage error. */
export function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number above 0');
  return Number(value);
}
