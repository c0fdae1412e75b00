import { recogniseDates } from '../../src/recognise/dates.js';
import { goldNames, inputsOf, normalisedFile, readGold, SEEDS, textIndex } from '../helpers/fixtures.js';

const doc = (text: string) => textIndex(text);
const values = (text: string, kind: Parameters<typeof recogniseDates>[1] = 'other') => recogniseDates(doc(text), kind).dates.map((d) => d.value);

describe('recogniseDates: written forms', () => {
  test.each([
    ['issued on Tuesday 5 March 2024.', '2024-03-05'],
    ['published 16th February 2024', '2024-02-16'],
    ['issued on Tuesday April 1st 2025, following', '2025-04-01'],
    ['on 3 April 2019 following', '2019-04-03'],
    ['Date: 05/03/2024', '2024-03-05'],
    ['Date: 14.03.2023', '2023-03-14'],
    ['updated 2024-05-31.', '2024-05-31'],
    ['on the 5th of June, 2024', '2024-06-05'],
    ['on Sept 9 2021', '2021-09-09'],
    ['in December 2023', '2023-12'],
    ['Since 2019 the service', '2019'],
  ])('%s → %s', (text, value) => {
    expect(values(text)).toEqual([value]);
  });

  test('day-first numeric dates: 05/03/2024 is 5 March, not 3 May', () => {
    expect(values('05/03/2024')).toEqual(['2024-03-05']);
  });

  test('precision and weekday are kept', () => {
    const [day, month] = recogniseDates(doc('Tuesday 5 March 2024 and December 2023'), 'other').dates;
    expect(day).toMatchObject({ precision: 'day', weekday: 'Tuesday', text: 'Tuesday 5 March 2024' });
    expect(month).toMatchObject({ precision: 'month', value: '2023-12', weekday: null });
  });

  test.each([
    'The 2024-2025 budget',
    'the 2023/24 outturn',
    'as required by the Children Act 1989',
    'section 11 of the Children Act 2004',
    '51,000 children and 12% of referrals',
    'paragraph 1.10 and table 3.2.1',
    'reference 12/34',
    'in 2024-2025 the growth',
  ])('not a date: %s', (text) => {
    expect(values(text)).toEqual([]);
  });

  test('a day that does not exist is no day-precision date', () => {
    expect(recogniseDates(doc('on 31 February 2024'), 'other').dates.filter((d) => d.precision === 'day')).toEqual([]);
  });

  test('a date without a year takes the year of the date before it and says so', () => {
    const { dates } = recogniseDates(doc('The plan was submitted on 31st May 2024.\nOn 5th June we received a letter.'), 'other');
    expect(dates[1]).toMatchObject({ text: '5th June', value: '2024-06-05', inferred: true });
    expect(dates[0].inferred).toBe(false);
  });

  test('"2 and 3 July 2024" names two days', () => {
    expect(values('The visit took place on 2 and 3 July 2024.')).toEqual(['2024-07-02', '2024-07-03']);
  });
});

describe('recogniseDates: ranges', () => {
  test.each([
    ['a visit that took place between the 4 and 22 December 2023.', '2023-12-04', '2023-12-22', 'between the 4 and 22 December 2023'],
    ['inspected from 9 October to 2 November 2017', '2017-10-09', '2017-11-02', 'from 9 October to 2 November 2017'],
    ['Inspection dates: 11 January 2016 to 4 February 2016', '2016-01-11', '2016-02-04', '11 January 2016 to 4 February 2016'],
    ['on 4-22 December 2023', '2023-12-04', '2023-12-22', '4-22 December 2023'],
    ['from 9 November to 2 January 2018', '2017-11-09', '2018-01-02', 'from 9 November to 2 January 2018'],
  ])('%s', (text, start, end, written) => {
    const { ranges, dates } = recogniseDates(doc(text), 'other');
    expect(ranges).toHaveLength(1);
    expect(ranges[0]).toMatchObject({ start, end, text: written });
    expect(dates).toEqual([]);
  });
});

