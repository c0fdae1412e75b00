/**
 * Character-level normalisation shared by every input format: typographic quotes and dashes
 * that mean the same as their ASCII forms, ligatures, odd spaces. Applied before anything reads
 * the text, so that a pattern written with `'` matches a document typed with `’`.
 */
const REPLACEMENTS: Array<[RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033]/g, '"'],
  [/\uFB00/g, 'ff'],
  [/\uFB01/g, 'fi'],
  [/\uFB02/g, 'fl'],
  [/\uFB03/g, 'ffi'],
  [/\uFB04/g, 'ffl'],
  [/\uFB05|\uFB06/g, 'st'],
  [/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' '],
  [/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, ''],
  [/[\u2010\u2011]/g, '-'],
  [/\r\n?/g, '\n'],
];

export function normaliseCharacters(text: string): string {
  let out = text.normalize('NFC');
  for (const [pattern, replacement] of REPLACEMENTS) out = out.replace(pattern, replacement);
  return out;
}

/** Fold runs of spaces inside a line (a tab is kept: it separates table cells). */
export function foldSpaces(line: string): string {
  return line.replace(/ {2,}/g, ' ').replace(/ *\t+ */g, '\t').trim();
}

/** Fold all white space to single spaces: how texts are compared across formats. */
export function foldWhiteSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Whether a line ends a sentence: a full stop, question or exclamation mark, colon or semicolon, maybe inside closing quotes or brackets. */
export function endsSentence(text: string): boolean {
  return /[.!?:;]["')\]]*$/.test(text.trim());
}

/** Ends where the sentence plainly goes on: a comma or a word that cannot end one. */
export function endsMidPhrase(text: string): boolean {
  return /(?:,|\b(?:the|a|an|of|to|and|or|in|on|for|with|by|at|from|that|its|their|this|is|are|be))["')\]]*$/i.test(text);
}
