/**
 * `compareNotices` over the seed records (each notice read from its text and its PDF): one row per
 * notice, sorted by issue date, with the gold facts and features; and its table and CSV forms.
 */
import { COMPARE_COLUMNS, compareCsv, compareNotices, compareTable, monthsBetween } from '../../src/diff/compare.js';
import { diffNotice, loadTemplate } from '../../src/diff/index.js';
import type { DocumentRecord } from '../../src/record.js';
import { SEEDS, goldNames, inputsOf, readGold } from '../helpers/fixtures.js';
import { noticeRecord, type NoticeGold } from './records.js';

const notices = goldNames(SEEDS).filter((name) => readGold<NoticeGold>(SEEDS, name).kind === 'improvement_notice');
let records: DocumentRecord[] = [];

beforeAll(async () => {
  records = [];
  for (const name of notices) for (const path of inputsOf(SEEDS, name)) records.push(await noticeRecord(path, readGold<NoticeGold>(SEEDS, name)));
});

test('a notice from text and from PDF is one row; rows equal the gold facts and features, by issue date', () => {
  const rows = compareNotices(records, loadTemplate());
  const golds = notices.map((name) => readGold<NoticeGold>(SEEDS, name)).sort((a, b) => String(a.facts.issued).localeCompare(String(b.facts.issued)));
  expect(rows.map((r) => r.council)).toEqual(golds.map((g) => g.council!.name));
  rows.forEach((row, i) => {
    const gold = golds[i];
    expect(row).toMatchObject({
      issued: gold.facts.issued,
      inspection_report_published: gold.facts.inspection_report_published,
      plan_deadline: gold.facts.plan_deadline,
      ...gold.features,
    });
    expect(row.sources).toHaveLength(2);
    expect(row.months_to_deadline).toBe(monthsBetween(gold.facts.inspection_report_published as string, gold.facts.plan_deadline as string));
  });
  // The standard notices are worded as the template; Newham is not.
  const newham = rows.find((r) => r.board_chair === 'dfe_appointed_adviser')!;
  expect(newham.wording_variations).toBeGreaterThan(5);
  expect(rows.filter((r) => r !== newham).map((r) => r.wording_variations)).toEqual([0, 0]);
});

test('one notice read from several files is one row; another wording is another notice', () => {
  const [txt, pdf] = inputsOf(SEEDS, notices[0]).map((path) => records.find((r) => r.source.path === path)!);
  const edited = { ...txt, text: `${txt.text} Amended.` };
  expect(compareNotices([txt, pdf, edited], loadTemplate())).toHaveLength(2);
});

test('months from report to deadline', () => {
  expect(monthsBetween('2024-01-31', '2024-07-31')).toBe(6);
  expect(monthsBetween('2023-01-15', '2024-07-15')).toBe(18);
  expect(monthsBetween(null, '2024-07-15')).toBeNull();
});

test('the CSV has a header and one line per notice; the table one line per notice', () => {
  const rows = compareNotices(records, loadTemplate());
  // No cell of these rows holds a comma or a quote, so a line splits on commas.
  const csv = compareCsv(rows).trimEnd().split('\n').map((line) => line.split(','));
  expect(csv[0]).toEqual(COMPARE_COLUMNS);
  expect(csv.slice(1).map((line) => line[COMPARE_COLUMNS.indexOf('issued')])).toEqual(rows.map((r) => r.issued));
  expect(csv[1][COMPARE_COLUMNS.indexOf('adviser_report_every')]).toBe(String(rows[0].adviser_report_every ?? ''));
  const table = compareTable(rows).trimEnd().split('\n');
  expect(table).toHaveLength(rows.length + 1);
  expect(table[0].split(/\s+/)).toEqual(COMPARE_COLUMNS);
  expect(table.slice(1).every((line, i) => line.includes(String(rows[i].issued)))).toBe(true);
});

test('wording counts agree with the diff', () => {
  const rows = compareNotices(records, loadTemplate());
  for (const row of rows) {
    const record = records.find((r) => r.source.path === row.sources[0])!;
    expect(row.wording_variations).toBe(diffNotice(record).variations.filter((v) => v.kind === 'wording').length);
  }
});
