/**
 * The clause alignment on texts of its own: renumbering, deletions, additions, splits, merges
 * and rewording, and its invariants on random inputs.
 */
import fc from 'fast-check';
import { align, similarity, tokens } from '../../src/diff/align.js';

const template = [
  { id: '1', text: 'The council will publish an improvement plan within three months' },
  { id: '2', text: 'An improvement board with an independent chair will oversee the plan' },
  { id: '3', text: 'Officials will review progress at least every six months' },
  { id: '4', text: 'The adviser will report to the Department on progress every six weeks' },
  { id: '5', text: 'Ministers may use their statutory powers of intervention' },
];
const pairsOf = (groups: ReturnType<typeof align>) => groups.map((g) => [g.template, g.notice]);

test('tokens are lower-case words and placeholders, punctuation dropped', () => {
  expect(tokens("The Council's plan, by {{plan_deadline}}.")).toEqual(['the', "council's", 'plan', 'by', '{{plan_deadline}}']);
  expect(similarity('a b c', 'a b c')).toBe(1);
  expect(similarity('a b c', 'x y z')).toBe(0);
  expect(similarity('a b', 'a c')).toBeCloseTo(0.5);
});

test('renumbered after a deletion: the deleted clause is unmatched, the rest follow by content', () => {
  const notice = [template[0], template[1], template[3], template[4]].map((c, i) => ({ id: String(i + 1), text: c.text }));
  expect(pairsOf(align(template, notice))).toEqual([
    [['1'], ['1']],
    [['2'], ['2']],
    [['3'], []],
    [['4'], ['3']],
    [['5'], ['4']],
  ]);
});

test('an added clause and a reworded one', () => {
  const notice = [
    { id: '1', text: 'The council will publish an improvement plan within three months' },
    { id: '2', text: 'The council will publish the minutes of every board meeting on its website' },
    { id: '3', text: 'An improvement board chaired by an adviser appointed by the Department will oversee the plan' },
    { id: '4', text: 'Officials will review progress at least every six months' },
    { id: '5', text: 'The adviser will report to the Department on progress monthly' },
    { id: '6', text: 'Ministers may use their statutory powers of intervention' },
  ];
  const groups = align(template, notice);
  expect(pairsOf(groups)).toEqual([
    [['1'], ['1']],
    [[], ['2']],
    [['2'], ['3']],
    [['3'], ['4']],
    [['4'], ['5']],
    [['5'], ['6']],
  ]);
  expect(groups.find((g) => g.template[0] === '2')!.confidence).toBeLessThan(1);
  expect(groups.find((g) => g.template[0] === '3')!.confidence).toBe(1);
});

test('a clause split in two and two clauses merged into one', () => {
  const notice = [
    { id: '1', text: 'The council will publish an improvement plan' },
    { id: '2', text: 'within three months' },
    { id: '3', text: 'An improvement board with an independent chair will oversee the plan and officials will review progress at least every six months' },
    { id: '4', text: 'The adviser will report to the Department on progress every six weeks' },
  ];
  expect(pairsOf(align(template, notice))).toEqual([
    [['1'], ['1', '2']],
    [['2', '3'], ['3']],
    [['4'], ['4']],
    [['5'], []],
  ]);
});

test('a threshold above every similarity leaves everything unmatched', () => {
  const notice = template.map((c) => ({ id: c.id, text: `${c.text} today` }));
  const groups = align(template, notice, { threshold: 1.01 });
  expect(groups.every((g) => g.template.length === 0 || g.notice.length === 0)).toBe(true);
  expect(groups.length).toBe(10);
});

test('every clause appears once, in document order on both sides', () => {
  const word = fc.constantFrom('board', 'plan', 'review', 'adviser', 'council', 'report', 'months', 'chair');
  const clauses = fc.array(fc.array(word, { minLength: 1, maxLength: 6 }), { maxLength: 8 }).map((texts) => texts.map((t, i) => ({ id: String(i + 1), text: t.join(' ') })));
  fc.assert(
    fc.property(clauses, clauses, (t, n) => {
      const groups = align(t, n);
      expect(groups.flatMap((g) => g.template)).toEqual(t.map((c) => c.id));
      expect(groups.flatMap((g) => g.notice)).toEqual(n.map((c) => c.id));
      for (const g of groups) expect(g.template.length + g.notice.length).toBeGreaterThan(0);
    }),
  );
});
