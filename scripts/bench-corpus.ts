/**
 * The corpora `npm run bench` (scripts/bench.ts) reads.
 *
 * - `realisticCorpus`: improvement notices and cabinet reports as real ones are made, written in
 *   the `.layout` markup (fixtures/layout/README.md), turned into LibreOffice flat ODT (automatic
 *   multilevel list numbering with hanging indents, bordered tables, a running header and a
 *   `Page N of M` footer) and printed to PDF by LibreOffice, which embeds subset TrueType fonts
 *   as Word does. Made once and cached under output/bench-corpus/, since it needs LibreOffice
 *   and takes a while.
 * - `standardCorpus`: notice-like PDFs drawn by pdf-lib in a standard font (Helvetica, not
 *   embedded), the bench's first corpus, kept so that its figures stay comparable.
 *
 * Both are deterministic: the same count gives the same documents on every machine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join, relative } from 'node:path';
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { projectPath } from '../src/paths.js';
import { loadRegister, type CouncilRecord } from '../src/recognise/register.js';
import { checkLabels, fodt, parseLayout, printWithLibreOffice } from './layout-documents.js';

export interface Corpus {
  folder: string;
  /** The PDFs, in a fixed order. */
  files: string[];
  pages: number;
  /** One line: how many PDFs and pages, how they were made, what they are. */
  description: string;
  /** The results of checks made on the PDFs (their fonts), a line each. */
  checks: string[];
  /** A corpus made for this run only, for the bench to remove afterwards. */
  temporary: boolean;
}

type Random = (n: number) => number;

/** A small deterministic generator, so every run benches the same corpus. */
function generator(seed: number): Random {
  let state = seed >>> 0 || 1;
  return (n) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[random(items.length)];

/** Draws `items` without repeating one until all have been drawn: a document says each thing once. */
function deck<T>(random: Random, items: readonly T[]): () => T {
  let left: T[] = [];
  return () => {
    if (left.length === 0) left = [...items];
    return left.splice(random(left.length), 1)[0];
  };
}

/** `count` different items of `items` (all of them if there are fewer), in a random order. */
function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(random(pool.length), 1)[0]);
  return out;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];
const longDate = (d: Date): string => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
const dayAndDate = (d: Date): string => `${WEEKDAYS[d.getUTCDay()]} ${longDate(d)}`;
const addDays = (d: Date, days: number): Date => new Date(d.getTime() + days * 86_400_000);
/** The day itself or, at a weekend, the Monday after: notices are issued and cabinets meet on working days. */
const workingDay = (d: Date): Date => addDays(d, d.getUTCDay() === 6 ? 2 : d.getUTCDay() === 0 ? 1 : 0);

/** English councils with children's services (the ones improvement notices go to). */
function childrenServicesCouncils(): CouncilRecord[] {
  return loadRegister().councils.filter((c) => c.nation === 'England' && c.current && ['LBO', 'MD', 'UA', 'CTY'].includes(c.type));
}

