/**
 * `npm run bench`: ingest speed and memory against pdftotext, in the same run on the same files.
 *
 * Builds 300 distinct notice-like PDFs (councils from the register, varied dates, amounts and
 * length; running headers and page numbers) in a temporary folder, then times
 *   1. `pdftotext FILE -` once per file, one after another (the shell-loop baseline), and
 *   2. `notices ingest FOLDER` into a fresh corpus (the built CLI, its default concurrency),
 * and prints both times, pages per second, the ratio and the ingest's peak resident memory
 * (the process's VmHWM from /proc: worker threads share the process, so this covers them).
 * Targets: ingest ≤ 1.5 × pdftotext, peak memory < 400 MiB. `BENCH_DOCUMENTS=N` changes the
 * corpus size; `BENCH_KEEP=1` keeps the generated PDFs.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { loadRegister, type CouncilRecord } from '../src/recognise/register.js';

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 300);
const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const TARGET_RATIO = 1.5;
const TARGET_MIB = 400;

/** A small deterministic generator, so every run benches the same corpus. */
function generator(seed: number): (n: number) => number {
  let state = seed >>> 0 || 1;
  return (n) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const longDate = (d: Date): string => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
const addDays = (d: Date, days: number): Date => new Date(d.getTime() + days * 86_400_000);

const ACTIONS = [
  'strengthen the quality of management oversight and supervision of social work practice',
  'make sure that thresholds for statutory intervention are understood and applied consistently',
  'improve the timeliness and quality of assessments and plans for children in need of help and protection',
  'ensure that children in care live in stable homes that meet their needs',
  'improve the range and quality of support offered to care leavers, including suitable accommodation',
  'develop a workforce strategy that reduces the reliance on agency social workers',
  'strengthen the response of the front door, including the multi-agency safeguarding hub',
  'improve the quality and use of performance information by senior leaders and elected members',
  'ensure that the voice of the child is heard and recorded in all casework',
  'improve arrangements for children who go missing from home or care',
];

const FINDINGS = [
  'Inspectors found that too many children wait too long for their needs to be assessed.',
  'Caseloads in the assessment teams remain high and vary widely between teams.',
  'Leaders have an incomplete understanding of the quality of frontline practice.',
  'Partner agencies report that referrals are not always acknowledged or progressed.',
  'The quality of plans for children in care is inconsistent and reviews are sometimes late.',
  'Care leavers told inspectors that they do not always know who their personal adviser is.',
  'Audits of case files are completed but their findings are not used to improve practice.',
  'Elected members receive performance reports that do not show the experiences of children.',
  'Recruitment and retention of experienced social workers remain a significant challenge.',
  'Strategy discussions do not always include the police and health partners when they should.',
];

/** The text of one generated notice, as paragraphs (a paragraph may carry a clause number). */
function noticeParagraphs(council: CouncilRecord, random: (n: number) => number): string[] {
  const reportPublished = new Date(Date.UTC(2018 + random(8), random(12), 1 + random(28)));
  const issued = addDays(reportPublished, 14 + random(40));
  const deadline = addDays(issued, 60 + random(120));
  const weeks = 4 + random(5);
  const months = [3, 6][random(2)];
  const cost = (1 + random(90) / 10).toFixed(1);
  const actions = Array.from({ length: 4 + random(6) }, (_, i) => ACTIONS[(i + random(ACTIONS.length)) % ACTIONS.length]);
  return [
    `Improvement Notice: ${council.name}`,
    `Issued ${longDate(issued)}`,
    `To: The Chief Executive, ${council.name}`,
    `1. This Improvement Notice is issued to ${council.name} following the inspection of its children's services by Ofsted, whose report was published on ${longDate(reportPublished)} and judged the overall effectiveness of services to be inadequate.`,
    'Background',
    ...Array.from({ length: 4 + random(8) }, () => [0, 1, 2].map(() => FINDINGS[random(FINDINGS.length)]).join(' ')),
    'Requirements',
    '2. The Secretary of State has powers under section 497A of the Education Act 1996 to intervene where a local authority is failing to perform its children\'s social care functions to an adequate standard.',
    `3. The Council must establish an Improvement Board with an independent chair, which will meet at least every ${weeks} weeks and to which the Department will send a representative.`,
    `4. The Department has appointed an Improvement Adviser, who will report to the Department every ${months} months on the progress the Council is making.`,
    `5. The Council must submit an improvement plan to the Department by ${longDate(deadline)}. The Council estimates that delivering the plan will cost around £${cost}m over two years.`,
    '6. The improvement plan must set out how the Council will:',
    ...actions.map((action, i) => `${String.fromCharCode(97 + i)}) ${action};`),
    '7. The Department will review the Council\'s progress at least every six months, and the review will consider the effectiveness of the front door.',
    '8. The Council should note that, if the improvements set out in this notice are not made, the Secretary of State may use the powers in section 497A to direct the Council.',
    ...actions.map((action, i) => `${9 + i}. Progress on the requirement to ${action} will be reported to the Improvement Board, with evidence from audits of case files, performance data and the views of children, young people and their families.`),
    'Signed on behalf of the Secretary of State for Education',
    `Director, Regions Group, ${longDate(issued)}`,
  ];
}

const PAGE = { width: 595, height: 842, margin: 60, size: 10.5, leading: 15 };

function wrap(paragraph: string, font: PDFFont, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && font.widthOfTextAtSize(candidate, PAGE.size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line !== '') lines.push(line);
  return lines;
}

async function noticePdf(council: CouncilRecord, random: (n: number) => number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const top = PAGE.height - PAGE.margin - 20;
  const linesPerPage = Math.floor((top - PAGE.margin - 20) / PAGE.leading);
  // Lay out all lines first: the footers need the page count.
  const pages: string[][] = [[]];
  for (const paragraph of noticeParagraphs(council, random)) {
    const lines = [...wrap(paragraph, font, PAGE.width - 2 * PAGE.margin), ''];
    for (const line of lines) {
      if (pages[pages.length - 1].length >= linesPerPage) pages.push([]);
      pages[pages.length - 1].push(line);
    }
  }
  pages.forEach((lines, index) => {
    const page = pdf.addPage([PAGE.width, PAGE.height]);
    page.drawText(`${council.niceName} - Improvement Notice - OFFICIAL`, { x: PAGE.margin, y: PAGE.height - PAGE.margin + 10, size: 8, font });
    lines.forEach((line, i) => page.drawText(line, { x: PAGE.margin, y: top - i * PAGE.leading, size: PAGE.size, font }));
    page.drawText(`Page ${index + 1} of ${pages.length}`, { x: PAGE.width / 2 - 25, y: PAGE.margin - 25, size: 8, font });
  });
  return pdf.save();
}

/** English councils with children's services (the ones improvement notices go to). */
function childrenServicesCouncils(): CouncilRecord[] {
  return loadRegister().councils.filter((c) => c.nation === 'England' && c.current && ['LBO', 'MD', 'UA', 'CTY'].includes(c.type));
}

function pdfPages(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

/** Peak resident memory of a running process so far, from /proc (Linux), in KiB. */
function peakRssKib(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
  } catch {
    return null;
  }
}

async function timeIngest(folder: string, db: string): Promise<{ seconds: number; peakMib: number | null; summary: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'ingest', folder, '--db', db], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let peak: number | null = null;
  const sampler = setInterval(() => {
    const now = child.pid === undefined ? null : peakRssKib(child.pid);
    if (now !== null && !Number.isNaN(now)) peak = Math.max(peak ?? 0, now);
  }, 25);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`ingest exited with ${code}: ${stderr}`);
  return { seconds, peakMib: peak === null ? null : peak / 1024, summary: stderr.trim() };
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'notices-bench-'));
  try {
    const councils = childrenServicesCouncils();
    const random = generator(2024);
    for (let i = 0; i < DOCUMENTS; i++) {
      const council = councils[random(councils.length)];
      writeFileSync(join(folder, `notice-${String(i).padStart(3, '0')}.pdf`), await noticePdf(council, random));
    }
    const files = readdirSync(folder).map((f) => join(folder, f));
    const pages = files.reduce((sum, f) => sum + pdfPages(f), 0);
    process.stdout.write(`corpus: ${files.length} PDFs, ${pages} pages, in ${folder}\n`);

    const pdftotextStart = performance.now();
    for (const file of files) execFileSync('pdftotext', ['-layout', file, '-'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const pdftotextSeconds = (performance.now() - pdftotextStart) / 1000;

    const db = join(mkdtempSync(join(tmpdir(), 'notices-bench-db-')), 'bench.sqlite');
    const ingest = await timeIngest(folder, db);
    rmSync(join(db, '..'), { recursive: true, force: true });

    const ratio = ingest.seconds / pdftotextSeconds;
    const rows = [
      ['pdftotext (one process per file, in turn)', `${pdftotextSeconds.toFixed(2)} s`, `${(pages / pdftotextSeconds).toFixed(1)} pages/s`],
      ['notices ingest', `${ingest.seconds.toFixed(2)} s`, `${(pages / ingest.seconds).toFixed(1)} pages/s`],
    ];
    for (const row of rows) process.stdout.write(`${row[0].padEnd(44)}${row[1].padStart(10)}${row[2].padStart(18)}\n`);
    process.stdout.write(`ratio ingest / pdftotext: ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO}) ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'}\n`);
    process.stdout.write(
      ingest.peakMib === null
        ? 'peak memory: not measurable here (no /proc)\n'
        : `peak memory of ingest (process and its worker threads): ${ingest.peakMib.toFixed(0)} MiB (target < ${TARGET_MIB}) ${ingest.peakMib < TARGET_MIB ? 'met' : 'NOT met'}\n`,
    );
    process.stdout.write(`${ingest.summary}\n`);
  } finally {
    // BENCH_KEEP=1 keeps the generated PDFs, to profile an ingest over them.
    if (process.env.BENCH_KEEP) process.stdout.write(`kept the corpus in ${folder}\n`);
    else rmSync(folder, { recursive: true, force: true });
  }
}

await main();
