import { textIndex } from '../helpers/fixtures.js';
import { recogniseCosts } from '../../src/recognise/costs.js';

const doc = (text: string) => textIndex(text);

describe('recogniseCosts', () => {
  test.each([
    ['The plan is costed at £5.011m, with', '£5.011m', 5011000, false],
    ['Improvement Grant of £0.352m,', '£0.352m', 352000, false],
    ['the £11.2m growth', '£11.2m', 11200000, false],
    ['The £2m funding', '£2m', 2000000, false],
    ['a budget of £9.2 million', '£9.2 million', 9200000, false],
    ['expected to cost an additional £5million.', '£5million', 5000000, false],
    ['Additional funds of just over £11m to address', 'just over £11m', 11000000, true],
    ['has been costed at c£5.0011m in addition', 'c£5.0011m', 5001100, true],
    ['around £3m will come from reserves', 'around £3m', 3000000, true],
    ['recruitment costs of £350,000 and', '£350,000', 350000, false],
    ['training at £45k.', '£45k', 45000, false],
    ['a national fund of £1.5bn', '£1.5bn', 1500000000, false],
  ])('%s → %s', (text, written, amount, approximate) => {
    expect(recogniseCosts(doc(text))).toEqual([expect.objectContaining({ text: written, amount_gbp: amount, approximate, unit_inferred: false })]);
  });

  test('a bare figure among £…m figures is read in millions, and flagged', () => {
    const text = 'Children\'s Services have requested DfE grants of £0.671 (Improvement Grant of £0.352m, Mockingbird of £0.155m and SLiP of £0.164m).\nThis currently leaves a c£2.3301 shortfall.';
    const costs = recogniseCosts(doc(text));
    expect(costs.map((c) => [c.text, c.amount_gbp, c.unit_inferred])).toEqual([
      ['£0.671', 671000, true],
      ['£0.352m', 352000, false],
      ['£0.155m', 155000, false],
      ['£0.164m', 164000, false],
      ['c£2.3301', 2330100, true],
    ]);
  });

  test('a bare figure with no £m figures near is pounds', () => {
    expect(recogniseCosts(doc('a fee of £250 per family'))).toEqual([expect.objectContaining({ amount_gbp: 250, unit_inferred: false })]);
  });

  test.each(['51,000 children in the borough', '12% of referrals', 'the 2024-2025 budget', 'etc. 5m'])('not money: %s', (text) => {
    expect(recogniseCosts(doc(text))).toEqual([]);
  });

  test('the "c" at the end of a word is no hedge', () => {
    expect(recogniseCosts(doc('staff, etc £5m'))[0]).toMatchObject({ text: '£5m', approximate: false });
  });
});
