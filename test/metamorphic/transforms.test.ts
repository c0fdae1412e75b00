/**
 * The metamorphic transformations themselves, on small inputs: each changes how the document
 * is written and nothing else.
 */
import {
  TRANSFORMS,
  addBlankLines,
  fillParagraph,
  formatLabel,
  hangingIndentOf,
  headingsInCapitals,
  nbspInDates,
  relabelSubClauses,
  removeBlankLines,
  subClauseLabels,
  swapQuotes,
  tablesAsKeyValue,
  tablesSpaceAligned,
  toCrlf,
  wrapParagraphs,
} from './transforms.js';
import { canonical, diffProjections, project } from './projection.js';
import type { DocumentRecord } from '../../src/record.js';
import { NO_ENTITIES } from '../helpers/records.js';

const words = (text: string): string[] => text.split(/\s+/).filter((word) => word !== '');
const NBSP = '\u00a0';

const LONG_PARAGRAPH =
  'This Improvement Notice is issued to London Borough of Havering on Tuesday 5 March 2024, following significant concerns highlighted by the publication of Ofsted\'s inspection report of the Council\'s Children\'s Services, published 16th February 2024';
const LONG_ITEM =
  ' - b. the Council must ensure there is an improvement board with an independent Chair in place (to be attended by improvement advisor and DfE case lead) to oversee the implementation of the improvement plan.';

describe('the registry', () => {
  it('has the transformations the suite promises, each named once', () => {
    const names = TRANSFORMS.map((transform) => transform.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        'wrap-60',
        'wrap-72',
        'crlf',
        'quotes',
        'tables-key-value',
        'tables-space-aligned',
        'labels-a.',
        'labels-A.',
        'labels-(a)',
        'labels-a)',
        'headings-capitals',
        'blank-lines-added',
        'blank-lines-removed',
        'nbsp-in-dates',
      ]),
    );
  });

  it('gives each transformation the same output for the same input (pure)', () => {
    const text = `Improvement plan\n\n5. To ensure:\n(a) the "plan" isn't late;\n(b) 4 March 2025.\nKey:\tValue\n`;
    const context = { headings: ['Improvement plan'] };
    for (const transform of TRANSFORMS) expect(transform.apply(text, context)).toBe(transform.apply(text, context));
  });
});