function pdfPages(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

// ---------------------------------------------------------------- vocabulary shared by both corpora

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

// ---------------------------------------------------------------- the realistic corpus: vocabulary

const FIRST_NAMES = ['Anna', 'Martin', 'Sally', 'Helen', 'Gareth', 'Rosalind', 'Imogen', 'Christopher', 'Philippa', 'Marcus', 'Fiona', 'Adrian', 'Theresa', 'Jonathan', 'Priya', 'Daniel', 'Ruth', 'Samuel', 'Aisha', 'Patrick', 'Eleanor', 'Tomasz', 'Grace', 'Oliver'];
const SURNAMES = ['Whitfield', 'Gale', 'Thorne', 'Ashworth', 'Linley', 'Hartigan', 'Bartlett', 'Adeyemi', 'Marwood', 'Oduya', 'Redgrave', 'Kells', 'Mallinson', 'Aske', 'Chaudhry', 'Okafor', 'Pemberton', 'Lowther', 'Nwosu', 'Fairbairn', 'Kowalski', 'Ellery', 'Harcourt', 'Baptiste'];
const personName = (random: Random): string => `${pick(random, FIRST_NAMES)} ${pick(random, SURNAMES)}`;

const JUDGEMENT_AREAS = [
  'The impact of leaders on social work practice with children and families',
  'The experiences and progress of children who need help and protection',
  'The experiences and progress of children in care',
  'The experiences and progress of care leavers',
];
const GRADES = ['Inadequate', 'Requires improvement to be good', 'Good'];

/** The judgement table's rows: the overall judgement is inadequate, as it is when a notice follows. */
function judgementRows(random: Random): string[] {
  const inadequate = random(JUDGEMENT_AREAS.length);
  const rows = JUDGEMENT_AREAS.map((area, i) => `| ${area} | ${i === inadequate ? 'Inadequate' : pick(random, GRADES)} |`);
  return ['|* Judgement | Grade |', ...rows, '| Overall effectiveness | Inadequate |'];
}

/** Facts one document states and restates: its council, its dates, its people. */
interface Facts {
  council: string;
  published: Date;
  inspectedFrom: Date;
  inspectedTo: Date;
  issued: Date;
  planDue: Date;
  adviser: string;
  chair: string;
  reviewMonths: number;
  boardWeeks: number;
  /** Within how long the plan's actions are to be delivered, in words: "eighteen months". */
  deliveryPeriod: string;
}

function facts(council: CouncilRecord, random: Random): Facts {
  const published = new Date(Date.UTC(2016 + random(10), random(12), 1 + random(28)));
  const inspectedTo = addDays(published, -(28 + random(35)));
  return {
    council: council.name,
    published,
    inspectedFrom: addDays(inspectedTo, -11),
    inspectedTo,
    issued: workingDay(addDays(published, 14 + random(45))),
    planDue: addDays(published, 90 + random(60)),
    adviser: personName(random),
    chair: personName(random),
    reviewMonths: pick(random, [4, 6]),
    boardWeeks: pick(random, [4, 6, 8]),
    deliveryPeriod: pick(random, ['twelve months', 'eighteen months', 'two years']),
  };
}

/** A numbered paragraph and the paragraphs that hang under it. */
interface Paragraph {
  text: string;
  under: Paragraph[];
}

const leaf = (text: string): Paragraph => ({ text, under: [] });

/** A list clause: its lead-in and the points it lists. */
interface ListFamily {
  intro: string;
  points: readonly string[];
}

const NOTICE_LISTS: readonly ListFamily[] = [
  {
    intro: 'To ensure there is clear evidence of progression:',
    points: [
      'the content of the improvement plan and a record of progress against it must be kept up to date',
      'the Council must ensure there is an Improvement Board with an independent Chair in place to oversee the implementation of the improvement plan',
      'reports to the Improvement Board should include data, analysis and recommendations supported by evidence of the impact of improvements on the quality of practice',
      'the Council should highlight those objectives which are slow to progress and highlight where contributions need to be strengthened',
      'the views of frontline staff, children and young people will be taken into consideration in the development of practice and standards',
      'the Council should publish a version of the improvement plan that is written for children and young people',
    ],
  },
  {
    intro: 'For any review or assessment, the Council must provide the persons conducting it with:',
    points: [
      'access to, and time with, staff and leadership',
      'accurate and up to date data on performance and quality',
      'facilities to carry out the reviews',
      'access to case files, minutes of meetings, supervision records or any other relevant information',
      'the findings of the Council’s own quality assurance and case audit programme',
    ],
  },
  {
    intro: 'Prior to any reviews, the Council should provide its own assessment of improvement. This may reflect, but is not limited to:',
    points: [
      'progress against the improvement plan objectives',
      'involvement of safeguarding partners and the Improvement Board',
      'staff surveys and the findings of exit interviews',
      'staff supervision and the quality of feedback',
      'the experiences of children and families, gathered through surveys and direct feedback',
    ],
  },
  {
    intro: 'The Council must develop and put into effect a workforce strategy which:',
    points: [
      'brings caseloads down to a level at which social workers can build relationships with children and their families',
      'makes sure that all social workers receive regular and reflective supervision, with clear actions that are followed up',
      'supports the well-being of staff and reduces the Council’s reliance on agency workers',
      'gives newly qualified social workers a protected caseload and the support of an experienced practice supervisor',
      'sets out a career pathway that encourages experienced practitioners to stay in frontline practice',
    ],
  },
  {
    intro: 'These reviews may cover, but are not exclusive to:',
    points: [
      'culture and performance',
      'leadership, management and governance',
      'workforce, management oversight and the well-being of staff',
      'arrangements at the front door and the multi-agency safeguarding hub',
      'early help',
      'multi-agency arrangements for safeguarding children',
    ],
  },
  { intro: 'The improvement plan must set out how the Council will:', points: ACTIONS },
];

/** A point that leads into points of its own, and what it lists. */
const NESTED_LISTS: readonly ListFamily[] = [
  {
    intro: 'the measures by which progress will be judged, including:',
    points: [
      'the timeliness and quality of assessments, plans and reviews for children in need of help and protection',
      'the stability of placements for children in care, and the proportion who live within the council’s area',
      'the turnover of social workers and team managers',
      'the number of children who have had more than one social worker in the last year',
      'the proportion of care leavers in suitable accommodation and in education, employment or training',
    ],
  },
  {
    intro: 'the arrangements for hearing from children and families, including:',
    points: [
      'the Children in Care Council and the care leavers’ forum',
      'surveys of children subject to child protection plans and their parents',
      'independent advocacy for children in care',
      'feedback gathered by independent reviewing officers',
    ],
  },
];

const NOTICE_STATEMENTS: ReadonlyArray<(f: Facts) => string> = [
  (f) => `The Council’s improvement plan will deliver appropriate and sustainable improvement. The plan should cover the areas identified in the Ofsted report of ${longDate(f.published)}, as well as recommendations made by the Improvement Adviser, and should be submitted to the Department by ${longDate(f.planDue)}.`,
  (f) => `The Improvement Board will be chaired independently by ${f.chair}, will meet at least every ${NUMBER_WORDS[f.boardWeeks]} weeks and will include senior representatives of the Council’s partners.`,
  (f) => `Officials or advisers from the Department will undertake reviews of progress against the improvement plan at least every ${NUMBER_WORDS[f.reviewMonths]} months and more regularly where appropriate.`,
  () => 'From time to time, the Improvement Adviser may require that a diagnostic review or assessment of performance in a specific service area is undertaken by a local authority or other party agreed with the Department.',
  () => 'The Council must make sure that it has stable and permanent senior leadership in children’s services, and should tell the Department promptly of any change in the post of Director of Children’s Services.',
  () => 'The Council must improve the quality of its performance information, so that leaders, managers and the Improvement Board have accurate and timely data about the experiences of children and the quality of the work done with them.',
  () => 'The Council should work with its partners to make sure that children from groups who are over-represented among children in care receive help at an early stage.',
  () => 'The Council’s Cabinet and its Overview and Scrutiny Committee should receive regular reports on the improvement plan, so that elected members can hold officers to account and cross-party support for the plan is maintained.',
  () => 'The Council should work with its partners to develop a long-term strategy for the sufficiency of homes for children in care, so that fewer children live far from home and more are able to stay close to their families, schools and friends.',
  (f) => `The Improvement Adviser will provide to the Department reports every ${NUMBER_WORDS[f.boardWeeks]} weeks of progress or concern against the areas set out in this Notice, and any other such information relevant to the improvement journey.`,
  () => 'The Department will be represented at the Council’s Improvement Board by its case lead, who will attend each meeting.',
  () => 'The advisers may bring in other experts, agreed with the Department, to support the Council in particular areas of practice, such as work with children who are at risk of exploitation or who go missing from home or care.',
  (f) => `Taking account of the measures set out in this Improvement Notice, the Council should aim for the actions in the improvement plan to be delivered within ${f.deliveryPeriod} or sooner, where appropriate.`,
  () => 'The Council should review, with its partners, the arrangements for early help, so that families receive help from the right service as soon as difficulties emerge.',
];

const NOTICE_SECTIONS = [
  'Improvement plan',
  'Leadership and governance',
  'Leadership and workforce',
  'Department for Education reviews',
  'Partnership working',
  'Children in care and care leavers',
  'Performance information and quality assurance',
  'Improvement against the above measures will be assessed as follows:',
  'Early help and the front door',
  'Listening to children and families',
];

/**
 * `a`, `b`, … or `i`, `ii`, … as a list level writes them. No list here has more than six points:
 * after an `(h)` the markup would read `(i)` as the letter, not the numeral.
 */
const LETTERS = 'abcdefg';
const ROMANS = ['i', 'ii', 'iii', 'iv', 'v'];

type LabelStyle = (n: number) => string;
const LETTER_STYLES: readonly LabelStyle[] = [(n) => `(${LETTERS[n]})`, (n) => `${LETTERS[n]})`, (n) => `${LETTERS[n]}.`];
const ROMAN_STYLES: readonly LabelStyle[] = [(n) => `(${ROMANS[n]})`, (n) => `${ROMANS[n]}.`];

/**
 * Ends each listed point as lists in notices are punctuated: `;`, `; and` before the last, and
 * `last` after it (`.`, or `;` for points listed under a point that others follow).
 */
function punctuated(points: Paragraph[], last = '.'): Paragraph[] {
  return points.map((point, i) => {
    if (point.text.endsWith(':')) return point;
    const end = i === points.length - 1 ? last : i === points.length - 2 ? '; and' : ';';
    return { ...point, text: `${point.text}${end}` };
  });
}

/** A list clause: its lead-in, a few of its points and, in half of them, a point with points of its own. */
function listParagraph(random: Random): Paragraph {
  const family = pick(random, NOTICE_LISTS);
  const points = sample(random, family.points, 2 + random(4)).map(leaf);
  if (random(2) === 0) {
    const nested = pick(random, NESTED_LISTS);
    const at = random(points.length + 1);
    points.splice(at, 0, { text: nested.intro, under: punctuated(sample(random, nested.points, 2 + random(3)).map(leaf), at === points.length ? '.' : ';') });
  }
  return { text: family.intro, under: punctuated(points) };
}

/**
 * How many characters of text fill a page, as LibreOffice prints the markup in 11 pt Liberation
 * Sans with its indents, headings and tables (measured on the generated documents).
 */
const CHARS_PER_PAGE = 2000;

const textLength = (lines: string[]): number => lines.reduce((sum, line) => sum + line.length, 0);

/**
 * An improvement notice of about `pages` pages. Clauses number 1, 2, …; a document either hangs
 * decimal sub-clauses (1.1) under them with lettered points under those and roman ones under
 * the letters, or hangs the lettered points directly under the clauses, as notices do both.
 */
function noticeLayout(council: CouncilRecord, random: Random, pages: number): string[] {
  const f = facts(council, random);
  const decimalSubclauses = random(5) < 3;
  const letter = pick(random, LETTER_STYLES);
  const roman = pick(random, ROMAN_STYLES);
  const header = pick(random, ['Department for Education – Improvement Notice', `OFFICIAL – Improvement Notice: ${f.council}`, 'Department for Education']);
  const lines = [`%header ${header}`, ...(random(3) > 0 ? ['%footer OFFICIAL'] : [])];
  lines.push(
    'Improvement Notice',
    `To: ${f.council} (‘the Council’)`,
    pick(random, ['Town Hall', 'Civic Centre', 'County Hall', 'Council House']),
    council.niceName,
    `This Improvement Notice is issued to ${f.council} on ${dayAndDate(f.issued)}, following the publication on ${longDate(f.published)} of Ofsted’s report of its inspection of the Council’s children’s services, which took place between ${longDate(f.inspectedFrom)} and ${longDate(f.inspectedTo)}.`,
  );
  if (pages > 1 && random(2) === 0) lines.push('Ofsted made the following judgements:', ...judgementRows(random));

  let clause = 0;
  /** Writes a clause and what hangs under it, each level in this document's label style. */
  const write = (paragraph: Paragraph): void => {
    clause += 1;
    lines.push(`${clause}. ${paragraph.text}`);
    paragraph.under.forEach((sub, s) => {
      if (decimalSubclauses) {
        lines.push(`${clause}.${s + 1} ${sub.text}`);
        sub.under.forEach((point, p) => {
          lines.push(`${letter(p)} ${point.text}`);
          point.under.forEach((subpoint, q) => lines.push(`${roman(q)} ${subpoint.text}`));
        });
      } else {
        lines.push(`${letter(s)} ${sub.text}`);
        sub.under.forEach((point, p) => lines.push(`${roman(p)} ${point.text}`));
      }
    });
  };
  const nextStatement = deck(random, NOTICE_STATEMENTS);
  const statement = (): string => nextStatement()(f);
  /** A clause with sub-clauses, one of them a list, or a list clause itself. */
  const clauseWithPoints = (): Paragraph => {
    if (!decimalSubclauses) return listParagraph(random);
    const under = Array.from({ length: random(3) }, () => leaf(statement()));
    under.splice(random(under.length + 1), 0, listParagraph(random));
    return { text: statement(), under };
  };

  lines.push('# Introduction');
  write(leaf(`This Notice is given to address all the areas for improvement identified in the report of the inspection of children’s social care services published on ${longDate(f.published)}.`));
  write(leaf('To comply with this Notice, the following actions are required of the Council, working with its partner agencies (“partners”) as identified by the Children Act 2004 (Section 11).'));
  lines.push('# Adviser arrangements');
  write(leaf(`The Secretary of State has appointed ${f.adviser} as Improvement Adviser to provide advice and challenge to the Department for Education (“the Department”) and the Council. The Council will work with the Improvement Adviser until such time as the Secretary of State is satisfied that this is no longer required.`));

  // Less the closing clause and signature still to come, and a margin, so that a notice comes
  // out at about its number of pages rather than spilling onto the next.
  const budget = pages * CHARS_PER_PAGE - 1200;
  const nextSection = deck(random, NOTICE_SECTIONS);
  while (textLength(lines) < budget) {
    lines.push(`# ${nextSection()}`);
    for (let k = 1 + random(3); k > 0; k--) write(random(2) === 0 ? clauseWithPoints() : leaf(statement()));
  }

  lines.push('# Failure to comply with this Improvement Notice by the assessment dates or poor progress:');
  write(leaf('Should the Council be unwilling or unable to comply with this Improvement Notice or should ministers not be satisfied with the Council’s progress at any stage, ministers may choose to invoke their statutory powers of intervention (under s497A Education Act 1996) to direct the Council to enter into an appropriate arrangement to secure the improvements required in children’s services.'));
  lines.push('Signed:', personName(random), pick(random, ['A senior civil servant in the Department for Education', 'Director, Regions Group, Department for Education']), `Date: ${longDate(f.issued)}`);
  return lines;
}

const REPORT_TITLES = [
  'Ofsted Improvement Plan for Children and Families',
  'Children’s Services Improvement Plan',
  'Response to the Ofsted Inspection of Children’s Services',
  'Improving Outcomes for Children: Ofsted Improvement Plan',
  'Children’s Social Care Improvement Programme',
];
const PORTFOLIOS = ['Children and Young People', 'Children’s Services', 'Children, Families and Education', 'Children’s Safeguarding and Early Years', 'Education and Children’s Social Care'];
const OFFICER_ROLES = ['Director of Children’s Services', 'Executive Director of Children’s Services', 'Corporate Director of Children and Families', 'Assistant Director for Quality and Improvement', 'Head of Children’s Improvement'];

const PRIORITIES = [
  { title: 'Leadership and governance', aim: 'leaders at every level have a clear line of sight to practice, and there is clear accountability for the quality of help that children receive' },
  { title: 'The front door', aim: 'contacts and referrals are responded to promptly, thresholds are understood and applied consistently, and information sharing supports timely decisions' },
  { title: 'Practice quality', aim: 'assessments and plans are child-centred, reflect the lived experience of children, and are reviewed regularly so that children do not experience drift' },
  { title: 'Exploitation and missing children', aim: 'the Council and its partners share an evidence-informed response to children at risk of exploitation' },
  { title: 'Workforce', aim: 'the Council recruits and retains a stable, permanent workforce, reduces its reliance on agency social workers and keeps caseloads manageable' },
  { title: 'Learning and quality assurance', aim: 'performance information and audit findings are used to understand the impact of practice and to drive improvement' },
  { title: 'Children in care', aim: 'children live in stable homes close to their families and communities, and their plans are reviewed on time' },
  { title: 'Care leavers', aim: 'every young person leaving care has a personal adviser, a pathway plan they helped to write and somewhere suitable to live' },
];

const SPENDING_AREAS = [
  'additional social work and team manager capacity',
  'the front door and the multi-agency safeguarding hub',
  'practice quality, quality assurance and performance',
  'the placement sufficiency programme',
  'the care leavers’ accommodation and support offer',
  'workforce recruitment, retention and development',
  'systems and case recording improvements',
];

/** Sentences a report section draws its paragraphs from, by topic; `n` gives a varying figure. */
const REPORT_TOPICS: Record<string, ReadonlyArray<(n: Random) => string>> = {
  'Governance and monitoring': [
    (n) => `The Improvement Board meets every ${NUMBER_WORDS[4 + n(3)]} weeks and includes senior leaders from the police, health services, schools and the voluntary sector.`,
    () => 'An internal Practice Improvement Group, chaired by the Director of Children’s Services, oversees the implementation of the actions in the plan.',
    () => 'The Children and Families Overview and Scrutiny Committee will receive a progress report every eight weeks, and Cabinet will receive a progress report quarterly.',
    () => 'Ofsted will carry out monitoring visits while the Council is subject to the improvement notice, followed by a full re-inspection.',
    () => 'Each priority has a named senior lead, measurable success criteria and a timeline for delivery, and the plan will be refreshed to reflect progress.',
    () => 'The DfE improvement adviser attends every meeting of the Improvement Board and reports separately to the Department on the Council’s progress.',
    () => 'A highlight report for each priority is presented to the Board, showing the actions completed, those that are late and the reasons for any delay.',
    () => 'The Leader of the Council and the Chief Executive meet the Director of Children’s Services monthly to review progress and remove any barriers to it.',
  ],
  'Performance and progress': [
    (n) => `The proportion of assessments completed within 45 working days has risen from ${52 + n(15)}% to ${74 + n(18)}% over the last six months.`,
    (n) => `Average caseloads in the assessment teams have fallen to ${14 + n(8)} children per social worker, from ${22 + n(9)} at the time of the inspection.`,
    (n) => `${60 + n(35)} children’s case files were audited in the last quarter, and ${40 + n(30)}% of them were judged good or better.`,
    (n) => `The number of children subject to a child protection plan for a second or subsequent time has fallen to ${12 + n(10)}%.`,
    () => 'Performance reports to the Improvement Board now include the voices of children and families alongside the data.',
    (n) => `${70 + n(25)}% of care leavers aged 19 to 21 are in touch with their personal adviser, and ${50 + n(30)}% are in education, employment or training.`,
    (n) => `Re-referrals within twelve months have fallen to ${15 + n(10)}%, close to the average for similar authorities.`,
    (n) => `${85 + n(14)}% of initial child protection conferences were held within fifteen working days of the strategy discussion.`,
  ],
  Workforce: [
    (n) => `Since the inspection the Council has recruited ${8 + n(30)} permanent social workers, and the proportion of agency staff has fallen to ${12 + n(20)}%.`,
    () => 'A refreshed recruitment and retention offer includes a market supplement for experienced practitioners and a partnership with local universities.',
    () => 'Newly qualified social workers receive a protected caseload and the support of a practice supervisor throughout their first year.',
    () => 'Staff surveys show that most social workers feel well supported by their managers, although workloads remain a concern in some teams.',
    () => 'A practice framework has been introduced, with training for all social workers and managers in relational and strengths-based practice.',
    (n) => `The vacancy rate for social workers stands at ${8 + n(15)}%, and every team now has a permanent team manager.`,
    () => 'A social work academy offers a programme of learning for practitioners at every stage of their career.',
  ],
  'Children in care and care leavers': [
    (n) => `There are ${180 + n(600)} children in care, of whom ${50 + n(30)}% live within the council’s boundary.`,
    () => 'A placement sufficiency strategy sets out how the Council will increase the number of local foster carers and open two small children’s homes.',
    () => 'Independent reviewing officers now escalate concerns about drift in children’s plans, and the number of escalations is reported to the Board.',
    () => 'Every care leaver has been offered a review of their pathway plan with their personal adviser, and most have taken it up.',
    () => 'The local offer for care leavers has been rewritten with young people and now includes council tax exemption up to the age of 25.',
    () => 'The Virtual School reports that the attendance of children in care at school has improved, although exclusions remain too high.',
  ],
  'Early help and the front door': [
    () => 'The multi-agency safeguarding hub now has police, health and education staff co-located with social workers, so that information is shared the same day.',
    (n) => `${90 + n(9)}% of contacts now receive a decision within one working day, against ${60 + n(20)}% at the time of the inspection.`,
    () => 'A revised threshold document has been agreed with partners and launched with training for schools and health professionals.',
    () => 'Early help assessments are now completed by a wider range of partners, and families are offered a lead practitioner from the agency they know best.',
    () => 'Audits of the front door show that thresholds are applied consistently and that managers record clear reasons for their decisions.',
    () => 'Strategy discussions now include the police and health partners in almost every case, and their quality is audited monthly.',
  ],
  Consultation: [
    () => 'The plan has been developed with children’s services staff at all levels and with partners across the local safeguarding children partnership.',
    () => 'Members of the Children in Care Council and the care leavers’ forum helped to shape the priorities, and their asks have been built into the plan.',
    () => 'The Children and Families Overview and Scrutiny Committee considered a draft of the plan and its comments have been taken into account.',
    () => 'Schools, health partners and the police were consulted through the safeguarding partnership’s executive group.',
    () => 'Parents who have worked with children’s social care were invited to comment on the plan through a survey and two workshops.',
  ],
  'Options considered': [
    () => 'The alternative of not endorsing the plan was rejected, as the Council is required by the improvement notice to submit and deliver an improvement plan.',
    () => 'A smaller programme of investment was considered, but the improvement adviser advised that it would not secure improvement at the pace required.',
    () => 'Commissioning an external partner to deliver children’s social care was considered and rejected, as the Council has the capacity to improve with support.',
    () => 'Phasing the investment over a longer period was considered, but would leave caseloads too high for too long.',
  ],
  'Legal implications': [
    () => 'If the Council does not comply with the improvement notice, the Secretary of State may use the powers in section 497A of the Education Act 1996 to direct the Council.',
    () => 'The Council and its partners have duties under section 11 of the Children Act 2004 to safeguard and promote the welfare of children.',
    () => 'The recommendations are within the powers of Cabinet under the Council’s constitution.',
    () => 'The Council must continue to meet its duties to children in care and care leavers under the Children Act 1989 while the plan is delivered.',
  ],
  'Equalities implications': [
    () => 'In making this decision, Cabinet must have due regard to the Public Sector Equality Duty under section 149 of the Equality Act 2010.',
    () => 'Children from Black and mixed heritage backgrounds are over-represented among children in care, and the plan includes actions to understand and respond to this.',
    () => 'An equality impact assessment has been completed and is available as a background paper.',
    () => 'Disabled children and their families will benefit from the improved timeliness of assessments and from a review of short breaks.',
  ],
  'Risk implications': [
    () => 'The main risk is that improvement is not achieved quickly enough, leading to further intervention by the Secretary of State.',
    () => 'There is a risk that the Council cannot recruit enough permanent social workers; the workforce priority responds to it.',
    () => 'Rising demand for placements could put pressure on the budget for children in care, and is monitored monthly.',
    () => 'The risks are recorded in the corporate risk register and reviewed by the Audit and Governance Committee.',
  ],
  'Climate change and environmental implications': [
    () => 'There are no significant climate change or environmental implications arising from this report.',
    () => 'Placing more children close to home will reduce the travel undertaken by social workers and by children in care.',
  ],
};

/** Measures a long report's appendix tabulates by quarter, each with a figure in its own unit. */
const PERFORMANCE_MEASURES: ReadonlyArray<{ name: string; figure: (n: Random) => string }> = [
  { name: 'Contacts with a decision within one working day', figure: (n) => `${80 + n(20)}%` },
  { name: 'Re-referrals within twelve months', figure: (n) => `${12 + n(14)}%` },
  { name: 'Assessments completed within 45 working days', figure: (n) => `${60 + n(38)}%` },
  { name: 'Children subject to a child protection plan', figure: (n) => `${150 + n(450)}` },
  { name: 'Child protection visits within timescale', figure: (n) => `${75 + n(24)}%` },
  { name: 'Children in care', figure: (n) => `${180 + n(700)}` },
  { name: 'Children in care with three or more placements in the year', figure: (n) => `${6 + n(10)}%` },
  { name: 'Care leavers in suitable accommodation', figure: (n) => `${78 + n(21)}%` },
  { name: 'Average social worker caseload', figure: (n) => `${13 + n(12)}` },
  { name: 'Agency social workers', figure: (n) => `${8 + n(30)}%` },
  { name: 'Case file audits graded good or better', figure: (n) => `${35 + n(45)}%` },
  { name: 'Return home interviews offered within 72 hours', figure: (n) => `${60 + n(39)}%` },
  { name: 'Children in need', figure: (n) => `${900 + n(2600)}` },
  { name: 'Early help assessments started', figure: (n) => `${120 + n(500)}` },
  { name: 'Episodes of children missing from care', figure: (n) => `${40 + n(200)}` },
  { name: 'Initial health assessments within 20 working days', figure: (n) => `${30 + n(60)}%` },
];

/** How much room an appendix row takes, in characters of prose: a short row with its cell padding and rules. */
const TABLE_ROW_CHARS = 80;

/** A sum of money given in thousands of pounds, written in one of the ways reports write it. */
function pounds(thousands: number, random: Random): string {
  if (thousands < 1000 || random(3) === 0) return `£${(thousands * 1000).toLocaleString('en-GB')}`;
  return `£${Number((thousands / 1000).toFixed(3))}m`;
}

/**
 * A cabinet report of about `pages` pages: a header table (Subject, Cabinet Member, Key Decision
 * …), numbered sections whose paragraphs number 1.1, 1.2, … with sub-points under them (1.2.1 or
 * lettered, as each document chooses), the inspection's judgement table and the costs of the plan.
 */
function cabinetReportLayout(council: CouncilRecord, random: Random, pages: number): string[] {
  const f = facts(council, random);
  const meeting = workingDay(addDays(f.planDue, 14 + random(40)));
  const title = pick(random, REPORT_TITLES);
  const point: LabelStyle = random(2) === 0 ? (n) => `(${LETTERS[n]})` : (n) => `${LETTERS[n]})`;
  const decimalPoints = random(3) > 0;
  const headingStop = random(4) > 0 ? '.' : '';
  const priorities = sample(random, PRIORITIES, 4 + random(3));

  // The money: the parts of the spending and of the funding add up to the total, as checked reports do.
  const spending = sample(random, SPENDING_AREAS, 3 + random(3)).map((area) => ({ area, thousands: 150 + 50 * random(40) }));
  const total = spending.reduce((sum, s) => sum + s.thousands, 0);
  const grant = Math.min(total - 100, 250 + 50 * random(20));
  const reserve = Math.round(((total - grant) * (2 + random(5))) / 10);
  const baseBudget = total - grant - reserve;
  const years = 2 + random(2);

  const lines = [
    `%header ${pick(random, [`${f.council} – Cabinet`, `Report to Cabinet – ${longDate(meeting)}`, `${council.niceName} – Cabinet Report`])}`,
    ...(random(3) > 0 ? [`%footer ${pick(random, ['OFFICIAL', title])}`] : []),
    `| Subject: | ${title} |`,
    `| Cabinet Member: | Councillor ${personName(random)}, Cabinet Member for ${pick(random, PORTFOLIOS)} |`,
    `| Report Author: | ${personName(random)}, ${pick(random, OFFICER_ROLES)} |`,
    `| Key Decision: | ${random(2) === 0 ? 'Yes, significant expenditure and an effect on communities in two or more wards' : 'No'} |`,
    '| Wards affected: | All |',
    `| Financial summary: | The plan is costed at ${pounds(total, random)} over ${NUMBER_WORDS[years]} years, of which ${pounds(grant, random)} will be met from the DfE improvement grant. |`,
    `Cabinet, ${dayAndDate(meeting)}`,
    '# Summary',
    `Ofsted inspected the children’s services of ${f.council} between ${longDate(f.inspectedFrom)} and ${longDate(f.inspectedTo)} and published its report on ${longDate(f.published)}. Inspectors judged the overall effectiveness of services to be ‘inadequate’. The judgements were as follows:`,
    ...judgementRows(random),
    `The Department for Education issued an improvement notice to the Council on ${longDate(f.issued)}. The Council submitted its improvement plan to Ofsted and the Department on ${longDate(f.planDue)}. This report asks Cabinet to endorse the plan and to approve the funding required to deliver it.`,
  ];

  let section = 0;
  /** A numbered section: its paragraphs, each with the sub-points under it. */
  const writeSection = (heading: string, paragraphs: Paragraph[]): void => {
    section += 1;
    lines.push(`# ${section}${headingStop} ${heading}`);
    paragraphs.forEach((paragraph, p) => {
      lines.push(`${section}.${p + 1} ${paragraph.text}`);
      paragraph.under.forEach((sub, s) => lines.push(`${decimalPoints ? `${section}.${p + 1}.${s + 1}` : point(s)} ${sub.text}`));
    });
  };

  writeSection('Purpose of the report', [
    leaf('To inform Cabinet of the outcome of the Ofsted inspection of children’s services and of the improvement notice issued by the Department for Education.'),
    leaf('To seek Cabinet’s endorsement of the improvement plan and approval of the funding required to deliver it.'),
  ]);
  writeSection('Recommendations', [
    leaf('That Cabinet notes the findings of the Ofsted inspection and the requirements of the improvement notice.'),
    leaf(`That Cabinet endorses the improvement plan submitted to Ofsted and the Department on ${longDate(f.planDue)}.`),
    leaf(`That Cabinet approves the funding of ${pounds(total, random)} set out in section 5 of this report.`),
  ]);
  writeSection('Inspection findings and the improvement notice', [
    leaf(sample(random, FINDINGS, 3).join(' ')),
    { text: 'Inspectors identified the following areas for improvement:', under: punctuated(sample(random, ACTIONS, 3 + random(4)).map(leaf)) },
    leaf(`The improvement notice requires the Council to work with the DfE improvement adviser, ${f.adviser}, to establish an Improvement Board with an independent chair, and to cooperate with the Department’s reviews of progress every ${NUMBER_WORDS[f.reviewMonths]} months.`),
  ]);
  writeSection('The improvement plan', [
    leaf('The plan has been developed with staff, partners and children and young people, and draws on the Council’s own self-assessment and quality assurance.'),
    { text: `The plan is organised around ${NUMBER_WORDS[priorities.length]} priorities:`, under: priorities.map((priority) => leaf(`${priority.title}: ${priority.aim}.`)) },
    leaf('Each priority has a named senior lead, measurable success criteria and a timeline for delivery.'),
  ]);
  writeSection('Financial implications', [
    leaf(`The total cost of the improvement plan is ${pounds(total, random)} over ${NUMBER_WORDS[years]} financial years.`),
    { text: 'The cost of the plan by area of spending is as follows:', under: punctuated(spending.map((s) => leaf(`${s.area}: ${pounds(s.thousands, random)}`))) },
    {
      text: 'The plan will be funded as follows:',
      under: punctuated([
        leaf(`the DfE improvement grant of ${pounds(grant, random)}`),
        leaf(`a contribution of ${pounds(reserve, random)} from the Council’s transformation reserve`),
        leaf(`growth of ${pounds(baseBudget, random)} in the Children’s Services base budget`),
      ]),
    },
    leaf('Spending against the plan will be monitored monthly and reported to Cabinet as part of the quarterly revenue monitoring reports.'),
  ]);

  // Further sections until the report has its length: a long report gives the progress on each
  // priority; then topics, each once and at more length the longer the report, as far as its
  // sentences go without repeating one; then an appendix tabulates performance for what is left.
  const budget = pages * CHARS_PER_PAGE - 400; // less the background papers still to come
  if (pages >= 5) {
    writeSection(
      'Progress against the priorities',
      priorities.map((priority) => ({
        text: `${priority.title}. ${sample(random, REPORT_TOPICS['Performance and progress'], 2).map((sentence) => sentence(random)).join(' ')} Actions completed include:`,
        under: punctuated(sample(random, ACTIONS, 2 + random(3)).map(leaf)),
      })),
    );
  }
  for (const topic of sample(random, Object.keys(REPORT_TOPICS), Object.keys(REPORT_TOPICS).length)) {
    if (textLength(lines) >= budget) break;
    const sentences = REPORT_TOPICS[topic];
    const next = deck(random, sentences);
    const paragraphs = Math.min(1 + random(3) + Math.floor(pages / 4), Math.floor(sentences.length / 2));
    writeSection(topic, Array.from({ length: paragraphs }, () => leaf(`${next()(random)} ${next()(random)}`)));
  }
  writeSection('Background papers', [
    leaf(`Ofsted, Inspection of ${council.niceName} local authority children’s services, published ${longDate(f.published)}.`),
    leaf(`Department for Education, Improvement notice to ${f.council}, ${longDate(f.issued)}.`),
  ]);
  const rows = Math.ceil((budget - textLength(lines)) / TABLE_ROW_CHARS);
  if (rows > 0) {
    // The quarters of the two financial years before the meeting's.
    const firstYear = meeting.getUTCFullYear() - 2;
    const quarters = [firstYear, firstYear + 1].flatMap((year) => [1, 2, 3, 4].map((q) => `Q${q} ${year}/${String((year + 1) % 100).padStart(2, '0')}`));
    const measures = PERFORMANCE_MEASURES.slice(0, Math.ceil(rows / quarters.length));
    lines.push(
      '# Appendix A: Performance measures',
      'The figures below are those reported to the Improvement Board for each quarter of the last two years.',
      '|* Measure | Figure |',
      ...measures.flatMap((measure) => quarters.map((quarter) => `| ${measure.name}, ${quarter} | ${measure.figure(random)} |`)),
    );
  }
  return lines;
}

// ---------------------------------------------------------------- the realistic corpus: making and caching it

/** Bumped whenever the documents change, so that an old cache is never taken for the new corpus. */
const REALISTIC_VERSION = 1;
const MANIFEST = 'corpus.json';
/** The share of improvement notices in the corpus (the rest are cabinet reports). */
const NOTICE_SHARE = 0.6;
/** Pages a document aims at: notices are short, cabinet reports run long (their fixed sections alone take four). */
const NOTICE_PAGES = { min: 1, max: 6 };
const REPORT_PAGES = { min: 4, max: 12 };
/** How many PDFs of each kind pdffonts (and the label check) looks at. */
const SAMPLE_PER_KIND = 3;

type Kind = 'notice' | 'cabinet-report';
const KIND_NAMES: Record<Kind, string> = { notice: 'improvement notices', 'cabinet-report': 'cabinet reports' };

interface Manifest {
  version: number;
  documents: Array<{ file: string; kind: Kind; pages: number }>;
  producer: string;
  generatedSeconds: number;
}

interface GeneratedDocument {
  name: string;
  kind: Kind;
  source: string;
}

/** `count` distinct documents, notices and cabinet reports in the shares and lengths above, in a random order. */
function realisticDocuments(count: number): GeneratedDocument[] {
  const councils = childrenServicesCouncils();
  const random = generator(2025);
  const width = String(count - 1).length;
  const notices = Math.round(count * NOTICE_SHARE);
  const kinds = sample(random, Array.from({ length: count }, (_, i): Kind => (i < notices ? 'notice' : 'cabinet-report')), count);
  const documents: GeneratedDocument[] = [];
  const seen = new Set<string>();
  for (const [i, kind] of kinds.entries()) {
    const council = pick(random, councils);
    const range = kind === 'notice' ? NOTICE_PAGES : REPORT_PAGES;
    const pages = range.min + random(range.max - range.min + 1);
    const lines = kind === 'notice' ? noticeLayout(council, random, pages) : cabinetReportLayout(council, random, pages);
    // Half the documents type straight quotes, as half the real ones do.
    const source = `${lines.join('\n')}\n`;
    const typed = random(2) === 0 ? source : source.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
    if (seen.has(typed)) throw new Error(`bench corpus: document ${i} repeats an earlier one`);
    seen.add(typed);
    const slug = council.niceName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    documents.push({ name: `${String(i).padStart(width, '0')}-${kind}-${slug}`, kind, source: typed });
  }
  return documents;
}

function realisticFolder(count: number): string {
  return join(dirname(projectPath('package.json')), 'output', 'bench-corpus', `realistic-v${REALISTIC_VERSION}-${count}`);
}

/** The cached corpus's manifest if the cache is complete: written last, and every PDF it lists is there. */
function cachedManifest(folder: string, count: number): Manifest | null {
  const path = join(folder, MANIFEST);
  if (!existsSync(path)) return null;
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  const complete =
    manifest.version === REALISTIC_VERSION &&
    manifest.documents.length === count &&
    manifest.documents.every((d) => existsSync(join(folder, d.file)) && statSync(join(folder, d.file)).size > 0);
  return complete ? manifest : null;
}

function requireLibreOffice(folder: string): void {
  // Looked up on the PATH, not run: a first run of LibreOffice would make a profile in $HOME.
  const found = (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, 'soffice')));
  if (!found) {
    throw new Error(
      `The realistic bench corpus is made by LibreOffice: \`soffice\` is not on the PATH, and ${folder} holds no complete cached corpus. ` +
        'Install LibreOffice (Debian/Ubuntu: `apt-get install libreoffice-writer-nogui`), or bench the standard-font corpus alone with BENCH_CORPUS=standard.',
    );
  }
}

