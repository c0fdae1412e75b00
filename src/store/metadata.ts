/**
 * What the corpus says about itself: title, source, licences and the meaning of every column.
 * The same description goes into the `_metadata` table, Datasette's `metadata.json` /
 * `datasette.yaml`, and the Frictionless `datapackage.json` written beside CSV exports.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { COUNCIL_REGISTER_CREDIT } from '../recognise/register.js';
import { SCHEMA_ID } from '../record.js';
import { pipelineVersion } from '../version.js';
import { SCHEMA_VERSION } from './schema.js';
import { KINDS, REGISTRY } from '../registry.js';
import { derivedViewsDigest, summaryViewName } from './views.js';

export const CORPUS = {
  title: "England children's-services intervention documents",
  description:
    'DfE improvement notices, council cabinet reports and press releases about children’s services intervention, read by notice-pipeline into clauses, dated events, costs, people, statutes and template features, each value traceable to its page and character offsets.',
  source: 'Documents published by the Department for Education and English local authorities',
  licence: 'OGL-UK-3.0',
  licence_url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
  register_credit: COUNCIL_REGISTER_CREDIT,
  register_licence: 'CC-BY-4.0',
  register_url: 'https://github.com/mysociety/uk_local_authority_names_and_codes',
} as const;

const SPAN_COLUMNS = {
  page: '1-based page of the text',
  start: 'start offset into documents.text, in Unicode code points (SQLite substr(text, start + 1, end - start), Python text[start:end])',
  end: 'end offset (exclusive) into documents.text, in code points; documents.text from start to end is the text as written',
};

export interface TableDescription {
  description: string;
  columns: Record<string, string>;
  /** Datasette: the columns offered as facets. */
  facets?: string[];
  /** Datasette: the column that names a row where another table points at it. */
  label_column?: string;
  /** Datasette and sqlite-utils: the FTS table indexing this one, and the key it indexes by. */
  fts_table?: string;
  fts_pk?: string;
}

