/**
 * Acceptance for OCR: a scanned notice (made by the test, at 250 dpi) through the whole
 * pipeline yields at least 95% of the gold clause ids and the right council, issue date and
 * deadline, with spans that hold.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { processBytes } from '../../src/pipeline.js';
import { scannedCopy, SEEDS } from '../helpers/hostile.js';

jest.setTimeout(180_000);

describe('a scanned notice through the pipeline', () => {
  test.each(['havering-notice-2024', 'harrow-notice-2025'])('%s keeps its clauses, council and dates', async (seed) => {
    const gold = JSON.parse(readFileSync(join(SEEDS, `${seed}.expected.json`), 'utf8'));
    const scan = await scannedCopy(join(SEEDS, `${seed}.pdf`), 250);
    const result = await processBytes(scan, 'scan.pdf');
    if (!result.ok) throw new Error(result.error.message);
    const record = result.value;
    expect(record.source.ocr_pages.length).toBe(record.source.pages);
    const ids = new Set(record.clauses.map((clause) => clause.id));
    const goldIds: string[] = gold.clauses.map((clause: { id: string }) => clause.id);
    const found = goldIds.filter((id) => ids.has(id)).length;
    expect(found / goldIds.length).toBeGreaterThanOrEqual(0.95);
    expect(record.council?.gss).toBe(gold.council.gss);
    expect((record.facts as { issued?: string }).issued).toBe(gold.facts.issued);
    expect(record.deadlines.map((deadline) => deadline.due)).toEqual(expect.arrayContaining(gold.deadlines));
    // A clause's text is its span's text with white space folded (SPEC "Clause").
    for (const clause of record.clauses) expect(record.text.slice(clause.span.start, clause.span.end).replace(/\s+/g, ' ').trim()).toBe(clause.text);
  });
});
