/**
 * `notices schema`: the JSON Schema of the document record, generated from the zod schema
 * (docs/document.schema.json is this output, kept current by a test).
 */
import type { Command } from 'commander';
import { documentJsonSchema } from '../../store/json-schema.js';
import { writeJson } from '../output.js';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of the document record')
    .action(() => writeJson(documentJsonSchema()));
}
