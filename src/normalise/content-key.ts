/**
 * What makes two files one document: the same words in the same order. The key is the sha256 of
 * the normalised text's letters and digits, case folded (NFKC): the PDF, the text, the Word file
 * and the web page of one notice differ in spacing, punctuation, bullets and the list markers a
 * copy kept or lost ("- 1." in a text copied from a PDF, "1." in Word), never in their words.
 */
import { createHash } from 'node:crypto';

export function contentKey(text: string): string {
  return createHash('sha256').update(text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')).digest('hex');
}
