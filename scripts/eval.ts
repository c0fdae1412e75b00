/**
 * `npm run eval`: the field-by-field evaluation (src/evaluate.ts) over the fixtures, one table
 * for the seeds, one for the recognisers' own fixtures (fixtures/recognise/) and one for any
 * other gold fixtures. Usage: node dist/scripts/eval.js [fixtures folder] [--misses]
 */
import { resolve, sep } from 'node:path';
import { evaluate, formatInputs, formatMisses, formatTable } from '../src/evaluate.js';

const args = process.argv.slice(2);
const root = resolve(args.find((arg) => !arg.startsWith('--')) ?? 'fixtures');
const showMisses = args.includes('--misses');

const inFolder = (folder: string) => (goldPath: string) => goldPath.startsWith(resolve(root, folder) + sep);
const named: Array<[string, string, string?]> = [
  ['seeds, each as text, its real PDF, and LibreOffice DOCX and HTML of a transcription (fixtures/seeds)', 'seeds'],
  ['own fixtures (fixtures/recognise)', 'recognise'],
  ['layout fixtures, each from text, LibreOffice PDF, Chromium PDF, groff PDF, LibreOffice DOCX and LibreOffice HTML (fixtures/layout)', 'layout'],
  ['paraphrases: wording nobody tuned the recognisers on (fixtures/wording/paraphrases)', 'wording/paraphrases'],
  ['near misses: coincidences and real inconsistencies (fixtures/wording/near-misses)', 'wording/near-misses'],
  ['web pages as sites publish them: gov.uk publications, council news, committee agenda pages (fixtures/web)', 'web'],
  ['real-shape published documents: council newsrooms, the press, gov.uk publication pages, Ofsted reports and letters, committee pages, look-alikes (fixtures/published)', 'published', 'published/near-misses'],
  ['near misses of real texts: values the text does not support (fixtures/published/near-misses)', 'published/near-misses'],
  ['intervention lifecycle: directions, lifting letters, Ofsted letters and reports, and documents that are none of them, each as text, LibreOffice PDF, DOCX and HTML (fixtures/lifecycle)', 'lifecycle'],
];
const groups: Array<[string, (goldPath: string) => boolean]> = [
  ...named.map(([name, folder, except]): [string, (goldPath: string) => boolean] => [name, (goldPath) => inFolder(folder)(goldPath) && !(except && inFolder(except)(goldPath))]),
  ['other fixtures', (goldPath) => !named.some(([, folder]) => inFolder(folder)(goldPath))],
];

for (const [name, select] of groups) {
  const evaluation = await evaluate(root, select);
  if (evaluation.documents.length === 0) continue;
  console.log(`\n${name}: ${evaluation.documents.length} inputs\n`);
  console.log(formatTable(evaluation.totals));
  console.log(`\n${formatInputs(evaluation.documents)}`);
  const misses = formatMisses(evaluation.documents);
  if (showMisses && misses) console.log(`\n${misses}`);
}
