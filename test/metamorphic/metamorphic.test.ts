/**
 * Metamorphic invariance: the same document written differently gives the same record.
 *
 * Every fixture with a gold record and a `.txt` (`fixtures/**\/<name>.expected.json` beside
 * `<name>.txt`, found afresh on each run) is written each way `transforms.ts` knows — wrapped,
 * with CRLF, other quotes, other table layouts and label styles, headings in capitals, blank
 * lines added or removed, no-break spaces in dates — and run through the pipeline in memory; its
 * record must project (`projection.ts`: values only, no spans) to the record of the text as it
 * was. A transformation that leaves a text unchanged is not applicable to it. `pdf-producers`
 * compares, for every fixture printed to more than one PDF (`<name>.pdf`,
 * `<name>.<producer>.pdf`), each PDF's record with the text's; `word-and-web` compares, for
 * every fixture that is also a Word file or a web page (`<name>.docx`, `<name>.html`), each
 * copy's record with the text's.
 *
 * One test per (transformation, fixture) case; afterAll prints `metamorphic invariance: N/M`
 * and a line per transformation. Failures are the measure of work left in src/.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { processBytes } from '../../src/pipeline.js';
import type { DocumentRecord, Result } from '../../src/record.js';
import { goldTextFixtures, type GoldTextFixture } from '../helpers/fixtures.js';
import { diffProjections, project } from './projection.js';
import { TRANSFORMS, type TransformContext } from './transforms.js';

const PDF_PRODUCERS = 'pdf-producers';
const WORD_AND_WEB = 'word-and-web';

interface Tally {
  held: number;
  ran: number;
  notApplicable: number;
}

interface Case {
  fixture: GoldTextFixture;
  /** The input's file name as a developer looks for it, e.g. `seeds/harrow-notice-2025.txt`. */
  label: string;
  path: string;
  bytes: Uint8Array;
  /** What the input is, for the failure message: `transformed text` or `PDF`. */
  changed: string;
}

const fixtures = goldTextFixtures();
const tallies = new Map<string, Tally>([...TRANSFORMS.map((t) => t.name), PDF_PRODUCERS, WORD_AND_WEB].map((name) => [name, { held: 0, ran: 0, notApplicable: 0 }]));
const unreadableGolds: { fixture: GoldTextFixture; error: string }[] = [];

/** The headings the gold names: every clause's heading and every section's. */
function contextOf(fixture: GoldTextFixture): TransformContext {
  try {
    const gold = JSON.parse(readFileSync(join(fixture.folder, `${fixture.name}.expected.json`), 'utf8')) as {
      clauses?: { heading?: string | null }[];
      sections?: { heading?: string | null }[];
    };
    const headings = [...(gold.clauses ?? []), ...(gold.sections ?? [])].map((item) => item.heading).filter((h): h is string => typeof h === 'string');
    return { headings: [...new Set(headings)] };
  } catch (error) {
    unreadableGolds.push({ fixture, error: (error as Error).message });
    return { headings: [] };
  }
}

const texts = new Map(fixtures.map((fixture) => [fixture.txt, readFileSync(fixture.txt, 'utf8')]));
const contexts = new Map(fixtures.map((fixture) => [fixture.txt, contextOf(fixture)]));
const displayName = (fixture: GoldTextFixture, file: string): string => `${fixture.id.slice(0, fixture.id.length - fixture.name.length)}${basename(file)}`;

/** The applicable cases of every transformation, counting the rest as not applicable. */
const textCases = TRANSFORMS.map((transform) => {
  const cases: Case[] = [];
  for (const fixture of fixtures) {
    const text = texts.get(fixture.txt)!;
    const transformed = transform.apply(text, contexts.get(fixture.txt)!);
    if (transformed === text) tallies.get(transform.name)!.notApplicable++;
    else cases.push({ fixture, label: displayName(fixture, fixture.txt), path: fixture.txt, bytes: new Uint8Array(Buffer.from(transformed, 'utf8')), changed: 'transformed text' });
  }
  return { name: transform.name, cases };
});

/**
 * The cases that set other files of each fixture against its text: `files` picks them (the
 * fixture is not applicable with fewer than `fewest`), `changed` says what each file is.
 */
