import { recogniseDates } from '../../src/recognise/dates.js';
import { recogniseGrades } from '../../src/recognise/grades.js';
import { recogniseCouncils } from '../../src/recognise/councils.js';
import { textIndex } from '../helpers/fixtures.js';

const grades = (text: string) => {
  const d = textIndex(text);
  return recogniseGrades(d, recogniseDates(d, 'other').dates);
};
const pairs = (text: string) => grades(text).map((g) => [g.area, g.grade, g.current]);

describe('recogniseGrades', () => {
  test('a judgement table, current wording', () => {
    const text = [
      'Judgement\tGrade',
      'The impact of leaders on social work practice with children and families\tInadequate',
      'The experiences and progress of children who need help and protection\tInadequate',
      'The experiences and progress of children in care\tInadequate',
      'The experiences and progress of care leavers\tRequires improvement to be good',
      'Overall Effectiveness\tInadequate',
    ].join('\n');
    expect(pairs(text)).toEqual([
      ['impact_of_leaders', 'inadequate', true],
      ['help_and_protection', 'inadequate', true],
      ['children_in_care', 'inadequate', true],
      ['care_leavers', 'requires_improvement', true],
      ['overall_effectiveness', 'inadequate', true],
    ]);
  });

  test('a judgement table in the older (2013-2017) wording; a judgement that is no area is kept as written, area null', () => {
    const text = [
      'Overall judgement\tInadequate',
      'Children looked after and achieving permanence\tRequires improvement',
      'Adoption performance\tGood',
      'Leadership, management and governance\tInadequate',
      'The Local Safeguarding Children Board (LSCB)\tRequires improvement',
    ].join('\n');
    expect(pairs(text)).toEqual([
      ['overall_effectiveness', 'inadequate', true],
      ['children_in_care', 'requires_improvement', true],
      [null, 'good', true],
      ['impact_of_leaders', 'inadequate', true],
      [null, 'requires_improvement', true],
    ]);
    expect(grades(text).map((g) => g.judgement)).toEqual([null, null, 'Adoption performance', null, 'The Local Safeguarding Children Board (LSCB)']);
  });

  test("an older report's judgement list read like its table: the grade after spaces, or alone on the next line, a judgement's name carried onto a line of its own", () => {
    const sameLine = ['1. Children who need help and protection Requires improvement', '2.1 Adoption performance Good', 'Leadership, management and governance Inadequate'].join('\n');
    expect(pairs(sameLine)).toEqual([
      ['help_and_protection', 'requires_improvement', true],
      [null, 'good', true],
      ['impact_of_leaders', 'inadequate', true],
    ]);
    const nextLine = ['Overall effectiveness', 'Inadequate', '2. Children looked after and achieving', 'permanence', 'Requires', 'improvement'].join('\n');
    expect(pairs(nextLine)).toEqual([
      ['overall_effectiveness', 'inadequate', true],
      ['children_in_care', 'requires_improvement', true],
    ]);
    // A sentence about an area that ends in a grade word is no row of a list.
    expect(pairs('The experiences and progress of care leavers are mostly good.')).toEqual([]);
  });

  test('a grade is a judgement of the council stated as made: no aspiration, no count of councils, no other service or regulator', () => {
    expect(pairs("Our ambition is for the council's children's services to be judged outstanding by Ofsted.")).toEqual([]);
    expect(pairs('The director said the service was on the journey to becoming good.')).toEqual([]);
    expect(pairs('No local authority in England has been judged outstanding overall since 2013.')).toEqual([]);
    expect(pairs('At 31 March, 17% of local authorities were judged outstanding for overall effectiveness.')).toEqual([]);
    expect(pairs('A primary school maintained by the council has been judged good by Ofsted.')).toEqual([]);
    expect(pairs("The Care Quality Commission has rated the council's adult social care 'requires improvement'.")).toEqual([]);
    // A real judgement beside an aspiration is still one.
    expect(pairs('Inspectors judged the impact of leaders to be good. Our goal is for every other area to become good.')).toEqual([['impact_of_leaders', 'good', true]]);
  });

  test('a grade stated once for several areas grades each (SPEC, Grades)', () => {
    expect(pairs("Inspectors found that services 'require improvement to be good' for the impact of leaders and for children in care, and are 'inadequate' for children who need help and protection.")).toEqual([
      ['impact_of_leaders', 'requires_improvement', true],
      ['children_in_care', 'requires_improvement', true],
      ['help_and_protection', 'inadequate', true],
    ]);
    expect(pairs('Services were found to be inadequate for care leavers and to require improvement in all other areas.')).toEqual([
      ['care_leavers', 'inadequate', true],
      ['impact_of_leaders', 'requires_improvement', true],
      ['help_and_protection', 'requires_improvement', true],
      ['children_in_care', 'requires_improvement', true],
    ]);
    const listed = ['The services have been rated good in all four areas:', '• the impact of leaders on social work practice', '• the experiences and progress of children who need help and protection', '• the experiences and progress of children in care', '• the experiences and progress of care leavers'].join('\n');
    expect(pairs(listed).map(([area]) => area)).toEqual(['impact_of_leaders', 'help_and_protection', 'children_in_care', 'care_leavers']);
  });

  test("an earlier inspection's grade is not current; 'last week' is no earlier inspection", () => {
    expect(pairs('Inspectors have now judged the services inadequate overall. When Ofsted last carried out a full inspection, in 2015, the services were found to be good overall.')).toEqual([
      ['overall_effectiveness', 'inadequate', true],
      ['overall_effectiveness', 'good', false],
    ]);
    expect(pairs('The services required improvement to be good overall at the inspection reported last week.')).toEqual([['overall_effectiveness', 'requires_improvement', true]]);
  });

  test("the 2009–2013 frameworks' 'adequate' is a grade in a judgement row, and their capacity for improvement a judgement of no area; 'adequate' in prose is an adjective", () => {
    expect(pairs('Overall effectiveness\tAdequate\nCapacity for improvement\tGood')).toEqual([
      ['overall_effectiveness', 'adequate', true],
      [null, 'good', true],
    ]);
    expect(pairs('Inspectors found adequate staffing in the front door.')).toEqual([]);
  });

  test('"requiring improvement in order to be good" is requires_improvement, never good', () => {
    expect(pairs('Ofsted judged the services as requiring improvement in order to be good.')).toEqual([[null, 'requires_improvement', true]]);
  });

  test("a report on a provider grades the provider, not the council's services", () => {
    const home = ["Children's home inspection – Full", 'Registered provider\tBrightwater Care Limited', 'Overall experiences and progress of children and young people\tGood', 'How well children are helped and protected\tGood'].join('\n');
    expect(pairs(home)).toEqual([]);
  });

  test('judgements listed as "area – grade" are a table as a list', () => {
    const text = [
      'Their judgements were:',
      '\u2022 the impact of leaders on social work practice with children and families \u2013 inadequate',
      '\u2022 the experiences and progress of children who need help and protection - inadequate',
      '\u2022 overall effectiveness \u2014 requires improvement to be good',
      'Rachel Dunmore, Executive Director \u2013 Children\u2019s Services, said the service was improving.',
    ].join('\n');
    expect(pairs(text)).toEqual([
      ['impact_of_leaders', 'inadequate', true],
      ['help_and_protection', 'inadequate', true],
      ['overall_effectiveness', 'requires_improvement', true],
    ]);
  });

  test('a judgement of two areas grades both', () => {
    expect(pairs('The experiences and progress of children in care and care leavers\tGood')).toEqual([['children_in_care', 'good', true], ['care_leavers', 'good', true]]);
  });

  test('quoted grades in prose, without an area', () => {
    const text = 'following its "Inadequate" Ofsted rating in December 2023.\nInspectors judged four out of five areas of practice to be "Inadequate" with a fifth area as "requires improvement to be good".';
    const found = grades(text);
    expect(found.map((g) => [g.area, g.grade])).toEqual([[null, 'inadequate'], [null, 'inadequate'], [null, 'requires_improvement']]);
    expect(found[0].when).toBe('2023-12');
  });

  test('an earlier grade is kept as not current, with its date', () => {
    const [, grade] = grades('Overall effectiveness\tInadequate\nOur last full inspection by Ofsted was in June 2018, when services were found to be Good overall.');
    expect(grade).toMatchObject({ area: 'overall_effectiveness', grade: 'good', current: false, when: '2018-06' });
  });

  test('an area named before the grade', () => {
    expect(pairs('Inspectors found that children in care were judged to be good.')).toEqual([['children_in_care', 'good', true]]);
  });

  test.each([
    ['Ofsted judged the overall effectiveness of services to be requires improvement to be good.', [['overall_effectiveness', 'requires_improvement', true]]],
    ['They rated the experiences and progress of children in care as requires improvement to be good.', [['children_in_care', 'requires_improvement', true]]],
    [
      'Inspectors found the impact of leaders on social work practice to be inadequate and rated overall effectiveness as inadequate.',
      [['impact_of_leaders', 'inadequate', true], ['overall_effectiveness', 'inadequate', true]],
    ],
    ['Ofsted has rated Torbay Council\'s children\'s services as good overall.', [['overall_effectiveness', 'good', true]]],
  ])('a verb of judging, what it judged, then the grade: %s', (text, expected) => {
    expect(pairs(text)).toEqual(expected);
  });

  test('judgement rows split by a colon', () => {
    const text = 'Children who need help and protection: Inadequate\nChildren looked after and achieving permanence: Requires improvement\nAdoption performance: Good\nLeadership, management and governance: Inadequate';
    expect(pairs(text)).toEqual([
      ['help_and_protection', 'inadequate', true],
      ['children_in_care', 'requires_improvement', true],
      [null, 'good', true],
      ['impact_of_leaders', 'inadequate', true],
    ]);
  });

  test('a quoted grade is not read again as the "to be good" in its own wording', () => {
    expect(pairs("Ofsted has rated the Council's children's services 'Requires improvement to be good' overall.")).toEqual([['overall_effectiveness', 'requires_improvement', true]]);
  });

  test.each([
    'Inspectors graded services using their one-word judgement criteria (outstanding, good, requires improvement to be good and inadequate) across three areas.',
    'Inspectors use a scale of "outstanding", "good", "requires improvement" or "inadequate".',
    'As a result of the inadequate inspection findings, the DfE served a notice.',
    'the Council had a good understanding of their practice',
    'inadequate housing and high caseloads',
    'Inspectors found the quality of supervision not as good as it should be.',
  ])('not a grade: %s', (text) => {
    expect(grades(text)).toEqual([]);
  });

  test('a judgement of services as a whole, stated in passing, is a grade with no area', () => {
    expect(pairs('following the publication of the report, which judged services to be inadequate.')).toEqual([[null, 'inadequate', true]]);
    expect(pairs("after Ofsted judged the council's services for children to be good.")).toEqual([[null, 'good', true]]);
  });

  test('a prose mention of a grade the table already gives is not counted twice', () => {
    const text = 'Overall Effectiveness\tInadequate\nFollowing the overall "inadequate" judgement, the service is subject to monitoring.';
    expect(pairs(text)).toEqual([['overall_effectiveness', 'inadequate', true]]);
  });

  test('the past perfect marks an earlier grade beside a grade told in another tense, and is only reported speech where every grade is told so', () => {
    expect(pairs("Ofsted has rated Hull's services good. In 2018 they had been judged inadequate.")).toEqual([
      [null, 'good', true],
      [null, 'inadequate', false],
    ]);
    expect(pairs('The Director told members that inspectors had judged services inadequate overall. At the previous inspection services had been judged good.')).toEqual([
      ['overall_effectiveness', 'inadequate', true],
      [null, 'good', false],
    ]);
  });

  test('"the other three areas" as the subject of a grade are the areas the sentence grades no other way', () => {
    expect(pairs('Inspectors judged care leavers\' services to be good, and the other three areas judged to require improvement to be good.')).toEqual([
      ['care_leavers', 'good', true],
      ['impact_of_leaders', 'requires_improvement', true],
      ['help_and_protection', 'requires_improvement', true],
      ['children_in_care', 'requires_improvement', true],
    ]);
  });

  test('a grade "in every judgement" is the four areas and overall effectiveness; "in every judgement area" the areas alone; "except" leaves its areas out', () => {
    const areas = (text: string) => grades(text).map((g) => g.area).sort();
    expect(areas('The report judged services inadequate in every judgement except help and protection, which required improvement to be good.').filter((a) => a !== 'help_and_protection')).toEqual(['care_leavers', 'children_in_care', 'impact_of_leaders', 'overall_effectiveness']);
    expect(pairs('Leeds was judged outstanding in every judgement area.').map(([area]) => area)).toEqual(['impact_of_leaders', 'help_and_protection', 'children_in_care', 'care_leavers']);
    expect(pairs('Leeds was rated good overall and in all areas.').map(([area]) => area).sort()).toEqual(['care_leavers', 'children_in_care', 'help_and_protection', 'impact_of_leaders', 'overall_effectiveness']);
    // Without "every"/"all" the scope is the one area named.
    expect(pairs('Leeds was judged outstanding in its work with care leavers.').map(([area]) => area)).toEqual(['care_leavers']);
  });

  test('services without a determiner, or after a possessive, are what a verb of judging judged', () => {
    expect(pairs("Ofsted rated children's services inadequate.")).toEqual([[null, 'inadequate', true]]);
    expect(pairs("Ofsted rated Hull's services good.")).toEqual([[null, 'good', true]]);
  });

  test('a scope after "overall" carries on through ", and for …"', () => {
    const areas = (text: string) => grades(text).map((g) => g.area).sort();
    expect(areas('Their report rated the service good overall, for the impact of leaders and for children in care.')).toEqual(['children_in_care', 'impact_of_leaders', 'overall_effectiveness']);
    expect(areas('They judged the services as requiring improvement to be good overall, and for help and protection.')).toEqual(['help_and_protection', 'overall_effectiveness']);
    // A ", and" that opens a clause of its own ends the scope.
    expect(areas('They judged the services good overall, and the council will now plan for care leavers.')).toEqual(['overall_effectiveness']);
  });

  test('a subject coordinated with ", and … ," before its verb keeps both parts; a ", and" after another grade or a clause with its own verb starts a new subject', () => {
    expect(pairs('The experiences and progress of children in care, and of care leavers, were judged good.').map(([area]) => area)).toEqual(['children_in_care', 'care_leavers']);
    expect(pairs('Inspectors judged the council outstanding for its care leavers, and children in care were found to be good.')).toEqual([
      ['care_leavers', 'outstanding', true],
      ['children_in_care', 'good', true],
    ]);
    expect(pairs('Leaders have improved help and protection, and children in care were judged good.')).toEqual([['children_in_care', 'good', true]]);
  });

  test.each([
    'The cabinet member said she wanted Leeds to be rated outstanding next time.',
    'We want every service to be good.',
    'The department intervenes in every local authority whose services are rated inadequate.',
    'Camden will support another London borough whose services were judged inadequate in the spring.',
    'The report found that services are no longer inadequate.',
    'Children in care were not judged good.',
  ])('not a grade of the council stated as made: %s', (text) => {
    expect(grades(text).filter((g) => g.current)).toEqual([]);
  });

  test('a grade of the services as a whole refers to the overall effectiveness judgement the document gives with the same grade', () => {
    expect(pairs("Ofsted rates our children's services inadequate\nInspectors judged overall effectiveness to be inadequate.")).toEqual([['overall_effectiveness', 'inadequate', true]]);
    // A different grade is not the same judgement.
    expect(pairs("Services were judged good by Ofsted.\nInspectors judged overall effectiveness to be outstanding.")).toEqual([
      [null, 'good', true],
      ['overall_effectiveness', 'outstanding', true],
    ]);
  });

  test("the last inspection's grade is the current one unless the document tells a newer grade", () => {
    expect(pairs('Ofsted judged our services good overall at their last full inspection in 2019.')).toEqual([['overall_effectiveness', 'good', true]]);
    expect(pairs('Inspectors judged overall effectiveness to be inadequate. The service was rated good when it was last inspected in 2019.')).toEqual([
      ['overall_effectiveness', 'inadequate', true],
      [null, 'good', false],
    ]);
  });

  test('a grade whose sentence dates its inspection long before the latest inspection the document dates is the earlier one', () => {
    const text = "After Ofsted's inspection in March 2021, our services were judged inadequate. Ofsted inspected the services between 3 and 14 June 2024 and judged overall effectiveness to be good.";
    const d = textIndex(text);
    const { dates, ranges } = recogniseDates(d, 'other');
    expect(recogniseGrades(d, dates, ranges).map((g) => [g.area, g.grade, g.current])).toEqual([
      [null, 'inadequate', false],
      ['overall_effectiveness', 'good', true],
    ]);
  });

  test('grades told before a re-inspection the document reports are the earlier inspection\'s; a re-inspection to come changes nothing', () => {
    expect(pairs('The notice followed a report that judged the overall effectiveness of services to be inadequate. Ofsted re-inspected the services last spring and judged overall effectiveness to be good.')).toEqual([
      ['overall_effectiveness', 'inadequate', false],
      ['overall_effectiveness', 'good', true],
    ]);
    expect(pairs('Ofsted judged overall effectiveness to be inadequate. Visits continue until the council is re-inspected.')).toEqual([['overall_effectiveness', 'inadequate', true]]);
  });

  test.each([
    "Where Ofsted judges a council's children's services to be inadequate, the minister may issue a notice.",
    'The department acts on a council when its services are judged inadequate.',
    'Councils judged inadequate receive monitoring visits.',
    'Of all LAs, 12% were judged outstanding.',
  ])('a rule about councils in general is no grade: %s', (text) => {
    expect(grades(text)).toEqual([]);
  });

  test("a table's header row of the scale, split by tabs, is no grade", () => {
    expect(grades('Judgement area\tOutstanding\tGood\tRequires improvement to be good\tInadequate\nOverall effectiveness\t16%\t47%\t28%\t9%')).toEqual([]);
  });

  test("another inspectorate's report: its ratings table is not Ofsted's, and Ofsted's grade in its prose still is", () => {
    const text = ['An inspection of youth justice services in Leeds', 'HM Inspectorate of Probation, June 2025', 'Ofsted judged the council\'s children\'s services to be good in 2024.', 'Overall rating\tRequires improvement', 'Governance and leadership\tInadequate', 'Overall: Requires improvement', 'Overall    Requires improvement'].join('\n');
    expect(pairs(text)).toEqual([[null, 'good', true]]);
  });

  test('the grade straight after a verb and a name', () => {
    expect(pairs('Ofsted rated North Tyneside outstanding overall.')).toEqual([['overall_effectiveness', 'outstanding', true]]);
    // A lower-case word between verb and grade is no name: "found practice good" is no grade of the services.
    expect(pairs('Inspectors found practice good in places.')).toEqual([]);
  });

  test("the last inspection's grades are one inspection's, across sentences, unless another grade judges one of their areas otherwise", () => {
    expect(pairs('At its last full inspection, in 2019, Ofsted rated Leeds outstanding overall. Children in care were judged good.')).toEqual([
      ['overall_effectiveness', 'outstanding', true],
      ['children_in_care', 'good', true],
    ]);
    // Overall effectiveness judged otherwise now: the whole of the earlier sentence is the earlier inspection's.
    expect(pairs('When last inspected, in 2016, the services were found to be good overall, and care leavers were judged to be outstanding. Its new report judged overall effectiveness to be inadequate.')).toEqual([
      ['overall_effectiveness', 'good', false],
      ['care_leavers', 'outstanding', false],
      ['overall_effectiveness', 'inadequate', true],
    ]);
  });

  test.each([
    'The director said leaders wanted every area of the service to be judged outstanding next time.',
    'The council lends staff to councils whose services have been judged inadequate.',
  ])('no grade of the council stated as made: %s', (text) => {
    expect(grades(text).filter((g) => g.current)).toEqual([]);
  });

  test("an older report's headline grades the services as a whole: their overall judgement beside a list of the areas", () => {
    const text = ["Children's services in Leeds require improvement to be good", '1. Children who need help and protection\tRequires improvement', '3. Leadership, management and governance\tGood'].join('\n');
    expect(pairs(text)).toEqual([
      ['overall_effectiveness', 'requires_improvement', true],
      ['help_and_protection', 'requires_improvement', true],
      ['impact_of_leaders', 'good', true],
    ]);
    // Without a list of the areas the services' grade keeps area null.
    expect(pairs("Children's services in Leeds require improvement to be good.")).toEqual([[null, 'requires_improvement', true]]);
  });

  test('a grade ends its line where the next line opens a sentence, not where the sentence wraps on', () => {
    expect(pairs("The overall judgement is that children's services are good\nThe local authority leads effective services.")).toEqual([['overall_effectiveness', 'good', true]]);
    expect(pairs('Most placements were good\nenough to keep children settled.')).toEqual([]);
  });

  test("the LSCB review's judgement said in prose is kept as written, area null; adoption said in prose repeats its row", () => {
    expect(grades('The effectiveness of the LSCB requires improvement.').map((g) => [g.area, g.grade, g.judgement])).toEqual([[null, 'requires_improvement', 'The effectiveness of the LSCB']]);
    expect(grades('Adoption performance was judged to be good.')).toEqual([]);
  });

  test('a grade foretold is no grade made', () => {
    expect(grades("The Secretary of State expects that the Council's services will be judged to require improvement.")).toEqual([]);
  });

  test('a table under a heading of targets is an aspiration; the table of judgements above it stands', () => {
    const text = ['Ofsted judgement (report published 1 March 2024)', 'Overall effectiveness\tRequires improvement to be good', '', 'Our target for the next inspection', 'Overall effectiveness\tGood', 'The experiences and progress of care leavers\tOutstanding'].join('\n');
    expect(pairs(text)).toEqual([['overall_effectiveness', 'requires_improvement', true]]);
  });

  test('"the first time" a grade is given is no earlier inspection; a grade of "any part of" the services judges no area', () => {
    expect(pairs('Inspectors judged the impact of leaders to be good, the first time any part of the services has been rated good.')).toEqual([['impact_of_leaders', 'good', true]]);
  });
});

