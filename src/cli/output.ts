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

/** Colour on a terminal, unless the user asks for none (https://no-color.org: NO_COLOR set and not empty). */
export function useColour(stream: NodeJS.WriteStream = process.stdout): boolean {
  return stream.isTTY === true && !process.env.NO_COLOR;
}

/** Standard input's lines that are not blank, for commands that take a list of paths there (`-`). */
export async function standardInputLines(): Promise<string[]> {
  let text = '';
  for await (const chunk of process.stdin) text += (chunk as Buffer).toString('utf8');
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
}

/** A snake_case copy of a value's object keys, at any depth: every JSON the CLI prints is snake_case. */
export function snakeCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeCaseKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), snakeCaseKeys(item)]));
}

/** True for the error a write gets when the reader has gone (`| head`). */
export function isClosedPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';
}
