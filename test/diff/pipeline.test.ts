/**
 * The diff through the whole pipeline (segmenter and recognisers included): the seed notices'
 * features and gold alignments, the standard notices varying only in parameters, and the
 * committed template rebuilt from the pipeline's records of the standard-generation notices; and
 * the notice variants of fixtures/diff/.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildTemplate, templateJson } from '../../src/diff/build.js';
import { diffNotice } from '../../src/diff/index.js';
import { templatePath } from '../../src/diff/template.js';
import { processFile } from '../../src/pipeline.js';
import type { DocumentRecord } from '../../src/record.js';
import { FIXTURES, SEEDS, goldNames, inputsOf, readGold } from '../helpers/fixtures.js';
import type { NoticeGold } from './records.js';

const notices = goldNames(SEEDS).filter((name) => readGold<NoticeGold>(SEEDS, name).kind === 'improvement_notice');
const STANDARD = ['harrow-notice-2025', 'havering-notice-2024'];
const inputs = notices.flatMap((name) => inputsOf(SEEDS, name).map((path) => [name, path] as const));
const records = new Map<string, DocumentRecord>();

beforeAll(async () => {
  for (const [, path] of inputs) {
    const result = await processFile(path);
    if (!result.ok) throw new Error(`${path}: ${result.error.code}`);
    records.set(path, result.value);
  }
});

describe.each(inputs)('%s (%s)', (name, path) => {
  const gold = readGold<NoticeGold>(SEEDS, name);
  test('features and alignment equal the gold', () => {
    const record = records.get(path)!;
    expect(record.features).toEqual(gold.features);
    expect(diffNotice(record).alignment).toEqual(gold.alignment);
  });
  if (STANDARD.includes(name)) {
    test('only parameter variations', () => {
      const { variations } = diffNotice(records.get(path)!);
      expect(variations.filter((v) => v.kind !== 'parameter')).toEqual([]);
      expect(variations.length).toBeGreaterThan(0);
    });
  }
});

test.each(['txt', 'pdf'])('the committed template is rebuilt from the pipeline records (%s)', (ext) => {
  const standard = STANDARD.map((name) => records.get(inputsOf(SEEDS, name).find((p) => p.endsWith(`.${ext}`))!)!);
  expect(templateJson(buildTemplate(standard))).toBe(readFileSync(templatePath(), 'utf8'));
});

describe('the notice variants of fixtures/diff through the pipeline', () => {
  const folder = join(FIXTURES, 'diff');
  const variants = readdirSync(folder).filter((f) => f.endsWith('.diff.json')).map((f) => f.replace(/\.diff\.json$/, ''));
  test.each(variants)('%s: the expected alignment and variations', async (name) => {
    const gold = JSON.parse(readFileSync(join(folder, `${name}.diff.json`), 'utf8')) as NoticeGold & { variations: { kind: string; clause: string | null }[] };
    const result = await processFile(join(folder, `${name}.txt`));
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.features).toEqual(gold.features);
    const diff = diffNotice(result.value);
    expect(diff.alignment).toEqual(gold.alignment);
    expect(diff.variations.map((v) => [v.kind, v.clause])).toEqual(gold.variations.map((v) => [v.kind, v.clause]));
  });
});

