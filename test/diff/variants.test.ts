/**
 * Notices of my own in fixtures/diff/ that change the standard notice in known ways (a clause
 * deleted and the rest renumbered, a clause added and two merged, the board chaired differently
 * with monthly reports): each must give exactly those variations.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { diffNotice, loadTemplate } from '../../src/diff/index.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { noticeRecord, readJson, type NoticeGold } from './records.js';

const FOLDER = join(FIXTURES, 'diff');
interface ExpectedVariation {
  kind: string;
  clause: string | null;
  template_clause: string | null;
  feature?: string;
  notice_value?: unknown;
}
type VariantGold = NoticeGold & { variations: ExpectedVariation[] };

const variants = readdirSync(FOLDER)
  .filter((f) => f.endsWith('.diff.json'))
  .map((f) => f.replace(/\.diff\.json$/, ''));

test('there are at least three variants', () => expect(variants.length).toBeGreaterThanOrEqual(3));

describe.each(variants)('%s', (name) => {
  const gold = readJson<VariantGold>(FOLDER, `${name}.diff.json`);
  const result = async () => diffNotice(await noticeRecord(join(FOLDER, `${name}.txt`), gold), loadTemplate());

  test('features are read from its own wording', async () => {
    const record = await noticeRecord(join(FOLDER, `${name}.txt`), gold);
    expect(record.features).toEqual(gold.features);
  });

  test('the alignment survives the change', async () => {
    expect((await result()).alignment).toEqual(gold.alignment);
  });

  test('exactly the expected variations', async () => {
    const found = (await result()).variations.map((v) => ({
      kind: v.kind,
      clause: v.clause,
      template_clause: v.template_clause,
      ...(v.kind === 'feature' ? { feature: v.feature, notice_value: v.notice_value } : {}),
    }));
    expect(found).toEqual(gold.variations);
  });
});

test('the merged sub-clause shows the joining words as its wording difference', async () => {
  const name = 'cumberland-notice-2025-clause-added';
  const gold = readJson<VariantGold>(FOLDER, `${name}.diff.json`);
  const { variations, pairs } = diffNotice(await noticeRecord(join(FOLDER, `${name}.txt`), gold), loadTemplate());
  const merged = variations.find((v) => v.kind === 'wording')!;
  expect(merged.diff!.filter((p) => p.op !== 'equal').map((p) => [p.op, p.text.trim()])).toEqual([['insert', ', and']]);
  expect(pairs.filter((p) => p.notice_clause === merged.clause).map((p) => p.template_clause)).toEqual(['9.c', '9.d']);
});

test('the changed cadence and chair are wording as well as features', async () => {
  const name = 'bradford-notice-2025-board-and-reports';
  const gold = readJson<VariantGold>(FOLDER, `${name}.diff.json`);
  const { variations } = diffNotice(await noticeRecord(join(FOLDER, `${name}.txt`), gold), loadTemplate());
  const words = (clause: string) =>
    variations
      .find((v) => v.kind === 'wording' && v.clause === clause)!
      .diff!.filter((p) => p.op !== 'equal')
      .map((p) => `${p.op}:${p.text.trim()}`);
  expect(words('12')).toEqual(['delete:6 weekly', 'insert:monthly']);
  expect(words('5.b')).toEqual(['delete:an independent', 'insert:a', 'insert:appointed by the Department']);
});