describe('wrapping', () => {
  it.each([60, 72])('keeps every word in order and no line over %i columns', (width) => {
    const text = `${LONG_PARAGRAPH}\n${LONG_ITEM}\n`;
    const wrapped = wrapParagraphs(text, width);
    expect(words(wrapped)).toEqual(words(text));
    for (const line of wrapped.split('\n')) expect(line.length).toBeLessThanOrEqual(width);
    expect(wrapped.split('\n').length).toBeGreaterThan(4);
  });

  it('fills lines greedily, as an editor does', () => {
    expect(fillParagraph('aaa bbb ccc ddd', 7)).toEqual(['aaa bbb', 'ccc ddd']);
    expect(fillParagraph('aaa bbb ccc ddd', 8)).toEqual(['aaa bbb', 'ccc ddd']);
    expect(fillParagraph('aaa bbb ccc ddd', 11)).toEqual(['aaa bbb ccc', 'ddd']);
  });

  it('puts a blank line between paragraphs and drops the blank lines there were', () => {
    expect(wrapParagraphs('One.\n\n\nTwo.\nThree.\n', 60)).toBe('One.\n\nTwo.\n\nThree.\n');
    expect(wrapParagraphs('One.\nTwo.', 60)).toBe('One.\n\nTwo.');
  });

  it('keeps the paragraphs of a text already hard-wrapped whole: a line whose sentence goes on joins the next', () => {
    expect(wrapParagraphs('The notice was issued\non 3 May 2024. It\nfollows the report.\nSigned\n', 60)).toBe('The notice was issued on 3 May 2024. It follows the report.\n\nSigned\n');
  });

  it('indents the continuation lines of a list item by the width of its label', () => {
    for (const [line, label] of [
      ['1. aaaa bbbb cccc dddd eeee', '1. '],
      ['1.11 aaaa bbbb cccc dddd eeee', '1.11 '],
      [' - a. aaaa bbbb cccc dddd eeee', ' - a. '],
      ['(iii) aaaa bbbb cccc dddd eeee', '(iii) '],
      ['b) aaaa bbbb cccc dddd eeee', 'b) '],
      ['(12) aaaa bbbb cccc dddd eeee', '(12) '],
      ['- aaaa bbbb cccc dddd eeee', '- '],
    ]) {
      const lines = fillParagraph(line, label.length + 10);
      expect(lines[0].startsWith(label)).toBe(true);
      expect(lines.length).toBeGreaterThan(1);
      for (const continuation of lines.slice(1)) expect(continuation).toMatch(new RegExp(`^ {${label.length}}\\S`));
      expect(hangingIndentOf(line)).toBe(label.length);
    }
  });

  it('gives prose no hanging indent, a year or a date at the start of a line included', () => {
    expect(hangingIndentOf('2024 was the year the notice was issued')).toBe(0);
    expect(hangingIndentOf('17th July 2024')).toBe(0);
    expect(hangingIndentOf('I am writing to you')).toBe(0);
    expect(fillParagraph('aaaa bbbb cccc dddd', 10)).toEqual(['aaaa bbbb', 'cccc dddd']);
  });

  it('keeps the rows of a table together, a blank line before and after them', () => {
    expect(wrapParagraphs('Intro\nJudgement\tGrade\nOverall effectiveness\tInadequate\n\nA\tB\nEnd\n', 60)).toBe(
      'Intro\n\nJudgement\tGrade\nOverall effectiveness\tInadequate\n\nA\tB\n\nEnd\n',
    );
  });

  it('leaves a row a plain text aligns with spaces whole, as a TAB row, and a page footer set at the margin', () => {
    const aligned = 'The impact of leaders on social work practice with children and families    Good';
    const footer = `${' '.repeat(70)}Page 1 of 44`;
    expect(wrapParagraphs(`${aligned}\n${footer}\n`, 60)).toBe(`${aligned}\n${footer}\n`);
  });

  it('reads a short text filled at its width as filled, and a list of short lines as no filled text', () => {
    const filled = 'Ofsted has judged the services to require improvement to be good overall,\nin a report published today, and the council has welcomed the findings of\nthe inspectors, who spent two weeks with social workers across the county\nand their partners.\n';
    expect(wrapParagraphs(filled, 60).split('\n\n')).toHaveLength(1);
    expect(wrapParagraphs('Overall effectiveness\nInadequate\nAdoption performance\nGood\n', 60)).toBe('Overall effectiveness\n\nInadequate\n\nAdoption performance\n\nGood\n');
  });

  it('leaves table rows whole, and a word longer than the width on a line of its own', () => {
    const row = `Report Author and contact details:\t${'Sophie Ambler Project Manager, Starting Well '.repeat(3).trim()}`;
    expect(wrapParagraphs(`${row}\n`, 60)).toBe(`${row}\n`);
    expect(fillParagraph(`a ${'x'.repeat(30)} b`, 10)).toEqual(['a', 'x'.repeat(30), 'b']);
  });
});

describe('line ends and blank lines', () => {
  it('crlf ends every line with CRLF and leaves no bare LF or CR', () => {
    expect(toCrlf('a\nb\n\nc\n')).toBe('a\r\nb\r\n\r\nc\r\n');
    expect(toCrlf('a\r\nb')).toBe('a\r\nb');
    expect(toCrlf('a\n\tb\n')).toBe('a\r\n\tb\r\n');
  });

  it('blank-lines-added puts a blank line after every line', () => {
    expect(addBlankLines('a\nb\n')).toBe('a\n\nb\n\n');
    expect(addBlankLines('a\n\nb')).toBe('a\n\n\n\nb\n\n');
  });

  it('blank-lines-removed leaves no blank line and every other line in order', () => {
    expect(removeBlankLines('\n\na\n \nb\n\n\nc\n')).toBe('a\nb\nc\n');
    expect(removeBlankLines('a\r\n\r\nb')).toBe('a\nb');
  });
});

describe('quotes', () => {
  it('turns straight quotes typographic where the text has straight ones', () => {
    expect(swapQuotes(`the Council's partners ("partners") and 'the Department'`)).toBe('the Council’s partners (“partners”) and ‘the Department’');
    expect(swapQuotes(`"Quoted" at the start\n'single' too`)).toBe('“Quoted” at the start\n‘single’ too');
    expect(swapQuotes(`He said "it's the children's plan"`)).toBe('He said “it’s the children’s plan”');
  });

  it('turns typographic quotes straight where the text has only those', () => {
    expect(swapQuotes('Herefordshire Council (‘the Council’), Ofsted’s “partners”')).toBe(`Herefordshire Council ('the Council'), Ofsted's "partners"`);
  });

  it('leaves a text without quotes as it is', () => {
    expect(swapQuotes('No quotes here.')).toBe('No quotes here.');
  });
});

