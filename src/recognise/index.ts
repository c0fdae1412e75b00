/**
 * The recognise stage: every entity the document names, then the facts read from them and, for
 * notices, the template features. One text index (lines, sentences across line breaks, the
 * clause and section of an offset) is built here from what segmentation found and shared by
 * every recogniser. Entities first, because facts, deadlines, grades and councils read the dates
 * (the issue date a "within 12 months of this notice" counts from, a grade's `when`).
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
import { TextIndex } from './text-index.js';

/** `index` is the document's text index, built here unless the caller (the pipeline, which hands it on to the checks) has one. */
export function recognise(doc: NormalisedDocument, kind: DocumentKind, segmented: Segmented, index = new TextIndex(doc, segmented)): Recognised {
  const { dates, ranges } = recogniseDates(index, kind);
  const deadlines = recogniseDeadlines(index, dates);
  const costs = recogniseCosts(index);
  const cadences = recogniseCadences(index);
  const people = recognisePeople(index);
  const { council, councils } = recogniseCouncils(index, kind, dates, people);
  const { facts, fact_evidence } = recogniseFacts(index, kind, { dates, ranges, deadlines, costs, people });
  const { features, feature_evidence } = recogniseFeatures(index, kind, cadences);
  return {
    council,
    councils,
    dates,
    date_ranges: ranges,
    deadlines,
    cadences,
    grades: recogniseGrades(index, dates, ranges, councils, council?.gss ?? null),
    costs,
    people,
    organisations: recogniseOrganisations(index),
    statutes: recogniseStatutes(index),
    facts,
    fact_evidence,
    features,
    feature_evidence,
    messages: index.messages,
  };
}