const STORED_TABLES: Record<string, TableDescription> = {
  documents: {
    description: 'One row per distinct file content (sha256); the same bytes found at another path add a row to document_paths.',
    columns: {
      id: 'row id',
      sha256: 'sha256 of the file bytes',
      content_key: 'sha256 of the letters and digits of the normalised text, case folded: equal for the copies of one document (PDF, text, Word, web page)',
      format: 'pdf, txt, html or docx',
      kind: `the document's kind: ${[...KINDS.keys(), 'other'].join(', ')}`,
      title: 'how the document is shown: its kind, council and first date',
      council_name: 'canonical name of the council the document is about',
      council_gss: 'ONS GSS code of that council (councils.gss)',
      publisher_name: 'who published the document, as the document shows it (a site, a letterhead, a masthead); a council by its canonical name',
      publisher_gss: 'ONS GSS code of the publisher, where it is a council (councils.gss)',
      bytes: 'file size in bytes',
      pages: 'page count (1 for plain text)',
      text: 'the normalised text every offset points into',
      record: `the full document record (${SCHEMA_ID}) as JSON`,
      ingested_at: 'when the document was stored (ISO 8601, UTC)',
      pipeline_version: 'the notice-pipeline version that made the record (package version + digest of its rules); null if made before versions were recorded. `notices ingest --reprocess` re-reads documents made by another version',
    },
    facets: ['kind', 'format', 'council_name', 'publisher_name', 'pipeline_version'],
    label_column: 'title',
  },
  distinct_documents: {
    description: 'One row per distinct content: the PDF and the text of one document are one row, shown by its PDF copy when there is one, with every path of every copy.',
    columns: {
      document_id: 'documents.id of the copy shown',
      content_key: 'documents.content_key',
      title: 'documents.title',
      kind: 'document kind',
      format: 'format of the copy shown',
      council_name: 'council name',
      council_gss: 'council GSS code',
      pages: 'page count of the copy shown',
      copies: 'how many documents (copies) share the content',
      paths: 'JSON list of every path of every copy',
    },
    facets: ['kind', 'format', 'council_name'],
    label_column: 'title',
  },
  document_paths: {
    description: 'Every path at which a document’s bytes were found.',
    columns: { document_id: 'documents.id', path: 'the file path as given to ingest', added_at: 'when the path was seen (ISO 8601, UTC)' },
  },
  pages: {
    description: 'The character range of each page in documents.text.',
    columns: { document_id: 'documents.id', ...SPAN_COLUMNS },
  },
  clauses: {
    description: 'Numbered clauses in document order; full-text searchable through clauses_fts.',
    columns: {
      id: 'row id',
      document_id: 'documents.id',
      clause: 'dotted clause number as the document writes it ("5", "5.a", "1.11")',
      parent: 'the enclosing clause number, or null',
      heading: 'the section heading the clause sits under',
      text: 'the clause’s own text, white space folded',
      ...SPAN_COLUMNS,
    },
    facets: ['heading'],
    label_column: 'clause',
    fts_table: 'clauses_fts',
    fts_pk: 'id',
  },
  entities: {
    description: 'Every recognised value, with its normalised value and where it stands.',
    columns: {
      id: 'row id',
      document_id: 'documents.id',
      clause_id: 'clauses.id of the innermost clause holding the entity, or null',
      type: 'date, date_range, deadline, cadence, grade, cost, person, organisation, statute or council',
      value: 'a value in words: grade, person, organisation or council name, act',
      date: 'an ISO date (year, month or day precision): the date, a range’s start, a deadline’s due date, when a grade was given',
      date_end: 'the end of a date range (ISO)',
      duration: 'an ISO 8601 duration: a cadence, or a deadline counted from an event',
      role: 'what the value is: date role, person role, judgement area, cadence subject',
      detail: 'date precision, deadline anchor, statute section, council GSS code, "approximate", "at_least", "earlier" (a grade given as a past one)',
      amount_gbp: 'cost in whole pounds',
      text: 'the text as written',
      ...SPAN_COLUMNS,
    },
    facets: ['type', 'role'],
  },
  facts: {
    description: 'The key facts of each document (by kind) with the evidence they were read from.',
    columns: {
      document_id: 'documents.id',
      name: 'fact name (issued, plan_deadline, meeting, …)',
      value: 'the value, stored as its type: TEXT for date, duration and text, INTEGER for integer and boolean (1/0)',
      clause: 'clause number of the evidence',
      ...SPAN_COLUMNS,
      type: 'the fact’s declared type: date, duration, boolean, integer, number or text (null if made before types were recorded)',
    },
    facets: ['name', 'type'],
  },
  notice_features: {
    description: 'One row per improvement notice: the template features a policy team compares across councils, as pipelines/improvement_notice/features.json declares them.',
    columns: {
      document_id: 'documents.id',
      ...Object.fromEntries(
        Object.entries(KINDS.get('improvement_notice')?.features ?? {}).map(([name, feature]) => [name, `${feature.description} (${feature.type}${feature.type === 'boolean' ? ', 1 or 0' : ''})`]),
      ),
    },
    facets: Object.entries(KINDS.get('improvement_notice')?.features ?? {}).filter(([, f]) => f.type === 'choice' || f.type === 'duration').map(([name]) => name),
  },
  anomalies: {
    description: 'Internal inconsistencies found in a document.',
    columns: { id: 'row id', document_id: 'documents.id', code: 'anomaly code', message: 'what is wrong', spans: 'JSON list of {page, start, end} involved' },
    facets: ['code'],
  },
  variations: {
    description: 'How each notice differs from the standard notice template.',
    columns: {
      id: 'row id',
      document_id: 'documents.id',
      template: 'the template compared against',
      kind: 'parameter, wording, added, removed or feature',
      clause: 'the notice’s clause number',
      template_clause: 'the template’s clause number',
      template_text: 'the template’s text',
      notice_text: 'the notice’s text',
      feature: 'feature name, for kind = feature',
      template_value: 'the template’s value (JSON)',
      notice_value: 'the notice’s value (JSON)',
      ...SPAN_COLUMNS,
    },
    facets: ['kind', 'feature', 'template'],
  },
  councils: {
    description: `UK local authorities. ${CORPUS.register_credit}.`,
    columns: {
      code: 'three-letter register code',
      gss: 'ONS GSS code (null for a planned authority without one)',
      name: 'official (canonical) name',
      nice_name: 'short name',
      type: 'authority type code (LBO, MD, UA, CTY, NMD, …)',
      type_name: 'authority type',
      nation: 'nation',
      start_date: 'date the authority started (ISO)',
      end_date: 'date the authority ended (ISO), null if current',
      replaced_by: 'JSON list of the register codes of the authorities that took over',
      alt_names: 'JSON list of the other names the register knows',
      current: '1 for an authority that exists today',
    },
    facets: ['type_name', 'nation', 'current'],
    label_column: 'name',
  },
  ingest_errors: {
    description: 'Files that could not be ingested (the latest failure per path; a later success removes the row).',
    columns: { path: 'file path', sha256: 'sha256 of the bytes, when they could be read', code: 'error code', message: 'what went wrong', at: 'when (ISO 8601, UTC)' },
    facets: ['code'],
  },
  council_timeline: {
    description: 'Every dated event per council, with the document and clause it comes from; a document held in several copies counts once (distinct_documents).',
    columns: {
      council: 'council name',
      gss: 'council GSS code',
      date: 'ISO date (any precision)',
      event: 'the date’s role, or its entity type',
      type: 'date, date_range or deadline',
      text: 'the text as written',
      document_id: 'documents.id (the copy distinct_documents shows)',
      kind: 'document kind',
      clause: 'clause number',
      ...SPAN_COLUMNS,
    },
    facets: ['event', 'kind'],
  },
};