describe('tables', () => {
  it('tables-key-value writes each row as key: value', () => {
    expect(tablesAsKeyValue('Judgement\tGrade\nOverall effectiveness\tInadequate\n')).toBe('Judgement: Grade\nOverall effectiveness: Inadequate\n');
  });

  it('tables-key-value adds no second colon to a key that ends with one', () => {
    expect(tablesAsKeyValue('Subject Heading:\tStarting Well Ofsted Improvement Plan')).toBe('Subject Heading: Starting Well Ofsted Improvement Plan');
    expect(tablesAsKeyValue('Reviewing OSC: \tEvery six months')).toBe('Reviewing OSC: Every six months');
    expect(tablesAsKeyValue('Is this a Key Decision?\tYes')).toBe('Is this a Key Decision?: Yes');
  });

  it('tables-key-value leaves whole a table some of whose rows are numbered, and a row whose key holds a colon of its own', () => {
    const numbered = 'Judgement\tGrade\n1. Children who need help and protection\tInadequate\n2.1 Adoption performance\tGood\n';
    expect(tablesAsKeyValue(numbered)).toBe(numbered);
    expect(tablesAsKeyValue('Domain one: Organisational delivery\t7\n')).toBe('Domain one: Organisational delivery\t7\n');
  });

  it('tables-key-value leaves whole a table of three or more columns, whose header is no key of its rows', () => {
    const grid = 'Inspection date\tInspection type\tJudgement\n14/03/2019\tFull\tGood\n20/09/2018\tInterim\tSustained effectiveness\n';
    expect(tablesAsKeyValue(grid)).toBe(grid);
  });

  it('tables-key-value leaves lines without a TAB as they are', () => {
    const prose = 'Date of meeting: 12 March 2025\nSUMMARY\n';
    expect(tablesAsKeyValue(prose)).toBe(prose);
  });

  it('tables-space-aligned starts every value of a run two columns after its longest key; a lone row, which spaces would make a line of prose, stays a TAB row', () => {
    const text = 'Intro\nKey:\tOne\nLonger key:\tTwo\nText between\nA\tB\n';
    expect(tablesSpaceAligned(text)).toBe('Intro\nKey:         One\nLonger key:  Two\nText between\nA\tB\n');
  });

  it('tables-space-aligned leaves no TAB', () => {
    const out = tablesSpaceAligned('Judgement\tGrade\nThe experiences and progress of care leavers\tGood\n');
    expect(out).not.toContain('\t');
    const [first, second] = out.split('\n');
    expect(first.indexOf('Grade')).toBe(second.indexOf('Good'));
    expect(second.indexOf('Good')).toBe('The experiences and progress of care leavers'.length + 2);
  });
});