/** A few documents of each kind, spread over the corpus. */
function sampleOf(documents: Manifest['documents']): Manifest['documents'] {
  return (['notice', 'cabinet-report'] as const).flatMap((kind) => {
    const ofKind = documents.filter((d) => d.kind === kind);
    const taken = Math.min(SAMPLE_PER_KIND, ofKind.length);
    return Array.from({ length: taken }, (_, i) => ofKind[Math.floor((i * ofKind.length) / taken)]);
  });
}

interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

/** pdffonts' table, read by the columns its dashed rule marks (a type may hold a space: "CID TrueType"). */
function pdfFonts(pdf: string): PdfFont[] {
  const [, rule, ...rows] = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n');
  const columns: Array<[number, number]> = [];
  for (const dashes of rule.matchAll(/-+/g)) columns.push([dashes.index!, dashes.index! + dashes[0].length]);
  return rows
    .filter((row) => row.trim() !== '')
    .map((row) => {
      const [name, type, , emb, sub] = columns.map(([from, to]) => row.slice(from, to + 1).trim());
      return { name, type, embedded: emb === 'yes', subset: sub === 'yes' };
    });
}

/** Every font of the sample must be embedded subset TrueType, as Word and LibreOffice write them; the one-line result. */
function checkFonts(folder: string, sample: Manifest['documents']): string {
  const fonts = sample.flatMap((d) => pdfFonts(join(folder, d.file)).map((font) => ({ ...font, file: d.file })));
  const wrong = fonts.filter((font) => !font.embedded || !font.subset || !/^(CID )?TrueType/.test(font.type));
  if (fonts.length === 0 || wrong.length > 0) {
    const example = wrong[0] ? `${wrong[0].file}: ${wrong[0].name} is ${wrong[0].type}, emb=${wrong[0].embedded ? 'yes' : 'no'}, sub=${wrong[0].subset ? 'yes' : 'no'}` : 'no fonts at all';
    throw new Error(`bench corpus in ${folder}: fonts not embedded subset TrueType (${example})`);
  }
  const families = [...new Set(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, '')))].sort();
  const types = [...new Set(fonts.map((font) => font.type))].sort();
  return `fonts (pdffonts on ${sample.length} sample PDFs): all ${fonts.length} embedded, subset, ${types.join(' / ')} — ${families.join(', ')}`;
}

