/**
 * The recognise stage: every entity the document names, then the facts read from them and, for
 * notices, the template features. Entities first, because facts, deadlines and grades read the
 * dates (the issue date a "within 12 months of this notice" counts from, a grade's `when`).
 */
import type { NormalisedDocument } from '../normalise/index.js';
import type { DocumentKind, Recognised, Segmented } from '../record.js';
import { recogniseCadences } from './cadences.js';
import { recogniseCosts } from './costs.js';
import { recogniseCouncils } from './councils.js';
import { recogniseDates } from './dates.js';
import { recogniseDeadlines } from './deadlines.js';
import { recogniseFacts } from './facts.js';
import { recogniseFeatures } from './features.js';
import { recogniseGrades } from './grades.js';
import { recogniseOrganisations } from './organisations.js';
import { recognisePeople } from './people.js';
import { recogniseStatutes } from './statutes.js';

export function recognise(doc: NormalisedDocument, kind: DocumentKind, segmented: Segmented): Recognised {
  const { dates, ranges } = recogniseDates(doc, kind);
  const issued = dates.find((d) => d.role === 'issued' && d.precision === 'day')?.value ?? null;
  const deadlines = recogniseDeadlines(doc, issued);
  const costs = recogniseCosts(doc);
  const people = recognisePeople(doc, segmented, kind);
  const { council, councils } = recogniseCouncils(doc, segmented, kind);
  const { facts, fact_evidence } = recogniseFacts(doc, kind, segmented, { dates, ranges, deadlines, costs, people });
  const { features, feature_evidence } = recogniseFeatures(doc, segmented, kind);
  return {
    council,
    councils,
    dates,
    date_ranges: ranges,
    deadlines,
    cadences: recogniseCadences(doc),
    grades: recogniseGrades(doc, dates),
    costs,
    people,
    organisations: recogniseOrganisations(doc),
    statutes: recogniseStatutes(doc),
    facts,
    fact_evidence,
    features,
    feature_evidence,
  };
}
