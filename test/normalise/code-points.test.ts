/**
 * The converter between string indices (UTF-16 code units) and code points: what Python's
 * `text[start:end]` and SQLite's `substr` count, checked against `[...text]`, which iterates a
 * string by code points as they do.
 */
import fc from 'fast-check';
import { codePointOffsets, sliceCodePoints } from '../../src/normalise/code-points.js';

/** The reference: offsets and slices by code point through `[...text]`. */
const codePoints = (text: string): string[] => [...text];
const indexOfCodePoint = (text: string, offset: number): number => codePoints(text).slice(0, offset).join('').length;

/** Every code-point offset of the text maps to the reference's index and back, and slices agree. */
function expectAgreesWithReference(text: string): void {
  const points = codePoints(text);
  const offsets = codePointOffsets(text);
  expect(offsets.length).toBe(points.length);
  expect(offsets.identity).toBe(points.length === text.length);
  for (let offset = 0; offset <= points.length; offset++) {
    const index = indexOfCodePoint(text, offset);
    expect(offsets.toIndex(offset)).toBe(index);
    expect(offsets.toCodePoints(index)).toBe(offset);
  }
  for (let start = 0; start <= points.length; start++) {
    for (let end = start; end <= points.length; end++) {
      expect(offsets.slice(start, end)).toBe(points.slice(start, end).join(''));
    }
  }
}

describe('codePointOffsets', () => {
  test('a text in the Basic Multilingual Plane is the identity, accents and all', () => {
    const text = 'Issued on 5 March 2024 to the Council – “Havering” £5.011m é';
    const offsets = codePointOffsets(text);
    expect(offsets.identity).toBe(true);
    expect(offsets.length).toBe(text.length);
    expect(offsets.toIndex(10)).toBe(10);
    expect(offsets.toCodePoints(22)).toBe(22);
    expect(offsets.slice(10, 22)).toBe('5 March 2024');
    expectAgreesWithReference(text);
  });

  test('an emoji before a date counts one, not two', () => {
    const text = '📌 5 March 2024';
    const offsets = codePointOffsets(text);
    expect(offsets.identity).toBe(false);
    expect(offsets.length).toBe(14);
    expect(text.indexOf('5')).toBe(3);
    expect(offsets.toCodePoints(3)).toBe(2);
    expect(offsets.toIndex(2)).toBe(3);
    expect(offsets.slice(2, 14)).toBe('5 March 2024');
    expect(offsets.slice(0, 1)).toBe('📌');
    expectAgreesWithReference(text);
  });

  test('a flag is two code points and a ZWJ sequence each of its parts and the joiner: code points, not grapheme clusters', () => {
    const flag = '🇬🇧';
    const family = '👩‍👧';
    expect(codePointOffsets(flag).length).toBe(2);
    expect(codePointOffsets(family).length).toBe(3);
    const text = `${flag} ${family} Oscar Ford`;
    const offsets = codePointOffsets(text);
    expect(offsets.slice(7, 17)).toBe('Oscar Ford');
    expect(offsets.slice(0, 1)).toBe('🇬');
    expect(offsets.slice(4, 5)).toBe('\u200D');
    expectAgreesWithReference(text);
  });

  test('a combining mark is a code point of its own, in the BMP', () => {
    const text = 'Cafe\u0301 Ofsted';
    const offsets = codePointOffsets(text);
    expect(offsets.identity).toBe(true);
    expect(offsets.length).toBe(12);
    expect(offsets.slice(4, 5)).toBe('\u0301');
    expectAgreesWithReference(`😀${text}`);
  });

  test('a span at the very end of the text, and an open end', () => {
    const text = 'Signed 𝐀𝐁 18 July 2024';
    const offsets = codePointOffsets(text);
    const length = offsets.length;
    expect(length).toBe(text.length - 2);
    expect(offsets.toIndex(length)).toBe(text.length);
    expect(offsets.toCodePoints(text.length)).toBe(length);
    expect(offsets.slice(length - 12, length)).toBe('18 July 2024');
    expect(offsets.slice(length - 12)).toBe('18 July 2024');
    expect(offsets.slice(length, length)).toBe('');
    expectAgreesWithReference(text);
  });

  test('astral characters at the start, back to back and at the end', () => {
    expectAgreesWithReference('😀😀a😀b😀');
    expectAgreesWithReference('😀');
    expectAgreesWithReference('');
  });

  test('an index inside a surrogate pair counts as the pair, as no span should split one', () => {
    const offsets = codePointOffsets('a😀b');
    expect(offsets.toCodePoints(1)).toBe(1);
    expect(offsets.toCodePoints(2)).toBe(1);
    expect(offsets.toCodePoints(3)).toBe(2);
  });

  test('a lone surrogate is one code point, as it is to [...text]', () => {
    expectAgreesWithReference('a\uD83Db😀c\uDC00d');
  });

  test('any string agrees with the reference', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expectAgreesWithReference(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('sliceCodePoints', () => {
  test("slices as Python's text[start:end]", () => {
    const text = '👩‍👧 The Council 🇬🇧 was notified on 5 March 2024.';
    const points = codePoints(text);
    const start = points.indexOf('5');
    expect(sliceCodePoints(text, start, start + 12)).toBe('5 March 2024');
    expect(sliceCodePoints(text, 0, 3)).toBe('👩‍👧');
    expect(sliceCodePoints(text, start)).toBe('5 March 2024.');
  });
});
