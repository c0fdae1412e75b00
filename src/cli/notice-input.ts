/**
 * Reading one document for the commands that take one (`extract`, `diff`, `template build`):
 * from a file or from standard input, and for some, one that must be an improvement notice.
 * Kept apart from output.ts, which every command loads: this one loads the pipeline.
 */
import { DEFAULT_MAX_BYTES } from '../limits.js';
import { processBytes, processFile, type ProcessOptions } from '../pipeline.js';
import { fail, type DocumentRecord, type Result } from '../record.js';
import { EXIT, describeError } from './output.js';

/** What standard input holds, read to its end; more than `maxBytes` is refused. */
async function readStandardInput(maxBytes: number): Promise<Uint8Array | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return null;
    chunks.push(chunk as Buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** A document from a file, or from standard input when the file is `-` (its path in the record is `-`). */
export async function processInput(file: string, options: ProcessOptions = {}): Promise<Result<DocumentRecord>> {
  if (file !== '-') return processFile(file, options);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const bytes = await readStandardInput(maxBytes);
  if (bytes === null) return fail('too_large', `standard input holds more than the limit of ${maxBytes} bytes`);
  return processBytes(bytes, '-', options);
}

/** The notice's record (from standard input for `-`); otherwise says why on stderr, sets exit code 2 and gives null. */
export async function readNotice(file: string): Promise<DocumentRecord | null> {
  const result = await processInput(file);
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