describe('recogniseDates: roles', () => {
  test.each([
    ['This Improvement Notice is issued to Harrow on Tuesday 5 March 2024, following', 'issued'],
    ['the Ofsted inspection report published 25 March 2019.', 'inspection_report_published'],
    ['the report of the inspection of children\'s social care services dated 16th February 2024.', 'inspection_report_published'],
    ['the DfE served a statutory notice of improvement on the LA on the 5 March 2024.', 'notice_issued'],
    ['This plan was submitted to Ofsted and the DfE on 31st May 2024 in line with', 'plan_submitted'],
    ['The improvement plan that the notice requires went to Ofsted on 28 June 2024.', 'plan_submitted'],
    ['The report which the plan answers was published on 26 April 2024.', 'inspection_report_published'],
    ['Signed:\n\nDate: 01/04/2024\nA. Person', 'signed'],
    ['Published: 18 July 2024', 'published'],
    ['Cabinet, 17th July 2023', 'meeting'],
    ['a visit that took place between the 4 and 22 December 2023', 'inspection'],
    ['following the Ofsted inspection of 2 to 13 September 2024', 'inspection'],
    ['Inspection dates: 11 January 2016 to 4 February 2016', 'inspection'],
    ['Cabinet \u2013 18 July 2018', 'meeting'],
    ['Signed\nRavi Kapur\nDated: 13.3.2018', 'signed'],
    ['On 5th June 2024 we received a letter', null],
  ])('%s → %s', (text, role) => {
    const { dates, ranges } = recogniseDates(doc(text), 'other');
    expect([...dates, ...ranges][0].role).toBe(role);
  });

  test('"published" after an inspection named earlier in the sentence is the inspection report\'s', () => {
    const { dates } = recogniseDates(doc('This report follows the Ofsted inspection of 2 to 13 September 2024, published on 25/10/2024.'), 'cabinet_report');
    expect(dates.map((d) => [d.value, d.role])).toEqual([['2024-10-25', 'inspection_report_published']]);
    expect(recogniseDates(doc('The council published on 3 May 2023 its annual plan.'), 'other').dates[0].role).toBe('published');
  });

  test.each([
    ['Date of meeting: 12 March 2025', 'other', 'meeting'],
    ['Meeting date:\tJune 5, 2024', 'cabinet_report', 'meeting'],
    ['Posted on 3rd May 2023', 'press_release', 'published'],
    ['Date published: June 5, 2024', 'press_release', 'published'],
    ['Date of issue:\t26 October 2015', 'improvement_notice', 'issued'],
    ['Date of issue:\t26 October 2015', 'cabinet_report', 'notice_issued'],
    ['Date: 3 May 2023', 'press_release', 'published'],
    ['Date: 3 May 2023', 'cabinet_report', 'meeting'],
    // A notice's own date is its date of issue.
    ['Date: 3 May 2023', 'improvement_notice', 'issued'],
    ['Our staff have worked with partners on 3 May 2023', 'press_release', null],
  ] as const)('a label opening the line names the role: %s (%s) \u2192 %s', (text, kind, role) => {
    expect(recogniseDates(doc(text), kind).dates[0].role).toBe(role);
  });

  test('a date alone on a line is the meeting in a cabinet report, the publication in a press release and the issue of a notice', () => {
    const text = 'Subject Heading:\tX\n17th July 2024\nSUMMARY';
    expect(recogniseDates(doc(text), 'cabinet_report').dates[0].role).toBe('meeting');
    expect(recogniseDates(doc(text), 'press_release').dates[0].role).toBe('published');
    expect(recogniseDates(doc(text), 'improvement_notice').dates[0].role).toBe('issued');
    expect(recogniseDates(doc(text), 'other').dates[0].role).toBeNull();
  });
});

describe('recogniseDates on the seeds', () => {
  for (const name of goldNames(SEEDS)) {
    const gold = readGold<{ kind: 'improvement_notice'; dates: string[] }>(SEEDS, name);
    for (const path of inputsOf(SEEDS, name)) {
      test(`${path.slice(SEEDS.length + 1)}: the gold's day-precision dates, each span exact`, async () => {
        const normalised = await normalisedFile(path);
        const { dates, ranges } = recogniseDates(textIndex(normalised, gold.kind), gold.kind);
        const found = new Set([...dates.filter((d) => d.precision === 'day').map((d) => d.value), ...ranges.flatMap((r) => [r.start, r.end])]);
        expect([...found].sort()).toEqual([...gold.dates].sort());
        for (const entity of [...dates, ...ranges]) expect(normalised.text.slice(entity.span.start, entity.span.end)).toBe(entity.text);
      });
    }
  }
});