/** The derived views' descriptions, from the declarations they are derived from (src/store/views.ts). */
function derivedViewDescriptions(): Record<string, TableDescription> {
  const summaries = REGISTRY.map((kind): [string, TableDescription] => [
    summaryViewName(kind),
    {
      description: `One row per ${kind.label.toLowerCase()} (its PDF and text counted once, as in distinct_documents), with its facts${Object.keys(kind.features).length > 0 ? ' and features' : ''}: ${kind.description}`,
      columns: {
        document_id: 'documents.id (the copy distinct_documents shows)',
        council: 'council name',
        gss: 'council GSS code',
        ...Object.fromEntries(Object.entries(kind.facts).map(([name, fact]) => [name, `${fact.description} (${fact.type})`])),
        ...Object.fromEntries(Object.entries(kind.measures).map(([name, measure]) => [name, measure.description])),
        ...Object.fromEntries(Object.entries(kind.features).map(([name, feature]) => [name, `${feature.description} (${feature.type}${feature.type === 'boolean' ? ', 1 or 0' : ''})`])),
        content_key: 'documents.content_key',
        copies: 'how many documents hold this content',
        paths: 'JSON list of every path of every copy',
      },
      facets: ['council', ...Object.entries(kind.features).filter(([, f]) => f.type === 'choice' || f.type === 'duration').map(([name]) => name)],
    },
  ]);
  const lifecycle: TableDescription = {
    description: "Each council's intervention in date order: every declared lifecycle event (inspection, report published, notice issued, plan, visits, notice lifted, direction) of every kind of document, each document once, with the clause and span it was read from.",
    columns: {
      council: 'council name',
      gss: 'council GSS code',
      date: 'ISO date of the event',
      event: 'the event, as the kind declares it',
      kind: 'the kind of the document it was read from',
      fact: 'the fact it is',
      document_id: 'documents.id (the copy distinct_documents shows)',
      title: 'documents.title',
      clause: 'clause number of the evidence',
      ...SPAN_COLUMNS,
    },
    facets: ['event', 'kind', 'council'],
  };
  return { ...Object.fromEntries(summaries), council_lifecycle: lifecycle };
}

/** Every table and view the corpus describes: the stored ones and the derived views. */
export const TABLES: Record<string, TableDescription> = { ...STORED_TABLES, ...derivedViewDescriptions() };

/** Writes the corpus description into `_metadata` (replacing what was there). */
export function writeMetadataTable(db: Database): void {
  const entries: Record<string, string> = {
    ...Object.fromEntries(Object.entries(CORPUS)),
    record_schema: SCHEMA_ID,
    schema_version: String(SCHEMA_VERSION),
    pipeline_version: pipelineVersion(),
    views_digest: derivedViewsDigest(),
  };
  const put = db.prepare('INSERT INTO _metadata (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    for (const [key, value] of Object.entries(entries)) put.run(key, value);
  })();
}

/** Datasette's metadata for a corpus file named `databaseName` (without `.sqlite`/`.db`). */
export function datasetteMetadata(databaseName: string): Record<string, unknown> {
  return {
    title: CORPUS.title,
    description: CORPUS.description,
    license: CORPUS.licence,
    license_url: CORPUS.licence_url,
    source: CORPUS.source,
    databases: {
      [databaseName]: {
        tables: {
          ...Object.fromEntries(Object.entries(TABLES).map(([name, t]) => [name, t])),
          councils: {
            ...TABLES.councils,
            license: CORPUS.register_licence,
            source: 'mySociety',
            source_url: CORPUS.register_url,
          },
        },
      },
    },
  };
}

/** YAML for nested maps of strings: keys plain, values as JSON strings (valid YAML scalars). */
function toYaml(value: unknown, indent = ''): string {
  return Object.entries(value as Record<string, unknown>)
    .map(([key, item]) => {
      const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : JSON.stringify(key);
      return typeof item === 'object' && item !== null
        ? `${indent}${name}:\n${toYaml(item, `${indent}  `)}`
        : `${indent}${name}: ${JSON.stringify(item)}\n`;
    })
    .join('');
}

/** Writes `metadata.json` and `datasette.yaml` (the same content) into `dir`; returns their paths. */
export function writeDatasetteFiles(dir: string, databaseName: string): string[] {
  const metadata = datasetteMetadata(databaseName);
  const files = [join(dir, 'metadata.json'), join(dir, 'datasette.yaml')];
  writeFileSync(files[0], `${JSON.stringify(metadata, null, 2)}\n`);
  writeFileSync(files[1], toYaml(metadata));
  return files;
}
