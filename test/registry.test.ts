/**
 * The registry of kinds (pipelines/<kind>/kind.json): what is derived from it agrees with it,
 * and a new kind is a folder with a declaration.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { DocumentKind, NoticeFeatures, factsSchema } from '../src/record.js';
import { KINDS, REGISTRY, loadRegistry } from '../src/registry.js';
import { READERS } from '../src/recognise/facts.js';
import { openCorpus } from '../src/store/read.js';
import { summaryViewName } from '../src/store/views.js';
import { factType } from '../src/store/write.js';
import { CLI, makeTempDir } from './helpers/hostile.js';

const PIPELINES = join(import.meta.dirname, '..', 'pipelines');

test('every folder of pipelines/ with a kind.json is a kind, and DocumentKind is those kinds and other', () => {
  const folders = readdirSync(PIPELINES).filter((name) => existsSync(join(PIPELINES, name, 'kind.json')));
  expect(REGISTRY.map((k) => k.kind)).toEqual(folders.sort());
  expect([...DocumentKind.options].sort()).toEqual([...folders, 'other'].sort());
});

test("each kind's facts schema has exactly its declared facts, in their order, and the store types them as declared", () => {
  for (const kind of REGISTRY) {
    expect(Object.keys(factsSchema(kind.kind).shape)).toEqual(Object.keys(kind.facts));
    for (const [name, declared] of Object.entries(kind.facts)) expect(factType(kind.kind, name)).toBe(declared.type);
  }
});

test('every reader a declaration names exists', () => {
  const named = REGISTRY.flatMap((kind) => Object.values(kind.facts).flatMap((fact) => fact.read.flatMap((step) => ('reader' in step ? [step.reader] : []))));
  expect(named.filter((name) => !(name in READERS))).toEqual([]);
});

test("the notice's features are its features.json's, and the corpus's notice_features columns are the same names", () => {
  const declared = Object.keys(KINDS.get('improvement_notice')!.features);
  expect(Object.keys(NoticeFeatures.shape)).toEqual(declared);
  const db = openCorpus(':memory:');
  try {
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('notice_features') as string[];
    expect(columns.filter((c) => c !== 'document_id')).toEqual(declared);
  } finally {
    db.close();
  }
});

test('a new kind is a folder with a kind.json: the registry reads it with its facts; a bad declaration is refused', () => {
  const temp = makeTempDir('registry');
  try {
    mkdirSync(join(temp.dir, 'council_minutes'));
    writeFileSync(
      join(temp.dir, 'council_minutes', 'kind.json'),
      JSON.stringify({
        label: 'Council minutes',
        description: 'The minutes of a council meeting.',
        own_date: 'meeting',
        letter: false,
        facts: { meeting: { type: 'date', description: 'the meeting', read: [{ date: 'meeting' }], missing: 'no meeting date' } },
      }),
    );
    const [minutes] = loadRegistry(temp.dir);
    expect(minutes).toMatchObject({ kind: 'council_minutes', own_date: 'meeting', facts: { meeting: { type: 'date', nullable: true } }, features: {} });
    writeFileSync(
      join(temp.dir, 'council_minutes', 'kind.json'),
      JSON.stringify({ label: 'x', description: 'x', own_date: null, letter: false, facts: { outcome: { type: 'choice', description: 'x', read: [{ reader: 'x' }], missing: 'x' } } }),
    );
    expect(() => loadRegistry(temp.dir)).toThrow(/choice lists its values/);
    writeFileSync(
      join(temp.dir, 'council_minutes', 'kind.json'),
      JSON.stringify({ label: 'x', description: 'x', own_date: null, letter: false, facts: { meeting: { type: 'date', description: 'x', read: [{ date: 'meeting' }], missing: 'x', lane: 'the council' } } }),
    );
    expect(() => loadRegistry(temp.dir)).toThrow(/lane is declared for a lifecycle event only/);
  } finally {
    temp.remove();
  }
});

test("each kind's summary view has a column per declared fact, measure and feature, and the lifecycle view one event per declared event", () => {
  const db = openCorpus(':memory:');
  try {
    const columns = (view: string) => db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(view) as string[];
    for (const kind of REGISTRY) {
      expect(columns(summaryViewName(kind))).toEqual([
        'document_id',
        'council',
        'gss',
        ...Object.keys(kind.facts),
        ...Object.keys(kind.measures),
        ...Object.keys(kind.features),
        'content_key',
        'copies',
        'paths',
      ]);
    }
    expect(columns('council_lifecycle')).toEqual(['council', 'gss', 'date', 'event', 'kind', 'fact', 'document_id', 'title', 'clause', 'page', 'start', 'end']);
    const events = REGISTRY.flatMap((kind) => Object.values(kind.facts).flatMap((fact) => (fact.event ? [fact] : [])));
    expect(events.length).toBeGreaterThanOrEqual(REGISTRY.length);
    for (const fact of events) expect(fact.type).toBe('date');
    // Every step of the lifecycle says who takes it: its lane on a council's timeline drawing.
    expect(events.filter((fact) => !fact.lane)).toEqual([]);
  } finally {
    db.close();
  }
});

describe('a kind added by a folder alone (NOTICE_PIPELINE_KINDS)', () => {
  const EXTRA = join(import.meta.dirname, 'fixtures', 'extra-kinds');
  const MINUTES = join(EXTRA, 'scrutiny-minutes-2024.txt');
  const withKinds = { ...process.env, NOTICE_PIPELINE_KINDS: EXTRA };
  const cli = (args: string[], env: NodeJS.ProcessEnv = withKinds) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env });

  test('is classified by its declared evidence and its facts are read as declared; without the folder the document is a committee paper', () => {
    const record = JSON.parse(cli(['extract', MINUTES, '--json']).stdout);
    expect(record.kind).toBe('scrutiny_minutes');
    expect(record.classification.map((e: { rule: string }) => e.rule)).toContain('title_minutes');
    expect(record.facts).toEqual({ meeting: '2024-03-12', chair: 'Ruth Allanson' });
    expect(record.fact_evidence.meeting.text).toBe('12 March 2024');
    const without = { ...process.env };
    delete without.NOTICE_PIPELINE_KINDS;
    // Without it, the minutes are what the shipped kinds make of them: a committee's papers.
    expect(JSON.parse(cli(['extract', MINUTES, '--json'], without).stdout).kind).toBe('cabinet_report');
  });

  test('gets its summary view and its lifecycle events in the corpus, and its place in the published schema', () => {
    const temp = makeTempDir('extra-kind');
    try {
      const db = join(temp.dir, 'corpus.sqlite');
      expect(cli(['ingest', MINUTES, '--db', db]).status).toBe(0);
      const handle = new Sqlite(db, { readonly: true });
      try {
        expect(handle.prepare('SELECT meeting, chair FROM scrutiny_minutes_summary').all()).toEqual([{ meeting: '2024-03-12', chair: 'Ruth Allanson' }]);
        expect(handle.prepare('SELECT date, event FROM council_lifecycle').all()).toEqual([{ date: '2024-03-12', event: 'scrutiny meeting' }]);
      } finally {
        handle.close();
      }
      expect(cli(['schema']).stdout).toContain('"scrutiny_minutes"');
    } finally {
      temp.remove();
    }
  });
});
