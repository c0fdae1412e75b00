/**
 * Plain text: decoded by its byte-order mark (UTF-8, UTF-16 LE/BE), else as UTF-8 when that
 * decodes cleanly, else as Windows-1252 (what office software writes when it says "ANSI").
 * A form feed starts a new page, as in `pdftotext` output.
 */
import { fail, ok, type Result } from '../record.js';
import { DEFAULT_MAX_TEXT_CHARS } from '../limits.js';
import type { Extracted } from './types.js';

/** Windows-1252's 0x80–0x9F (Node's decoder treats that range as Latin-1 control codes). */
const CP1252_HIGH = '\u20AC\uFFFD\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\uFFFD\u017D\uFFFD\uFFFD\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\uFFFD\u017E\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

export function decodeText(bytes: Uint8Array): Result<string> {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return ok(new TextDecoder('utf-16le').decode(bytes.subarray(2)));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return ok(new TextDecoder('utf-16be').decode(bytes.subarray(2)));
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    text = decodeWindows1252(body);
  }
  // Control characters other than tab, newline, carriage return and form feed mean binary data.
  const controls = text.match(/[\u0000-\u0008\u000E-\u001F]/g)?.length ?? 0;
  if (controls > Math.max(8, text.length / 1000)) {
    return fail('unsupported_format', 'the file holds binary data, not text');
  }
  return ok(text);
}

export function extractText(bytes: Uint8Array, maxTextChars = DEFAULT_MAX_TEXT_CHARS): Result<Extracted> {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  if (decoded.value.trim() === '') return fail('empty_file', 'the file holds no text');
  if (decoded.value.length > maxTextChars) {
    return fail('text_too_large', `the text has ${decoded.value.length} characters, more than the limit of ${maxTextChars}`);
  }
  const pages = decoded.value.split('\f').map((pageText, index) => ({
    page: index + 1,
    lines: pageText.split(/\r\n|\r|\n/).map((text) => ({ text })),
  }));
  // A trailing form feed (pdftotext ends every page with one) does not open a page.
  while (pages.length > 1 && pages[pages.length - 1].lines.every((line) => line.text.trim() === '')) pages.pop();
  return ok({ format: 'txt', pages, ocrPages: [] });
}
