/**
 * An English word list (an-array-of-english-words, ~275,000 lower-case words), loaded once per
 * process on first use: the hyphen joiner and the council matcher both ask it.
 *
 * The list ships sorted, so a word is looked up by binary search in the parsed array: building
 * a Set of it would cost every worker thread a further 150 ms at start.
 */
import { createRequire } from 'node:module';

let words: string[] | null = null;

export function isEnglishWord(word: string): boolean {
  if (!words) words = createRequire(import.meta.url)('an-array-of-english-words/index.json') as string[];
  let low = 0;
  let high = words.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const candidate = words[middle];
    if (candidate === word) return true;
    if (candidate < word) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