describe('sub-clause labels', () => {
  const notice = [
    '5. To ensure there is clear evidence of progression:',
    ' - a. the content of the plan;',
    ' - b. the board;',
    '6. Officials will review progress.',
    '7. These reviews may cover:',
    '(a) culture;',
    '(b) the involvement of:',
    '(i) safeguarding partners; and',
    '(ii) the improvement board;',
    '(c) the quality of supervision.',
    '',
  ].join('\n');

  it('formats labels in every style', () => {
    expect(['a.', 'A.', '(a)', 'a)'].map((style) => formatLabel('letter', 3, style as 'a.'))).toEqual(['c.', 'C.', '(c)', 'c)']);
    expect(['a.', 'A.', '(a)', 'a)'].map((style) => formatLabel('roman', 4, style as 'a.'))).toEqual(['iv.', 'IV.', '(iv)', 'iv)']);
  });

  it('rewrites lettered and roman labels, keeping any bullet and indent before them', () => {
    expect(relabelSubClauses(notice, '(a)').split('\n')).toEqual([
      '5. To ensure there is clear evidence of progression:',
      ' - (a) the content of the plan;',
      ' - (b) the board;',
      '6. Officials will review progress.',
      '7. These reviews may cover:',
      '(a) culture;',
      '(b) the involvement of:',
      '(i) safeguarding partners; and',
      '(ii) the improvement board;',
      '(c) the quality of supervision.',
      '',
    ]);
    expect(relabelSubClauses(notice, 'A.').split('\n').slice(5, 10)).toEqual(['A. culture;', 'B. the involvement of:', 'I. safeguarding partners; and', 'II. the improvement board;', 'C. the quality of supervision.']);
    expect(relabelSubClauses(notice, 'a)').split('\n').slice(1, 3)).toEqual([' - a) the content of the plan;', ' - b) the board;']);
  });

  it('leaves numbered clauses alone', () => {
    const numbered = '1. One.\n1.1 One point one.\n(2) Two.\n3) Three.\n';
    expect(relabelSubClauses(numbered, '(a)')).toBe(numbered);
  });

  it('reads an (i) after (h) as a letter, and an (i) under (b) as a roman numeral', () => {
    const lines = ['(a) a', '(b) b', '(c) c', '(d) d', '(e) e', '(f) f', '(g) g', '(h) h', '(i) the ninth letter', '(a) again', '(b) the involvement of:', '(i) one', '(ii) two'];
    expect(subClauseLabels(lines.join('\n')).map((label) => `${label.kind}:${label.ordinal}`)).toEqual([
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `letter:${n}`),
      'letter:1',
      'letter:2',
      'roman:1',
      'roman:2',
    ]);
    expect(relabelSubClauses(lines.join('\n'), 'a.').split('\n')[8]).toBe('i. the ninth letter');
  });

  it('takes the pronoun I, and a letter out of sequence, as no label', () => {
    const text = "I am writing to confirm the notice.\nI'm writing again.\nq. not a label either\nA Council must act.\nI\n";
    expect(subClauseLabels(text)).toEqual([]);
    expect(relabelSubClauses(text, '(a)')).toBe(text);
  });

  it('changes nothing but the labels', () => {
    for (const style of ['a.', 'A.', '(a)', 'a)'] as const) {
      const out = relabelSubClauses(notice, style);
      const strip = (text: string) => text.split('\n').map((line) => line.replace(/^(\s*(?:- )?)(?:\([a-zA-Z]+\)|[a-zA-Z]+[.)])(?= )/, '$1'));
      expect(strip(out)).toEqual(strip(notice));
    }
  });
});

describe('headings in capitals', () => {
  it('capitalises the heading lines and nothing else', () => {
    const text = 'Adviser arrangements\n3. The Council will work with the Adviser arrangements team.\nImprovement plan\nKey\tImprovement plan\n';
    expect(headingsInCapitals(text, ['Adviser arrangements', 'Improvement plan'])).toBe(
      'ADVISER ARRANGEMENTS\n3. The Council will work with the Adviser arrangements team.\nIMPROVEMENT PLAN\nKey\tImprovement plan\n',
    );
  });

  it('matches a heading whatever its quotes and white space', () => {
    expect(headingsInCapitals('Failure to comply with this  Improvement Notice’s terms\n', ["Failure to comply with this Improvement Notice's terms"])).toBe(
      'FAILURE TO COMPLY WITH THIS  IMPROVEMENT NOTICE’S TERMS\n',
    );
  });

  it('changes nothing without headings', () => {
    expect(headingsInCapitals('Adviser arrangements\n', [])).toBe('Adviser arrangements\n');
  });
});

describe('no-break spaces in dates', () => {
  it.each([
    ['published 16th February 2024.', `published 16th${NBSP}February${NBSP}2024.`],
    ['on 4 March 2025,', `on 4${NBSP}March${NBSP}2025,`],
    ['in February 2024 and', `in February${NBSP}2024 and`],
    ['on Tuesday April 1st 2025', `on Tuesday${NBSP}April${NBSP}1st${NBSP}2025`],
    ['on Tuesday 5 March 2024, following', `on Tuesday${NBSP}5${NBSP}March${NBSP}2024, following`],
    ['between the 4 and 22 December 2023', `between the 4 and 22${NBSP}December${NBSP}2023`],
    ['On 5th June we received', `On 5th${NBSP}June we received`],
    ['April 1st, 2025', `April${NBSP}1st,${NBSP}2025`],
  ])('%s', (text, expected) => {
    expect(nbspInDates(text)).toBe(expected);
  });

  it('leaves numbers that are no dates alone', () => {
    const text = 'The Adviser will provide 6 weekly reports to 2 or more Wards. May we ask? March on.';
    expect(nbspInDates(text)).toBe(text);
  });
});

