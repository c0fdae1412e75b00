/**
 * `npm run eval`: the field-by-field evaluation (src/evaluate.ts) over the fixtures, one table
 * for the seeds, one for the recognisers' own fixtures (fixtures/recognise/) and one for any
 * other gold fixtures. Usage: node dist/scripts/eval.js [fixtures folder] [--misses]
 */
import { resolve, sep } from 'node:path';
import { evaluate, formatMisses, formatTable } from '../src/evaluate.js';

const args = process.argv.slice(2);
const root = resolve(args.find((arg) => !arg.startsWith('--')) ?? 'fixtures');
const showMisses = args.includes('--misses');

const inFolder = (folder: string) => (goldPath: string) => goldPath.startsWith(resolve(root, folder) + sep);
const groups: Array<[string, (goldPath: string) => boolean]> = [
  ['seeds', inFolder('seeds')],
  ['own fixtures (fixtures/recognise)', inFolder('recognise')],
  ['other fixtures', (goldPath) => !inFolder('seeds')(goldPath) && !inFolder('recognise')(goldPath)],
];

for (const [name, select] of groups) {
  const evaluation = await evaluate(root, select);
  if (evaluation.documents.length === 0) continue;
  console.log(`\n${name}: ${evaluation.documents.length} inputs\n`);
  console.log(formatTable(evaluation.totals));
  const misses = formatMisses(evaluation.documents);
  if (showMisses && misses) console.log(`\n${misses}`);
}
