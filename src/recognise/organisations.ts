/**
 * Organisations named in a document, by the canonical names and patterns of
 * pipelines/organisations.json.
 */
import { readFileSync } from 'node:fs';
import type { NormalisedDocument } from '../normalise/index.js';
import type { OrganisationEntity } from '../record.js';
import { projectPath } from '../paths.js';
import { entityAt, matchesIn, overlaps } from './spans.js';

interface OrganisationPattern {
  /** The canonical name; `$1` stands for the pattern's first group. */
  name: string;
  pattern: RegExp;
}

let table: OrganisationPattern[] | null = null;

function organisationPatterns(): OrganisationPattern[] {
  if (!table) {
    const file = JSON.parse(readFileSync(projectPath('pipelines/organisations.json'), 'utf8')) as { organisations: { name: string; patterns: string[] }[] };
    table = file.organisations.flatMap(({ name, patterns }) =>
      patterns.map((pattern) => ({ name, pattern: new RegExp(`(?<![\\w'])(?:${pattern})(?![\\w'])`, 'g') })),
    );
  }
  return table;
}

export function recogniseOrganisations(doc: NormalisedDocument): OrganisationEntity[] {
  const found = organisationPatterns().flatMap(({ name, pattern }) =>
    matchesIn(doc.text, pattern).map(({ match, start, end }) => ({ start, end, name: name.replace('$1', match[1] ?? '') })),
  );
  // The longest match wins where patterns overlap ("Met. Police" over "Police"); the table's order breaks ties.
  const chosen: typeof found = [];
  for (const candidate of [...found].sort((a, b) => b.end - b.start - (a.end - a.start))) {
    if (!chosen.some((kept) => overlaps(kept, candidate))) chosen.push(candidate);
  }
  return chosen.sort((a, b) => a.start - b.start).map(({ start, end, name }) => ({ ...entityAt(doc, start, end), name }));
}
