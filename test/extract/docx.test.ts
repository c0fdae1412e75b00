/**
 * Word files: the layout fixtures converted to .docx by LibreOffice (their list numbers in Word's
 * numbering definitions, their tables, running headers and footers) read as their text is, and
 * the bad ones each with its code.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { extract } from '../../src/extract/index.js';
import { processBytes } from '../../src/pipeline.js';
import { canonical, project } from '../metamorphic/projection.js';
import { SEEDS } from '../helpers/hostile.js';

const LAYOUT = join(SEEDS, '..', 'layout');
const converted = readdirSync(LAYOUT).filter((name) => name.endsWith('.docx')).map((name) => name.replace(/\.docx$/, ''));

test('the layout fixtures exist as .docx', () => {
  expect(converted.length).toBeGreaterThanOrEqual(7);
});

test.each(converted)('%s as .docx gives the record its text gives', async (name) => {
  const fromText = await processBytes(new Uint8Array(readFileSync(join(LAYOUT, `${name}.txt`))), `${name}.txt`);
  const fromWord = await processBytes(new Uint8Array(readFileSync(join(LAYOUT, `${name}.docx`))), `${name}.docx`);
  if (!fromText.ok || !fromWord.ok) throw new Error(`${fromWord.ok ? '' : fromWord.error.message}`);
  expect(fromWord.value.source.format).toBe('docx');
  expect(canonical(project(fromWord.value))).toBe(canonical(project(fromText.value)));
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const docx = (parts: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(parts).map(([name, xml]) => [name, strToU8(xml)])));
const paragraph = (text: string, numId?: number, ilvl = 0) =>
  `<w:p>${numId ? `<w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>` : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`;

test('list numbers are Word’s: levels, formats, starts and restarts from the numbering definitions', async () => {
  const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1.%2"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>
  </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
  const body = [paragraph('Appoint an adviser.', 1), paragraph('by March', 1, 1), paragraph('with costs', 1, 1), paragraph('in full', 1, 2), paragraph('Submit a plan.', 1), paragraph('quarterly', 1, 1)].join('');
  const bytes = docx({ 'word/document.xml': `<w:document ${W}><w:body>${body}</w:body></w:document>`, 'word/numbering.xml': numbering });
  const result = await extract(bytes, { path: 'notice.docx' });
  if (!result.ok) throw new Error(result.error.message);
  expect(result.value.pages[0].lines.map((line) => line.text)).toEqual(['5. Appoint an adviser.', '5.a by March', '5.b with costs', '(i) in full', '6. Submit a plan.', '6.a quarterly']);
});

test('tables are TAB rows, text boxes are kept, deleted text and the header part are left out', async () => {
  const body = `<w:tbl><w:tr><w:tc>${paragraph('Judgement')}</w:tc><w:tc>${paragraph('Grade')}</w:tc></w:tr><w:tr><w:tc>${paragraph('Overall effectiveness')}</w:tc><w:tc>${paragraph('Inadequate')}</w:tc></w:tr></w:tbl>
    <w:p><w:r><w:t>Kept </w:t></w:r><w:del><w:r><w:delText>removed </w:delText></w:r></w:del><w:r><w:t>words</w:t></w:r><w:r><w:drawing><w:txbxContent>${paragraph('In a text box')}</w:txbxContent></w:drawing></w:r></w:p>`;
  const bytes = docx({ 'word/document.xml': `<w:document ${W}><w:body>${body}</w:body></w:document>`, 'word/header1.xml': `<w:hdr ${W}>${paragraph('OFFICIAL')}</w:hdr>` });
  const result = await extract(bytes, { path: 'report.docx' });
  if (!result.ok) throw new Error(result.error.message);
  expect(result.value.pages[0].lines.map((line) => line.text)).toEqual(['Judgement\tGrade', 'Overall effectiveness\tInadequate', 'Kept words', 'In a text box']);
});

test('bad Word files each give their code', async () => {
  const code = async (bytes: Uint8Array, path = 'bad.docx') => {
    const result = await extract(bytes, { path });
    return result.ok ? 'ok' : result.error.code;
  };
  expect(await code(new Uint8Array(Buffer.from('not a zip at all')))).toBe('invalid_docx');
  expect(await code(docx({ 'word/styles.xml': '<x/>' }))).toBe('invalid_docx');
  expect(await code(docx({ 'word/document.xml': `<w:document ${W}><w:body>${paragraph('x')}</w:body></w:document>`, 'word/vbaProject.bin': 'macro' }), 'bad.docm')).toBe('unsupported_format');
  const encrypted = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512), Buffer.from('EncryptedPackage', 'utf16le')]);
  expect(await code(new Uint8Array(encrypted))).toBe('encrypted');
});

test('a document part too large to parse is too_large before it is inflated; one whose zip understates its size is cut short, invalid_docx', async () => {
  const spaces = `<w:document ${W}><w:body>${paragraph('Improvement Notice')}${' '.repeat(64 * 1024)}</w:body></w:document>`;
  const big = await extract(docx({ 'word/document.xml': spaces }), { path: 'big.docx', maxMarkupBytes: 32 * 1024 });
  expect(big.ok ? 'ok' : big.error.code).toBe('too_large');
  expect((await extract(docx({ 'word/document.xml': spaces }), { path: 'big.docx' })).ok).toBe(true);
  // The zip's directory says the part is 1,000 bytes (local header at 0, its size at 22; the
  // central directory's entry has it at 24): fflate inflates no more than that.
  const lying = Buffer.from(docx({ 'word/document.xml': spaces }));
  lying.writeUInt32LE(1000, 22);
  lying.writeUInt32LE(1000, lying.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
  const cut = await extract(new Uint8Array(lying), { path: 'lying.docx' });
  expect(cut.ok ? 'ok' : cut.error.code).toBe('invalid_docx');
});
