/**
 * Joining a word split by an end-of-line hyphen. `sub-` + `sequent` becomes `subsequent` only
 * where that is a word; `one-` + `word` stays `one-word`. The document is asked first (a form
 * it uses elsewhere wins), then an English word list.
 */
import { isEnglishWord } from './lexicon.js';

export interface HyphenContext {
  /** Every word form the document uses, lower-cased, hyphenated compounds included. */
  documentWords: Set<string>;
}

export function documentWords(texts: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const text of texts) {
    for (const match of text.toLowerCase().matchAll(/[a-z]+(?:-[a-z]+)*/g)) words.add(match[0]);
  }
  return words;
}

/**
 * Prefixes British English writes with a hyphen before a word ("multi-agency", "cross-party",
 * "self-evaluation", "over-represented") even where a dictionary also lists the closed form.
 * Word processors hyphenate nothing unless told to, so a line that ends on one of these
 * before a whole word is far likelier a compound than a word split for the line.
 */
const HYPHENATED_PREFIXES = new Set(['multi', 'cross', 'self', 'non', 'socio', 'co', 'ex', 'well', 'anti', 'semi', 'inter', 'post', 'pre', 'over', 'under']);

const TRAILING_FRAGMENT = /([A-Za-z]+)-$/;
/** The next line's first word; a capital after the hyphen ("Multi-" / "Agency") marks a compound. */
const LEADING_FRAGMENT = /^([A-Za-z][a-z]*)/;

/**
 * Joins `before` (a line ending in a hyphen) and `after` (the next line of the same paragraph);
 * returns null when `before` does not end in a split word.
 */
/** How much of the text before a line end can hold the fragment of a word: reading no more keeps joining a long paragraph linear. */
const FRAGMENT_REACH = 64;

export function joinHyphenated(before: string, after: string, context: HyphenContext): string | null {
  const head = TRAILING_FRAGMENT.exec(before.slice(-FRAGMENT_REACH));
  const tail = LEADING_FRAGMENT.exec(after);
  if (!head || !tail) return null;
  const joined = `${head[1]}${tail[1]}`.toLowerCase();
  const hyphenated = `${head[1]}-${tail[1]}`.toLowerCase();
  const closedByDocument = context.documentWords.has(joined);
  const keepHyphen =
    /^[A-Z]/.test(tail[1]) ||
    (!closedByDocument &&
      (context.documentWords.has(hyphenated) || !isEnglishWord(joined) || (HYPHENATED_PREFIXES.has(head[1].toLowerCase()) && isEnglishWord(tail[1]))));
  return keepHyphen ? `${before}${after}` : `${before.slice(0, -1)}${after}`;
}