describe("a date without its year takes it from the document's own time", () => {
  const datesOf = (text: string) => recogniseDates(textIndex(text), 'other').dates.map((d) => [d.value, d.inferred]);
  test('the year written once in a coordinated phrase serves both days', () => {
    expect(datesOf('The visit took place on 31 January and 1 February 2024.').map(([value]) => value)).toEqual(['2024-01-31', '2024-02-01']);
  });
  test("a written weekday picks the year near the document's own that it fits, never the nearest year printed", () => {
    expect(datesOf('Published: 6 June 2022\nInspectors visited on Thursday 26 May. The plan runs to 2026 and the last inspection was in 2021.')).toContainEqual(['2022-05-26', true]);
    expect(datesOf('Published: 6 June 2022\nInspectors visited on Wednesday 26 May.')).toContainEqual(['2021-05-26', true]);
  });
  test('"18 October this year", "last October" and "in November" count from the document\'s date', () => {
    const text = 'Date: 4 December 2023\nThe visit on 18 October this year followed the one in April; the board met in November.';
    expect(datesOf(text)).toEqual([
      ['2023-12-04', false],
      ['2023-10-18', true],
      ['2023-04', true],
      ['2023-11', true],
    ]);
    // "Last October", said in March, is the October before.
    expect(datesOf('Published: 7 March 2023\nThe focused visit last October looked at the front door.')).toContainEqual(['2022-10', true]);
  });
  test('a month after the document\'s own, written without a year, is this year\'s where the sentence tells what is to come, else left undated', () => {
    expect(datesOf('Date: 10 January 2024\nThe board will meet in December.')).toEqual([['2024-01-10', false], ['2024-12', true]]);
    expect(datesOf('Date: 10 January 2024\nThe board met in December.')).toEqual([['2024-01-10', false]]);
  });
});

describe('date roles of the SPEC, from the sentence around the date', () => {
  const rolesOf = (text: string, kind = 'other') => recogniseDates(textIndex(text), kind).dates.map((d) => [d.value, d.role]);
  test("a visit letter's publication, a monitoring visit's fieldwork, a direction issued and lifted", () => {
    expect(rolesOf('Ofsted published its letter on 11 April 2024.')).toEqual([['2024-04-11', 'inspection_report_published']]);
    expect(rolesOf('The monitoring visit took place on 5 March 2024.')).toEqual([['2024-03-05', 'visit']]);
    expect(rolesOf('The Secretary of State issued the direction on 17 September 2019.')).toEqual([['2019-09-17', 'direction_issued']]);
    expect(rolesOf('The direction was revoked on 26 February 2024.')).toEqual([['2024-02-26', 'lifted']]);
    // An inspection's fieldwork stays the inspection's, "visit" or not.
    expect(rolesOf('The standard inspection visit took place on 4 December 2023.')).toEqual([['2023-12-04', 'inspection']]);
  });
});

test('two months that share the year written once are a range of months (SPEC, date_ranges)', () => {
  const { ranges } = recogniseDates(textIndex('Ofsted inspected the services in September and October 2016.'), 'other');
  expect(ranges.map((r) => [r.start, r.end, r.role])).toEqual([['2016-09', '2016-10', 'inspection']]);
  expect(recogniseDates(textIndex('The visits ran from November to January 2019.'), 'other').ranges.map((r) => [r.start, r.end])).toEqual([['2018-11', '2019-01']]);
});