function fileCases(name: string, files: (fixture: GoldTextFixture) => string[], fewest: number, changed: (path: string) => string): Case[] {
  return fixtures.flatMap((fixture) => {
    const paths = files(fixture);
    if (paths.length < fewest) {
      tallies.get(name)!.notApplicable++;
      return [];
    }
    return paths.map((path) => ({
      fixture,
      label: `${displayName(fixture, path)} vs ${basename(fixture.txt)}`,
      path,
      bytes: new Uint8Array(readFileSync(path)),
      changed: changed(path),
    }));
  });
}

// pdf-producers is about the fixtures printed by more than one program.
const pdfCases = fileCases(PDF_PRODUCERS, (fixture) => fixture.pdfs, 2, () => 'PDF');
const wordAndWebCases = fileCases(WORD_AND_WEB, (fixture) => fixture.wordAndWeb, 1, (path) => (path.endsWith('.docx') ? 'DOCX' : 'HTML'));

/** The record of each fixture's text as it is, computed once. */
const baselines = new Map<string, Promise<Result<DocumentRecord>>>();
function baseline(fixture: GoldTextFixture): Promise<Result<DocumentRecord>> {
  let record = baselines.get(fixture.txt);
  if (!record) {
    record = processBytes(new Uint8Array(Buffer.from(texts.get(fixture.txt)!, 'utf8')), fixture.txt);
    baselines.set(fixture.txt, record);
  }
  return record;
}

/** A failure that shows its message only: the code frame of the line that throws says nothing more. */
function failure(message: string): Error {
  const error = new Error(message);
  error.stack = `Error: ${message}`;
  return error;
}

/** Runs one case: the transformed input's record must project to the untransformed text's. */
async function holds(name: string, testCase: Case): Promise<void> {
  const tally = tallies.get(name)!;
  tally.ran++;
  const original = await baseline(testCase.fixture);
  if (!original.ok) throw failure(`[${name}] ${testCase.label}: the untransformed text fails: ${original.error.code}: ${original.error.message}`);
  const changed = await processBytes(testCase.bytes, testCase.path);
  if (!changed.ok) throw failure(`[${name}] ${testCase.label}: the pipeline fails: ${changed.error.code}: ${changed.error.message}`);
  const differences = diffProjections(project(original.value), project(changed.value));
  if (differences.length > 0) {
    throw failure(`[${name}] ${testCase.label}: the record differs (text as it is → ${testCase.changed})\n  ${differences.join('\n  ')}`);
  }
  tally.held++;
}

function summary(): string[] {
  const all = [...tallies.values()];
  const held = all.reduce((sum, t) => sum + t.held, 0);
  const ran = all.reduce((sum, t) => sum + t.ran, 0);
  return [
    `metamorphic invariance: ${held}/${ran}`,
    ...[...tallies].map(([name, t]) => `  ${name}: ${t.held}/${t.ran} (${t.notApplicable} not applicable)`),
  ];
}

afterAll(() => {
  process.stdout.write(`${summary().join('\n')}\n`);
});

describe('metamorphic invariance', () => {
  it(`finds the fixtures with a gold record and a text (${fixtures.length})`, () => {
    expect(fixtures.length).toBeGreaterThan(0);
    expect(unreadableGolds.map(({ fixture, error }) => `${fixture.id}.expected.json: ${error}`)).toEqual([]);
  });

  for (const { name, cases } of textCases) {
    describe(name, () => {
      for (const testCase of cases) it(testCase.label, () => holds(name, testCase));
    });
  }

  describe(PDF_PRODUCERS, () => {
    for (const testCase of pdfCases) it(testCase.label, () => holds(PDF_PRODUCERS, testCase));
  });

  describe(WORD_AND_WEB, () => {
    for (const testCase of wordAndWebCases) it(testCase.label, () => holds(WORD_AND_WEB, testCase));
  });

  it('holds for every applicable case', () => {
    const failing = [...tallies].filter(([, t]) => t.held !== t.ran).map(([name, t]) => `${name}: ${t.ran - t.held} of ${t.ran} cases differ`);
    if (failing.length > 0) throw failure(`${summary()[0]}\n  ${failing.join('\n  ')}`);
  });
});
