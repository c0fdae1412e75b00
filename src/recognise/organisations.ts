/**
 * Organisations named in a document, by the canonical names and patterns of
 * pipelines/organisations.json.
 */
import { readFileSync } from 'node:fs';
import type { OrganisationEntity } from '../record.js';
import { projectPath } from '../paths.js';
import { longestDisjoint, matchesIn } from './spans.js';
import type { TextIndex } from './text-index.js';

interface OrganisationPattern {
  /** The canonical name; `$1` stands for the pattern's first group. */
  name: string;
  pattern: RegExp;
  /** The same pattern in any case: a name set in capitals ("DEPARTMENT FOR EDUCATION REVIEWS") is the same name. */
  capitals: RegExp;
}

let table: OrganisationPattern[] | null = null;

function organisationPatterns(): OrganisationPattern[] {
  if (!table) {
    const file = JSON.parse(readFileSync(projectPath('pipelines/organisations.json'), 'utf8')) as { organisations: { name: string; patterns: string[] }[] };
    table = file.organisations.flatMap(({ name, patterns }) =>
      patterns.map((pattern) => {
        const source = `(?<![\\w'])(?:${pattern})(?![\\w'])`;
        return { name, pattern: new RegExp(source, 'g'), capitals: new RegExp(source, 'gi') };
      }),
    );
  }
  return table;
}

/** A stretch of text set in capitals: two or more words of capital letters (a heading, a name in a signature). */
const IN_CAPITALS = /\b[A-Z][A-Z'&.,-]*(?:\s+[A-Z][A-Z'&.,-]*)+\b/g;

export function recogniseOrganisations(index: TextIndex): OrganisationEntity[] {
  // The case-blind patterns run only over the stretches in capitals, where they are needed: run
  // over the whole text, every pattern in any case matches ordinary words and costs a scan.
  const capitalised = matchesIn(index.text, IN_CAPITALS);
  const found = organisationPatterns().flatMap(({ name, pattern, capitals }) =>
    [
      ...matchesIn(index.text, pattern),
      ...capitalised.flatMap((stretch) => matchesIn(stretch.match[0], capitals, stretch.start)).filter(({ match }) => !/[a-z]/.test(match[0])),
    ].map(({ match, start, end }) => ({
      start,
      end,
      name: name.replace('$1', match[1] ?? ''),
    })),
  );
  // The longest match wins where patterns overlap ("Met. Police" over "Police"); the table's order breaks ties.
  return longestDisjoint(found).map(({ start, end, name }) => ({ ...index.entity(start, end), name }));
}
