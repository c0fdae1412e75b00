/**
 * The recognisers' scaling, for `npm run bench`: each recogniser's time per megabyte on 100 KB
 * and on 1 MB of the same kinds of text, which linear time keeps within 2 × of each other (a
 * path that re-scans what it has read grows with the square of its input and fails by far).
 * The texts are the fuzz suite's worst cases: one paragraph of prose a megabyte long, and a run
 * of capitalised words (names, places, titles) without end.
 */
import { normalise } from '../src/normalise/index.js';
import { extractText } from '../src/extract/text.js';
import { recogniseCadences } from '../src/recognise/cadences.js';
import { recogniseCosts } from '../src/recognise/costs.js';
import { recogniseCouncils } from '../src/recognise/councils.js';
import { recogniseDates } from '../src/recognise/dates.js';
import { recogniseDeadlines } from '../src/recognise/deadlines.js';
import { recogniseFacts } from '../src/recognise/facts.js';
import { recogniseFeatures } from '../src/recognise/features.js';
import { recogniseGrades } from '../src/recognise/grades.js';
import { recogniseOrganisations } from '../src/recognise/organisations.js';
import { recognisePeople } from '../src/recognise/people.js';
import { recogniseStatutes } from '../src/recognise/statutes.js';
import { TextIndex } from '../src/recognise/text-index.js';
import { segment } from '../src/segment/index.js';

const KIND = 'improvement_notice';
/** Within this factor, time per megabyte at 1 MB against 100 KB is linear enough. */
const TARGET_FACTOR = 2;

const SENTENCE =
  'The Council will improve practice, and the improvement plan is costed at £1.2m by 31 March 2025 with reviews every six months under section 11 of the Children Act 2004, as Councillor Jane Smith said. ';
const WORDS = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel', 'India', 'Juliet', 'Councillor', 'Police', 'Borough'];

const TEXTS: Array<[string, (size: number) => string]> = [
  ['one paragraph of prose', (size) => SENTENCE.repeat(Math.ceil(size / SENTENCE.length)).slice(0, size)],
  ['capitalised words', (size) => {
    const words: string[] = [];
    for (let length = 0, i = 0; length < size; i++) {
      words.push(WORDS[(i * 7) % WORDS.length]);
      length += words[words.length - 1].length + 1;
    }
    return words.join(' ').slice(0, size);
  }],
];

/** Milliseconds each stage and recogniser takes on `text`, the text index and segmentation included. */
function timings(text: string): Record<string, number> {
  const times: Record<string, number> = {};
  const time = <T>(name: string, run: () => T): T => {
    const started = performance.now();
    const result = run();
    times[name] = (times[name] ?? 0) + performance.now() - started;
    return result;
  };
  const extracted = extractText(new Uint8Array(Buffer.from(text, 'utf8')));
  if (!extracted.ok) throw new Error(extracted.error.message);
  const doc = time('normalise', () => normalise(extracted.value));
  const segmented = time('segment', () => segment(doc, KIND));
  const index = time('text index', () => new TextIndex(doc, segmented));
  const { dates, ranges } = time('dates', () => recogniseDates(index, KIND));
  const deadlines = time('deadlines', () => recogniseDeadlines(index, dates));
  const costs = time('costs', () => recogniseCosts(index));
  const cadences = time('cadences', () => recogniseCadences(index));
  const people = time('people', () => recognisePeople(index));
  time('councils', () => recogniseCouncils(index, KIND, dates));
  time('facts', () => recogniseFacts(index, KIND, { dates, ranges, deadlines, costs, people }));
  time('features', () => recogniseFeatures(index, KIND, cadences));
  time('grades', () => recogniseGrades(index, dates));
  time('organisations', () => recogniseOrganisations(index));
  time('statutes', () => recogniseStatutes(index));
  return times;
}

/** Prints each stage's milliseconds per MB at 100 KB and at 1 MB, summed over the texts; returns whether every one is within the factor. */
export function reportRecogniserScaling(): boolean {
  const small = 100 * 1024;
  const large = 1024 * 1024;
  // Each size is timed three times and the fastest kept: one timing of a few milliseconds can
  // take a garbage collection or a recompilation that belongs to no text size.
  const perMb = (size: number) => {
    const sums: Record<string, number> = {};
    for (const [, make] of TEXTS) {
      const text = make(size);
      const runs = [timings(text), timings(text), timings(text)];
      for (const name of Object.keys(runs[0])) sums[name] = (sums[name] ?? 0) + (Math.min(...runs.map((run) => run[name])) * 1024 * 1024) / size;
    }
    return sums;
  };
  perMb(small); // warm up the regular expressions and the lexicons
  const atSmall = perMb(small);
  const atLarge = perMb(large);
  console.log(`\nrecognisers on ${TEXTS.map(([name]) => name).join(' and ')}: ms per MB at 100 KB → at 1 MB (target ≤ ${TARGET_FACTOR} ×)`);
  let allLinear = true;
  for (const name of Object.keys(atSmall)) {
    // A stage too quick to time at 100 KB (under a millisecond a megabyte) cannot be judged by its ratio.
    const factor = atLarge[name] / Math.max(atSmall[name], 1);
    const linear = factor <= TARGET_FACTOR;
    allLinear &&= linear;
    console.log(`  ${name.padEnd(14)} ${atSmall[name].toFixed(0).padStart(6)} → ${atLarge[name].toFixed(0).padStart(6)}  ${factor.toFixed(2)} ×${linear ? '' : '  NOT linear'}`);
  }
  return allLinear;
}