function makeRealistic(folder: string, count: number): Manifest {
  requireLibreOffice(folder);
  process.stderr.write(`making the realistic bench corpus (${count} documents, LibreOffice) in ${folder}…\n`);
  const started = performance.now();
  const documents = realisticDocuments(count);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
  try {
    const parsed = new Map(documents.map((d) => [d.name, parseLayout(d.name, d.source)]));
    const fodtPaths = documents.map((d) => {
      const path = join(work, `${d.name}.fodt`);
      writeFileSync(path, fodt(parsed.get(d.name)!));
      return path;
    });
    const pdfs = printWithLibreOffice(fodtPaths, folder);
    const printed = documents.map((d, i) => ({ file: basename(pdfs[i]), kind: d.kind, pages: pdfPages(pdfs[i]) }));
    // The word processor must have numbered the lists as the markup wrote them.
    for (const d of sampleOf(printed)) checkLabels(parsed.get(d.file.replace(/\.pdf$/, ''))!, join(folder, d.file));
    const manifest: Manifest = {
      version: REALISTIC_VERSION,
      documents: printed,
      producer: /^Producer:\s+(.+)$/m.exec(execFileSync('pdfinfo', [pdfs[0]], { encoding: 'utf8' }))?.[1] ?? 'LibreOffice',
      generatedSeconds: Math.round((performance.now() - started) / 100) / 10,
    };
    // Written last: its presence marks the cache complete.
    writeFileSync(join(folder, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
    return manifest;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * `count` improvement notices (about 60 %) and cabinet reports, 1 to 12 pages, printed by
 * LibreOffice; cached in output/bench-corpus/realistic-v<version>-<count>/ and made only when
 * that cache is missing or incomplete.
 */
export async function realisticCorpus(count: number): Promise<Corpus> {
  const folder = realisticFolder(count);
  const cached = cachedManifest(folder, count);
  const manifest = cached ?? makeRealistic(folder, count);
  const files = manifest.documents.map((d) => join(folder, d.file));
  const pages = manifest.documents.map((d) => d.pages);
  const total = pages.reduce((sum, n) => sum + n, 0);
  const kinds = (Object.keys(KIND_NAMES) as Kind[]).map((kind) => `${manifest.documents.filter((d) => d.kind === kind).length} ${KIND_NAMES[kind]}`).join(', ');
  const made = cached ? `cached, made in ${manifest.generatedSeconds} s` : `made now in ${manifest.generatedSeconds} s`;
  return {
    folder,
    files,
    pages: total,
    description:
      `corpus: ${files.length} PDFs, ${total} pages (${Math.min(...pages)}–${Math.max(...pages)} a document), made by ${manifest.producer} from flat ODT ` +
      `with embedded subset TrueType fonts: ${kinds}; in ${relative(process.cwd(), folder) || folder} (${made})`,
    checks: [checkFonts(folder, sampleOf(manifest.documents))],
    temporary: false,
  };
}

// ---------------------------------------------------------------- the standard-font corpus

/** The text of one generated notice, as paragraphs (a paragraph may carry a clause number). */
function noticeParagraphs(council: CouncilRecord, random: Random): string[] {
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

async function noticePdf(council: CouncilRecord, random: Random): Promise<Uint8Array> {
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

/**
 * `count` distinct notice-like PDFs (councils from the register, varied dates, amounts and length;
 * running headers and page numbers) drawn by pdf-lib in Helvetica, in a temporary folder.
 */
export async function standardCorpus(count: number): Promise<Corpus> {
  const folder = mkdtempSync(join(tmpdir(), 'notices-bench-'));
  const councils = childrenServicesCouncils();
  const random = generator(2024);
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const council = pick(random, councils);
    const file = join(folder, `notice-${String(i).padStart(3, '0')}.pdf`);
    writeFileSync(file, await noticePdf(council, random));
    files.push(file);
  }
  const pages = files.reduce((sum, f) => sum + pdfPages(f), 0);
  return {
    folder,
    files,
    pages,
    description: `corpus: ${files.length} PDFs, ${pages} pages, drawn by pdf-lib in the standard Helvetica font (not embedded): notice-like text only; in ${folder}`,
    checks: [],
    temporary: true,
  };
}