describe('recogniseDates: days, ranges and roles as published pages write them (issue 24)', () => {
  const dated = (text: string, kind: Parameters<typeof recogniseDates>[1] = 'news_article') => {
    const { dates, ranges } = recogniseDates(doc(text), kind);
    return [...dates.map((d) => [d.value, d.role]), ...ranges.map((r) => [`${r.start}/${r.end}`, r.role])];
  };
  const posted = 'Posted: 12 October 2023\n';

  test('two days sharing a month written without a year take the year of the document\'s date, weekdays and all', () => {
    expect(dated(`${posted}Two inspectors visited our teams on Monday 2 and Tuesday 3 October.`)).toContainEqual(['2023-10-02', 'inspection']);
    expect(dated(`${posted}Two inspectors visited our teams on Monday 2 and Tuesday 3 October.`)).toContainEqual(['2023-10-03', 'inspection']);
  });

  test('a range written without its year takes the end\'s year; across two months the start keeps its own', () => {
    expect(dated(`${posted}Inspectors were with our social workers between 11 and 22 September.`)).toContainEqual(['2023-09-11/2023-09-22', 'inspection']);
    expect(dated(`${posted}The inspection ran from 28 August to 8 September.`)).toContainEqual(['2023-08-28/2023-09-08', 'inspection']);
  });

  test('fieldwork is a visit\'s where the sentence or the next names a monitoring visit or Ofsted\'s letter', () => {
    expect(dated(`${posted}Inspectors spent two days with the front door team on 4 and 5 September. Their letter appeared on 6 October.`)).toEqual(
      expect.arrayContaining([['2023-09-04', 'visit'], ['2023-09-05', 'visit'], ['2023-10-06', 'inspection_report_published']]),
    );
    // The council's spending is no fieldwork.
    expect(dated(`${posted}The council spent £2m between 1 and 30 June.`)).toContainEqual(['2023-06-01/2023-06-30', null]);
  });

  test('the trigger nearest the date decides: an inspection named within a visit\'s sentence', () => {
    expect(dated('This was the third monitoring visit since the inspection in March 2022, which judged services inadequate.')).toContainEqual(['2022-03', 'inspection']);
    expect(dated('Services were judged inadequate in May 2021.')).toContainEqual(['2021-05', 'inspection']);
  });

  test('a "by" date is the plan\'s deadline or a report\'s due date by what falls due, and no role for anything else or a past event', () => {
    expect(dated('The council must send its improvement plan to the Department by the end of May 2025.')).toContainEqual(['2025-05', 'plan_deadline']);
    expect(dated('The adviser will report to the minister by 1 July 2025 on capacity.')).toContainEqual(['2025-07-01', 'report_due']);
    expect(dated('Responses should reach the clerk by 1 July 2025.')).toContainEqual(['2025-07-01', null]);
    expect(dated('By March 2020 the plan had been agreed.')).toContainEqual(['2020-03', null]);
  });

  test('a committee\'s meeting: its act, its meeting, a committee named after the date', () => {
    expect(dated('The budget was approved by the Finance Panel on 3 March 2025.')).toContainEqual(['2025-03-03', 'meeting']);
    expect(dated('Members were briefed at a meeting of the full council on 4 March 2025.')).toContainEqual(['2025-03-04', 'meeting']);
    expect(dated('Agenda items\n• 05/03/2025 - Cabinet Budget and Council Tax', 'cabinet_report')).toContainEqual(['2025-03-05', 'meeting']);
  });

  test('labels within a line, on the line above, and a page\'s change history', () => {
    expect(dated('By A Writer\nPublished: 3 March 2025 | Updated: 4 March 2025, 10:15')).toEqual([['2025-03-03', 'published'], ['2025-03-04', 'updated']]);
    expect(dated('Published\n3 March 2025\nLast updated\n9 April 2025 — See all updates', 'publication_page')).toEqual([['2025-03-03', 'published'], ['2025-04-09', 'updated']]);
    expect(dated('Updates to this page\n1. 9 April 2025\nAdded the letter lifting the notice.\n2. 3 March 2025\nFirst published.', 'publication_page')).toEqual([['2025-04-09', 'updated'], ['2025-03-03', 'published']]);
    // A listed letter's publication on a council's page is the letter's, not the page's.
    expect(dated('Ofsted visits\nPublished: 2 May 2025\nOur services were judged to require improvement after a long inspection in the spring.\nLetter\tsecond monitoring visit (PDF)\nVisit dates\t4 and 5 March 2025. Published: 8 April 2025.', 'publication_page')).toEqual(
      expect.arrayContaining([['2025-05-02', 'published'], ['2025-03-04', 'visit'], ['2025-04-08', 'inspection_report_published']]),
    );
  });

  test('a news item\'s own date in its head: a by-line, a masthead, a headline with its date; not a time of something else', () => {
    expect(dated('By A Writer on 09/11/2021\nThe council has agreed to spend more on foster care over the next two years.')).toContainEqual(['2021-11-09', 'published']);
    expect(dated('Council agrees foster care funding 9 November 2021\nThe council has agreed to spend more on foster care over the next two years.')).toContainEqual(['2021-11-09', 'published']);
    expect(dated('New charges from 1 April 2021\nThe council has agreed to spend more on foster care over the next two years.')).toContainEqual(['2021-04-01', null]);
  });

  test('"this notice" is the document\'s own issue in a notice, and the notice told of in a page about it', () => {
    expect(dated('The Department issued this improvement notice to the council on 20 January 2025.', 'publication_page')).toContainEqual(['2025-01-20', 'notice_issued']);
    expect(dated('The Department issued this improvement notice to the council on 20 January 2025.', 'improvement_notice')).toContainEqual(['2025-01-20', 'issued']);
    expect(dated('Improvement notice: Anytown Borough Council, January 2025', 'publication_page')).toContainEqual(['2025-01', 'notice_issued']);
  });

  test('an instrument lifted told with a pronoun', () => {
    expect(dated('The notice was issued in May 2021. The minister lifted it on 2 June 2024.')).toContainEqual(['2024-06-02', 'lifted']);
  });
});

