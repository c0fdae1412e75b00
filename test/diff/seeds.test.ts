/**
 * The diff over the seed notices, from their text and their PDF: the gold alignments, the
 * standard notices varying only in parameters, Newham's differences, and the committed template
 * being what `template build` derives from the standard-generation notices.
 */
import { readFileSync } from 'node:fs';
import { buildTemplate, templateJson } from '../../src/diff/build.js';
import { diffNotice, loadTemplate } from '../../src/diff/index.js';
import { templatePath } from '../../src/diff/template.js';
import { DiffResult, type DocumentRecord } from '../../src/record.js';
import { SEEDS, goldNames, inputsOf, readGold } from '../helpers/fixtures.js';
import { noticeRecord, type NoticeGold } from './records.js';

const notices = goldNames(SEEDS).filter((name) => readGold<NoticeGold>(SEEDS, name).kind === 'improvement_notice');
const STANDARD = ['harrow-notice-2025', 'havering-notice-2024'];
const records = new Map<string, DocumentRecord>();

beforeAll(async () => {
  for (const name of notices) {
    for (const path of inputsOf(SEEDS, name)) records.set(path, await noticeRecord(path, readGold<NoticeGold>(SEEDS, name)));
  }
});

const inputs = notices.flatMap((name) => inputsOf(SEEDS, name).map((path) => [name, path] as const));

test('the seeds hold the three notices in both formats', () => {
  expect(notices).toEqual(expect.arrayContaining([...STANDARD, 'newham-notice-2019']));
  expect(inputs.length).toBe(2 * notices.length);
});

describe.each(inputs)('%s (%s)', (name, path) => {
  const gold = readGold<NoticeGold>(SEEDS, name);

  test('the alignment equals the gold, and the result keeps the contract', () => {
    const result = diffNotice(records.get(path)!, loadTemplate());
    expect(DiffResult.parse(result)).toEqual(result);
    expect(result.alignment).toEqual(gold.alignment);
    for (const pair of result.pairs) expect(pair.confidence).toBeGreaterThanOrEqual(pair.notice_clause && pair.template_clause ? 0.4 : 0);
  });

  test('variation spans point at the notice clause they name', () => {
    const record = records.get(path)!;
    for (const v of diffNotice(record, loadTemplate()).variations) {
      if (v.kind === 'removed' || !v.span || !v.clause) continue;
      const clause = record.clauses.find((c) => c.id === v.clause)!;
      expect(v.span.start).toBeGreaterThanOrEqual(clause.span.start);
      expect(v.span.end).toBeLessThanOrEqual(clause.span.end);
    }
  });
});

describe.each(inputs.filter(([name]) => STANDARD.includes(name)))('standard notice %s (%s)', (name, path) => {
  test('varies from the template only in parameters: the inspection report date and the deadline', () => {
    const gold = readGold<NoticeGold>(SEEDS, name);
    const { variations } = diffNotice(records.get(path)!, loadTemplate());
    expect(variations.filter((v) => v.kind !== 'parameter')).toEqual([]);
    const filled = variations.flatMap((v) => Object.keys(v.parameters ?? {}));
    expect(new Set(filled)).toEqual(new Set(['inspection_report_date', 'plan_deadline']));
    // Each filled date is this notice's own: the deadline's words name the gold deadline's month and year.
    const deadline = variations.find((v) => v.parameters?.plan_deadline)!.parameters!.plan_deadline;
    const due = new Date(`${gold.facts.plan_deadline}T00:00:00Z`);
    expect(deadline).toContain(due.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' }));
    expect(deadline).toContain(String(due.getUTCFullYear()));
  });
});

describe.each(inputs.filter(([name]) => name === 'newham-notice-2019'))('Newham (%s)', (_name, path) => {
  test('every feature that differs from the standard notice is a variation at its clause', () => {
    const record = records.get(path)!;
    const template = loadTemplate();
    const { variations, alignment } = diffNotice(record, template);
    const features = variations.filter((v) => v.kind === 'feature');
    const gold = readGold<NoticeGold>(SEEDS, 'newham-notice-2019').features!;
    const differing = Object.keys(gold).filter((f) => gold[f] !== (template.features as Record<string, unknown>)[f]);
    expect(features.map((v) => v.feature).sort()).toEqual(differing.sort());
    for (const v of features) {
      expect(v.notice_value).toEqual(gold[v.feature!]);
      if (v.clause === null) {
        // A feature that is an absence: the template's clause deciding it is missing here.
        expect(alignment[v.template_clause!]).toBeNull();
      } else {
        expect(record.clauses.map((c) => c.id)).toContain(v.clause);
        expect(v.span).toEqual(record.feature_evidence[v.feature!]?.span ?? record.clauses.find((c) => c.id === v.clause)!.span);
      }
    }
    // The Department on the board: Newham lacks the clause, and template 13 is removed.
    expect(features.find((v) => v.feature === 'department_at_board')).toMatchObject({ clause: null, template_clause: '13' });
    expect(variations.filter((v) => v.kind === 'removed').map((v) => v.template_clause).sort()).toEqual(['10.b', '13']);
    expect(variations.filter((v) => v.kind === 'added')).toEqual([]);
  });

  test('a deadline entity ending at its date is the parameter; the words after it ("within 18 months …") are wording', () => {
    const { variations } = diffNotice(records.get(path)!, loadTemplate());
    const clause11 = variations.filter((v) => v.template_clause === '11');
    expect(clause11.map((v) => v.kind).sort()).toEqual(['parameter', 'wording']);
    const inserted = clause11.find((v) => v.kind === 'wording')!.diff!.filter((p) => p.op === 'insert').map((p) => p.text).join(' ');
    expect(inserted).toMatch(/within 18 months/);
    expect(inserted).not.toMatch(/August/);
  });
});

describe('the committed template', () => {
  test.each(['txt', 'pdf'])('is what building from the standard-generation notices (%s) gives', (ext) => {
    const standard = STANDARD.map((name) => records.get(inputsOf(SEEDS, name).find((p) => p.endsWith(`.${ext}`))!)!);
    expect(templateJson(buildTemplate(standard))).toBe(readFileSync(templatePath(), 'utf8'));
    // The order of the inputs does not matter.
    expect(templateJson(buildTemplate([...standard].reverse()))).toBe(readFileSync(templatePath(), 'utf8'));
  });

  test('holds placeholders where the notices differ in parameters, and no notice-specific values', () => {
    const template = loadTemplate();
    const text = template.clauses.map((c) => c.text).join('\n');
    expect(template.parameters).toEqual(['inspection_report_date', 'plan_deadline']);
    // The only years left are those in the names of Acts.
    expect(text.replace(/\bAct \d{4}\b/g, '')).not.toMatch(/\b(19|20)\d\d\b/);
    for (const name of STANDARD) {
      const gold = readGold<NoticeGold>(SEEDS, name);
      expect(text).not.toContain(gold.council!.name);
    }
  });

  test('a template built from the standard notices and Newham keeps the majority wording', () => {
    const all = notices.map((name) => records.get(inputsOf(SEEDS, name)[0])!);
    const built = buildTemplate(all);
    expect(built.clauses.map((c) => c.id)).toEqual(loadTemplate().clauses.map((c) => c.id));
    expect(built.features).toEqual(loadTemplate().features);
    expect(built.name).toBe('improvement_notice-2019');
  });
});
