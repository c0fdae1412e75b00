/**
 * A list item's number in the styles documents use: decimal, letters ("a" … "z", "aa"), roman
 * numerals, in either case. Shared by the HTML reader (`<ol type>`) and the Word reader (a
 * numbering level's `numFmt`).
 */
function roman(n: number): string {
  const numerals: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [worth, numeral] of numerals) while (n >= worth) (out += numeral), (n -= worth);
  return out;
}

function letters(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(97 + ((k - 1) % 26)) + out;
  return out;
}

/** The counter `n` written in `style` (Word's numFmt names: decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, none); any other style is decimal. */
export function listNumber(n: number, style: string): string {
  if (style === 'lowerLetter') return letters(n);
  if (style === 'upperLetter') return letters(n).toUpperCase();
  if (style === 'lowerRoman') return roman(n);
  if (style === 'upperRoman') return roman(n).toUpperCase();
  if (style === 'none') return '';
  return String(n);
}