describe('a grade of another council\'s services (issue 24)', () => {
  const withCouncils = (text: string) => {
    const d = textIndex(text);
    const { dates } = recogniseDates(d, 'ofsted_letter');
    const { councils } = recogniseCouncils(d, 'ofsted_letter', dates);
    // The document's own council, as the council recogniser gives it for a letter addressed to Cumberland.
    return recogniseGrades(d, dates, [], councils, 'E06000063').map((g) => [g.area, g.grade]);
  };

  test('is no grade of the document\'s council; the council\'s own, or one beside its name, is', () => {
    const letter = 'Dear Director\nThis letter summarises the focused visit to Cumberland Council children\'s services.\n';
    expect(withCouncils(`${letter}The children's services of Cumbria County Council were last inspected in 2022, when they were judged to require improvement to be good.`)).toEqual([]);
    expect(withCouncils(`${letter}The children's services of Cumberland Council were judged good in 2024.`)).toEqual([[null, 'good']]);
  });
});

describe('wrapped rows and gapped coordination (issue 24)', () => {
  test('a judgement row whose cells wrap onto the lines below is one row', () => {
    expect(pairs('Judgement\tGrade\nThe experiences and progress of children in care and care\tRequires improvement\nleavers\tto be good\nOverall effectiveness\tGood')).toEqual([
      ['children_in_care', 'requires_improvement', true], ['care_leavers', 'requires_improvement', true], ['overall_effectiveness', 'good', true],
    ]);
  });

  test('a second half that leaves out the verb takes the verb of the first, with its own grade', () => {
    expect(pairs('Inspectors judged the experiences of care leavers inadequate, and the impact of leaders and the experiences of children in care requires improvement to be good.').map(([area, grade]) => [area, grade])).toEqual([
      ['care_leavers', 'inadequate'], ['impact_of_leaders', 'requires_improvement'], ['children_in_care', 'requires_improvement'],
    ]);
    // With a verb of its own the second half is read as its own clause, not as a gap.
    expect(pairs('Inspectors judged the impact of leaders good, and the council hopes care leavers will be rated outstanding.').map(([area, grade]) => [area, grade])).toEqual([['impact_of_leaders', 'good']]);
  });
});
