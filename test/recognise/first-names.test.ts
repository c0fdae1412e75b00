/**
 * pipelines/first-names.json is generated from compromise's lexicon; it must match the
 * compromise installed, or the people recogniser reads a stale list.
 */
import { readFileSync } from 'node:fs';
import { firstNamesFromCompromise } from '../../scripts/build-first-names.js';

describe('first names', () => {
  it('are the names of the installed compromise lexicon (regenerate with scripts/build-first-names.ts)', () => {
    const committed = JSON.parse(readFileSync('pipelines/first-names.json', 'utf8')) as { names: string[]; source: string };
    const current = firstNamesFromCompromise();
    expect(committed.source).toBe(current.source);
    expect(committed.names).toEqual(current.names);
    expect(committed.names.length).toBeGreaterThan(1000);
    expect(committed.names).toEqual(expect.arrayContaining(['caroline', 'sophie', 'tara']));
  });
});
