/**
 * Reading a file that must be an improvement notice, for the commands that compare notices
 * with the template (`diff`, `template build`).
 */
import { processFile } from '../pipeline.js';
import type { DocumentRecord } from '../record.js';
import { EXIT, describeError } from './output.js';

/** The notice's record; otherwise says why on stderr, sets exit code 2 and gives null. */
export async function readNotice(file: string): Promise<DocumentRecord | null> {
  const result = await processFile(file);
  if (!result.ok) {
    process.stderr.write(`notices: ${describeError(result.error, file)}\n`);
    process.exitCode = EXIT.badInput;
    return null;
  }
  if (result.value.kind !== 'improvement_notice') {
    process.stderr.write(`notices: ${file}: not an improvement notice (read as ${result.value.kind})\n`);
    process.exitCode = EXIT.badInput;
    return null;
  }
  return result.value;
}