describe('recogniseDates: lifting letters, other plans, frameworks and head dates (issue 24)', () => {
  const dated = (text: string, kind: Parameters<typeof recogniseDates>[1] = 'news_article') => recogniseDates(doc(text), kind).dates.map((d) => [d.value, d.role]);

  test('a letter whose words lift the instrument dates the lifting; the instrument named before a passive verb is the thing lifted', () => {
    expect(dated('The minister wrote to the council leader on 3 June 2024. The letter says the improvement notice is lifted.')).toContainEqual(['2024-06-03', 'lifted']);
    expect(dated('The minister wrote to the council leader on 3 June 2024 about school places.')).toContainEqual(['2024-06-03', null]);
    expect(dated('The direction given to the council in 2019 was revoked on 3 June 2024 by the Secretary of State.')).toContainEqual(['2024-06-03', 'lifted']);
  });

  test('a plan the intervention does not ask for has no deadline role', () => {
    expect(dated('Officers will bring forward a savings plan by the end of June 2025.')).toContainEqual(['2025-06', null]);
    expect(dated('Officers will bring forward the improvement plan by the end of June 2025.')).toContainEqual(['2025-06', 'plan_deadline']);
  });

  test('an inspection framework is no inspection', () => {
    expect(dated('No council has been judged outstanding since the new inspection framework began in April 2018.')).toContainEqual(['2018-04', null]);
  });

  test('a document of no kind is dated in its head only where the head reads as a dateline', () => {
    expect(dated('Council tax agreed\n2 March 2025 Last updated at 10:15\nThe council has agreed its budget for the next year at a meeting this week.', 'other')).toContainEqual(['2025-03-02', 'published']);
    expect(dated('Subject:\tBudget\n2 March 2025\nThe council has agreed its budget for the next year at a meeting this week.', 'other')).toContainEqual(['2025-03-02', null]);
  });
});

describe('recogniseDates: labels above, columns, lists and periods (issue 24)', () => {
  const dated = (text: string, kind: Parameters<typeof recogniseDates>[1] = 'publication_page') => {
    const { dates, ranges } = recogniseDates(doc(text), kind);
    return [...dates.map((d) => [d.value, d.role]), ...ranges.map((r) => [`${r.start}/${r.end}`, r.role])];
  };

  test('a label above a lone date names its role, or says it has none', () => {
    expect(dated('Decision taken:\n4 March 2025\nEffective from:\n14 March 2025', 'cabinet_report')).toEqual([['2025-03-04', 'meeting'], ['2025-03-14', null]]);
    expect(dated('Decision date:\n4 March 2025', 'other')).toEqual([['2025-03-04', 'issued']]);
  });

  test('a table row\'s date takes its column\'s header; the row\'s words tell an inspection from a visit', () => {
    const table = 'Report\tDates of inspection or visit\tPublished\nFull inspection of services (PDF)\t3 March 2025 to 14 March 2025\t2 May 2025\nMonitoring visit to services (PDF)\t8 October 2025 to 9 October 2025\t6 November 2025';
    expect(dated(table)).toEqual(expect.arrayContaining([
      ['2025-05-02', 'inspection_report_published'], ['2025-11-06', 'inspection_report_published'],
      ['2025-03-03/2025-03-14', 'inspection'], ['2025-10-08/2025-10-09', 'visit'],
    ]));
  });

  test('a second pair of days in a list takes the first\'s role', () => {
    expect(dated('Ofsted has made two monitoring visits since then, on 2 and 3 June 2025 and on 6 and 7 October 2025.', 'news_article')).toEqual(
      expect.arrayContaining([['2025-06-02', 'visit'], ['2025-10-06', 'visit'], ['2025-10-07', 'visit']]),
    );
  });

  test('a month\'s own preposition ends its clause; a range of months is no fieldwork', () => {
    expect(dated('Posted: 3 May 2025\nMembers heard at the scrutiny committee in March that caseloads had fallen.', 'news_article')).toContainEqual(['2025-03', 'meeting']);
    expect(dated('The report covers the inspections carried out between 1 April 2024 and 31 March 2025.', 'other')).toContainEqual(['2024-04-01/2025-03-31', null]);
  });

  test('a report dated is an inspection\'s only where the sentence says so', () => {
    expect(dated('The commissioner\'s report, dated 4 June 2025, found capacity to improve.', 'statutory_direction')).toContainEqual(['2025-06-04', null]);
    expect(dated('The Ofsted inspection report, dated 4 June 2025, judged services inadequate.', 'statutory_direction')).toContainEqual(['2025-06-04', 'inspection_report_published']);
  });
});

