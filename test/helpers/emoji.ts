/**
 * The seeds written with emoji and other astral characters before their dates and names, for
 * the tests that spans count code points (test/code-points-*.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS } from './hostile.js';

/** A pin, a family joined by U+200D (which normalising drops), a flag (two code points), a face and a mathematical bold A. */
export const ASTRAL = ['📌', '👩‍👧', '🇬🇧', '😀', '𝐀'] as const;

/**
 * The text with astral characters on a line of their own at the top and after every comma
 * that follows a word and precedes a lower-case one, in turn: places that move every later
 * offset without touching a sentence boundary, a number, a name or a pattern's words, so that
 * the record must give the same values.
 */
export function withEmoji(text: string): string {
  let count = 0;
  const next = (): string => ASTRAL[count++ % ASTRAL.length];
  return `${next()} ${next()}\n${text.replace(/(?<=[a-z]{3}), (?=[a-z])/g, () => `, ${next()} `)}`;
}

/** The text seeds: name and text. */
export function seedTexts(): Array<[name: string, text: string]> {
  return readdirSync(SEEDS)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => [name, readFileSync(join(SEEDS, name), 'utf8')]);
}

/** How many astral characters (surrogate pairs) a string holds. */
export const astralCount = (text: string): number => text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0;
