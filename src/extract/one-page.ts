/**
 * What the readers of formats without pages (web pages, Word files) hand on: their lines as one
 * page, once the text is checked to be there and within its limit.
 */
import { fail, ok, type Result, type SourceFormat } from '../record.js';
import type { Extracted } from './types.js';

/** `lines` as page 1; `empty_file` (saying `emptyMessage`) without any, `text_too_large` past `maxTextChars`. */
export function onePage(format: SourceFormat, lines: string[], maxTextChars: number, emptyMessage: string, publisher?: string | null): Result<Extracted> {
  if (lines.length === 0) return fail('empty_file', emptyMessage);
  const length = lines.reduce((sum, line) => sum + line.length + 1, 0);
  if (length > maxTextChars) return fail('text_too_large', `the text has ${length} characters, more than the limit of ${maxTextChars}`);
  return ok({ format, pages: [{ page: 1, lines: lines.map((text) => ({ text })) }], ocrPages: [], ...(publisher && { publisher }) });
}