describe('recogniseDates: letters reprinted, other publications, title pages (issue 24)', () => {
  const dated = (text: string, kind: Parameters<typeof recogniseDates>[1] = 'news_article') => recogniseDates(doc(text), kind).dates.map((d) => [d.value, d.role]);

  test('a lone date over an addressee is a letter\'s own date, in a letter or in a page that reprints one', () => {
    expect(dated('We print the letter in full below, as it was sent to the council this week.\n2 May 2025\nMs Jane Example\nDirector of Children\'s Services\nDear Ms Example')).toContainEqual(['2025-05-02', 'issued']);
  });

  test('a publication that is neither an inspection\'s report nor the document has no role', () => {
    expect(dated('The council\'s annual performance assessment, published in November 2011, rated it poorly.')).toContainEqual(['2011-11', null]);
    expect(dated('The inspection report, published in November 2011, rated it inadequate.')).toContainEqual(['2011-11', 'inspection_report_published']);
  });

  test('a decision date is a council committee\'s meeting, another body\'s own act', () => {
    expect(dated('Decision date:\n4 March 2025', 'other')).toEqual([['2025-03-04', 'issued']]);
    expect(dated('Date of decision:\n4 March 2025', 'cabinet_report')).toEqual([['2025-03-04', 'meeting']]);
  });
});

describe('recogniseDates: times after dates, months of one year, reports dated by their fieldwork (issue 24)', () => {
  const dated = (text: string, kind: Parameters<typeof recogniseDates>[1] = 'news_article') => {
    const { dates, ranges } = recogniseDates(doc(text), kind);
    return [...dates.map((d) => [d.value, d.role]), ...ranges.map((r) => [`${r.start}/${r.end}`, r.role])];
  };

  test('a date followed by a time is a date ("2023 - 06:00" is no span of years)', () => {
    expect(dated('Thursday, 14 September 2023 - 06:00\nA care home has been told it must improve after a visit by inspectors this summer.')).toContainEqual(['2023-09-14', 'published']);
  });

  test('two months written without their year are a range of the year the document gives them', () => {
    expect(dated('Published: 14 September 2023\nThe home was rated inadequate following inspections in June and July.')).toContainEqual(['2023-06/2023-07', 'inspection']);
    expect(dated('Published: 14 March 2023\nThe home will be visited again in October and November.')).toEqual([['2023-03-14', 'published'], ['2023-10/2023-11', null]]);
  });

  test('a report dated by nothing else takes its year from its fieldwork line', () => {
    expect(dated('Inspection dates: 11 to 12 June 2024\nDate of last inspection\t14 November 2023\nChildren have gone missing from the home on 17 occasions since March.', 'other')).toContainEqual(['2024-03', null]);
  });

  test('"we" in an inspectorate\'s account of its inspection is the inspectors', () => {
    expect(dated('Inspection activity started on 3 March 2025. We visited the service on 4 March 2025.', 'other')).toContainEqual(['2025-03-04', 'inspection']);
    expect(dated('We visited our partners on 4 March 2025.', 'other')).toContainEqual(['2025-03-04', null]);
  });
});

describe('recogniseDates: the anchor of a year-less date is the document\'s own time (issue 24)', () => {
  test('a date its body tells is no anchor: a month without a year there stays undated, with a message', () => {
    const index = doc('Question for the Department\nThe Department issued an improvement notice to the council on 19 July 2024 and reviews it every six months. The first review took place in January, and the next is planned for the summer.');
    const { dates } = recogniseDates(index, 'other');
    expect(dates.map((d) => d.value)).toEqual(['2024-07-19']);
  });

  test('a dateline in the head anchors it', () => {
    const { dates } = recogniseDates(doc('Answered on 11 March 2025\nThe Department issued an improvement notice to the council on 19 July 2024 and reviews it every six months. The first review took place in January.'), 'other');
    expect(dates.map((d) => d.value)).toEqual(['2025-03-11', '2024-07-19', '2025-01']);
  });
});
