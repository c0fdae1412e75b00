/**
 * Every kind the registry declares is recognised from its declaration alone: for each kind in
 * REGISTRY (no kind named here), every fixture whose expected record says it is of that kind —
 * text, page or Word file — is classified so, and each kind has fixtures to show it. A kind
 * added as a folder under pipelines/ with its fixtures is tested here without a line of test.
 */
import { existsSync, readFileSync } from 'node:fs';
import fg from 'fast-glob';
import { classify } from '../../src/classify/index.js';
import { REGISTRY } from '../../src/registry.js';
import { FIXTURES, normalisedFile } from '../helpers/fixtures.js';

interface Labelled {
  input: string;
  kind: string;
}

/** Each fixture input beside an expected record that states a kind. */
function labelledInputs(): Labelled[] {
  return fg.sync('**/*.expected.json', { cwd: FIXTURES, absolute: true }).sort().flatMap((gold) => {
    const kind = (JSON.parse(readFileSync(gold, 'utf8')) as { kind?: string }).kind;
    if (kind === undefined) return [];
    const base = gold.replace(/\.expected\.json$/, '');
    return ['.txt', '.html', '.docx'].map((ext) => base + ext).filter((input) => existsSync(input)).map((input) => ({ input, kind }));
  });
}

const labelled = labelledInputs();
const kinds = [...REGISTRY.map((kind) => kind.kind), 'other'];

test.each(kinds)('the fixtures hold documents of the kind %s', (kind) => {
  expect(labelled.filter((item) => item.kind === kind).length).toBeGreaterThan(0);
});

describe.each(kinds)('%s', (kind) => {
  const own = labelled.filter((item) => item.kind === kind).map((item) => ({ ...item, name: item.input.slice(FIXTURES.length + 1) }));
  test.each(own)('$name is classified from the declarations as $kind', async ({ input }) => {
    const { kind: found } = classify(await normalisedFile(input));
    expect(found).toBe(kind);
  });
});
