/**
 * The normaliser's parts on small constructed inputs: characters, hyphenation, running lines,
 * plain-text pages.
 */
import { extractText } from '../../src/extract/text.js';
import { normaliseCharacters } from '../../src/normalise/characters.js';
import { documentWords, joinHyphenated } from '../../src/normalise/hyphenation.js';
import { normalise, pageAt } from '../../src/normalise/index.js';
import { isPageNumber } from '../../src/normalise/running-lines.js';

const textDoc = (text: string) => {
  const extracted = extractText(new TextEncoder().encode(text));
  if (!extracted.ok) throw new Error(extracted.error.code);
  return normalise(extracted.value);
};

describe('characters', () => {
  it('maps typographic quotes, ligatures and odd spaces to plain forms', () => {
    expect(normaliseCharacters('\u201CInadequate\u201D Council\u2019s \uFB01nal\u00A0plan')).toBe('"Inadequate" Council\'s final plan');
  });
});

describe('hyphenation', () => {
  const context = { documentWords: new Set<string>() };
  it('joins a split word that is a word', () => {
    expect(joinHyphenated('the sub-', 'sequent notice', context)).toBe('the subsequent notice');
  });
  it('keeps the hyphen of a compound', () => {
    expect(joinHyphenated('their one-', 'word judgement', context)).toBe('their one-word judgement');
    expect(joinHyphenated('a cross-', 'party board', context)).toBe('a cross-party board');
    expect(joinHyphenated('children who are over-', 'represented in care', context)).toBe('children who are over-represented in care');
  });
  it('keeps the hyphen, and adds no space, where a capitalised word follows it', () => {
    expect(joinHyphenated('the front door/ Multi-', 'Agency Safeguarding Hub', context)).toBe('the front door/ Multi-Agency Safeguarding Hub');
  });
  it('lets the document decide first', () => {
    const words = documentWords(['a re-inspection is due']);
    expect(joinHyphenated('a full re-', 'inspection', { documentWords: words })).toBe('a full re-inspection');
  });
  it('leaves a line that does not end in a split word alone', () => {
    expect(joinHyphenated('costs 2024 -', 'more', context)).toBeNull();
  });
});

describe('running lines', () => {
  it('recognises page numbers in their usual forms', () => {
    for (const text of ['Page 2 of 4', 'page 3', '- 2 -', '2 of 7', '2/7']) expect(isPageNumber(text)).toBe(true);
    expect(isPageNumber('7', 7)).toBe(true);
    expect(isPageNumber('2024', 1)).toBe(false);
    expect(isPageNumber('Pages of evidence')).toBe(false);
  });

  it('removes a header and page numbers that recur on every form-feed page of a text file', () => {
    const doc = textDoc('Notice: Anytown\nFirst page body.\nPage 1 of 2\n\fNotice: Anytown\nSecond page body.\nPage 2 of 2\n');
    expect(doc.text).toBe('First page body.\nSecond page body.');
    expect(doc.pages).toEqual([
      { page: 1, start: 0, end: 17 },
      { page: 2, start: 17, end: 34 },
    ]);
    expect(pageAt(doc, 20)).toBe(2);
  });

  it('keeps a one-page text whole', () => {
    const doc = textDoc('Improvement Notice\n\nTo: Somewhere Council\n\n  1.  A clause.  \n');
    expect(doc.text).toBe('Improvement Notice\nTo: Somewhere Council\n1. A clause.');
  });
});

describe('plain text decoding', () => {
  it('reads UTF-16 with a byte-order mark and Windows-1252', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(Buffer.from('Caf\u00e9 notice', 'utf16le'))]);
    const decoded16 = extractText(utf16);
    expect(decoded16.ok && decoded16.value.pages[0].lines[0].text).toBe('Caf\u00e9 notice');
    const cp1252 = new Uint8Array([0x93, 0x41, 0x94, 0x20, 0xa3, 0x35, 0x6d]);
    const decoded1252 = extractText(cp1252);
    expect(decoded1252.ok && decoded1252.value.pages[0].lines[0].text).toBe('\u201CA\u201D \u00a35m');
  });
  it('gives empty_file for white space only and unsupported_format for binary', () => {
    expect(extractText(new TextEncoder().encode('  \n\n ')).ok).toBe(false);
    const binary = extractText(new Uint8Array(Array.from({ length: 200 }, (_, i) => i % 7)));
    expect(!binary.ok && binary.error.code).toBe('unsupported_format');
  });
});