describe('the projection', () => {
  const record = (overrides: Partial<DocumentRecord>): DocumentRecord => ({
    schema: 'notice-pipeline/document@1',
    source: { path: 'x.txt', sha256: '0'.repeat(64), format: 'txt', pages: 1, ocr_pages: [] },
    kind: 'improvement_notice',
    classification: [],
    publisher: null,
    council: null,
    address: null,
    signature: null,
    header_table: [],
    sections: [],
    text: '',
    pages: [],
    clauses: [],
    ...NO_ENTITIES,
    facts: {},
    fact_evidence: {},
    features: {},
    feature_evidence: {},
    anomalies: [],
    messages: [],
    ...overrides,
  });
  const span = (start: number) => ({ page: 1, start, end: start + 5 });

  it('ignores spans, texts as written, entity order and heading case', () => {
    const a = record({
      clauses: [{ id: '1', parent: null, heading: 'Improvement plan', text: 'The  plan.', page: 1, span: span(0) }],
      dates: [
        { text: '5 March 2024', span: span(3), value: '2024-03-05', precision: 'day', role: 'issued', inferred: false, weekday: null },
        { text: 'February 2024', span: span(9), value: '2024-02', precision: 'month', role: null, inferred: false, weekday: null },
      ],
    });
    const b = record({
      clauses: [{ id: '1', parent: null, heading: 'IMPROVEMENT PLAN', text: 'The plan.', page: 2, span: span(7) }],
      dates: [
        { text: 'February\u00a02024', span: span(1), value: '2024-02', precision: 'month', role: null, inferred: false, weekday: null },
        { text: '5\u00a0March 2024', span: span(30), value: '2024-03-05', precision: 'day', role: 'issued', inferred: false, weekday: null },
      ],
    });
    expect(canonical(project(a))).toBe(canonical(project(b)));
    expect(diffProjections(project(a), project(b))).toEqual([]);
  });

  it('shows what differs: a fact, a lost clause, an entity value', () => {
    const a = record({
      facts: { issued: '2024-03-05', inspection_report_published: null, signed: null, signatory: null, plan_deadline: null },
      clauses: [
        { id: '1', parent: null, heading: null, text: 'One.', page: 1, span: span(0) },
        { id: '2', parent: null, heading: null, text: 'Two.', page: 1, span: span(5) },
      ],
      cadences: [{ text: 'every six months', span: span(0), every: 'P6M', at_least: true, subject: 'review' }],
    });
    const b = record({
      facts: { issued: null, inspection_report_published: null, signed: null, signatory: null, plan_deadline: null },
      clauses: [{ id: '1', parent: null, heading: null, text: 'One. Two.', page: 1, span: span(0) }],
      cadences: [{ text: 'every six months', span: span(0), every: 'P6M', at_least: true, subject: null }],
    });
    const diff = diffProjections(project(a), project(b));
    expect(diff).toContain('facts.issued: "2024-03-05" → null');
    expect(diff).toContain('clauses: 2 → 1; lost [2]; gained []');
    expect(diff).toContain('clauses[1].text: "One." → "One. Two."');
    expect(diff).toContain('cadences: − {"at_least":true,"every":"P6M","subject":"review"}');
    expect(diff).toContain('cadences: + {"at_least":true,"every":"P6M","subject":null}');
  });

  it('keeps every value field of every entity array', () => {
    const withAll = record({
      deadlines: [{ text: 'within 18 months', span: span(0), due: null, relative: { every: 'P18M', after: 'inspection' } }],
      grades: [{ text: 'Inadequate', span: span(0), area: 'overall_effectiveness', judgement: null, grade: 'inadequate', when: '2024-02', current: true }],
      costs: [{ text: 'c£5m', span: span(0), amount_gbp: 5000000, approximate: true, unit_inferred: false }],
    });
    const { entities } = project(withAll);
    expect(entities.deadlines).toEqual([{ due: null, relative: { after: 'inspection', every: 'P18M' } }]);
    expect(entities.grades).toEqual([{ area: 'overall_effectiveness', current: true, grade: 'inadequate', judgement: null, when: '2024-02' }]);
    expect(entities.costs).toEqual([{ amount_gbp: 5000000, approximate: true, unit_inferred: false }]);
  });
});
