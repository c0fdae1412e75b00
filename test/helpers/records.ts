/**
 * Building blocks for document records that tests construct by hand.
 */
import type { DocumentRecord } from '../../src/record.js';

type EntityArrays = Pick<DocumentRecord, 'dates' | 'date_ranges' | 'deadlines' | 'cadences' | 'grades' | 'costs' | 'people' | 'organisations' | 'statutes' | 'councils'>;

/** Every entity array of a record, empty: spread it, then give the arrays a test needs. */
export const NO_ENTITIES: EntityArrays = {
  dates: [],
  date_ranges: [],
  deadlines: [],
  cadences: [],
  grades: [],
  costs: [],
  people: [],
  organisations: [],
  statutes: [],
  councils: [],
};
