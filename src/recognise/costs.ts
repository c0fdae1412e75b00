/**
 * Sums of money in whole pounds: "£1.234m" → 1234000, "£9.2 million", "£7million", "£350,000",
 * "£45k". A hedge before the figure ("c£1.2m", "just over £8m", "around £3m") makes it
 * approximate. A figure written without its unit in a passage of £…m figures ("£0.42",
 * "c£1.375") is read in millions with `unit_inferred`. Plain numbers ("51,000 children", "12%")
 * are not money.
 */
import type { CostEntity } from '../record.js';
import type { TextIndex } from './text-index.js';

const HEDGE = '(?:(c\\.?|ca\\.|circa|approx(?:\\.|imately)?|around|about|roughly|nearly|almost|some|(?:just\\s+)?(?:over|under)|more\\s+than|less\\s+than|in\\s+the\\s+region\\s+of)\\s*)?';
/** The look-behind keeps a hedge a word of its own: the "c" of "etc £5m" is no hedge. */
const MONEY = new RegExp(`(?<![A-Za-z])${HEDGE}£\\s?(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(?:\\s?(m|mn|million|bn|billion|k|thousand)(?![A-Za-z]))?`, 'gi');

/** Pounds per written unit. */
export const UNIT_MULTIPLIER: Record<string, number> = { m: 1e6, mn: 1e6, million: 1e6, bn: 1e9, billion: 1e9, k: 1e3, thousand: 1e3 };

/**
 * Words after a figure that give it a unit of its own: a rate ("£38.5 an hour", "£12.75 per
 * child per week", "£0.45 a mile") is pounds, whatever figures in millions stand near it.
 */
const RATE_AFTER = /^\s*(?:(?:per|an?|each|every)\s+(?:\w+\s+)?(?:hour|day|week|month|year|annum|child|young\s+person|person|head|place|placement|family|mile|visit|session|case|night|bed|unit)s?\b|p\.?a\.?\b|hourly|daily|weekly)/i;
/** Words before a figure that make it a rate: "an hourly rate of £38.5", "a unit cost of £12.75". */
const RATE_BEFORE = /\b(?:rate|fee|tariff|unit\s+cost|price|hourly|daily|weekly)\b(?:\s+\w+){0,3}\s*$/i;

interface Money {
  start: number;
  end: number;
  value: number;
  fraction: string;
  unit: string | null;
  approximate: boolean;
}

/** How many paragraphs either side a £…m figure makes a bare figure's unit millions. */
const UNIT_CONTEXT_LINES = 2;
/**
 * How much larger than the £…m figures around it a bare figure may be and still be read in
 * millions: a total of parts ("grants of £0.671 (… £0.352m, £0.155m and £0.164m)") is, but an
 * hourly "£38.5" beside "£2.4m" would be sixteen times the largest sum in the passage.
 */
const MILLIONS_SCALE = 10;

/**
 * A figure whose "m" was left off: a decimal without unit, not pounds and pence, not a rate,
 * within a few paragraphs of figures in millions and of their scale.
 */
function missingMillions(index: TextIndex, figure: Money, inMillions: Money[]): boolean {
  if (figure.unit !== null || figure.fraction === '') return false;
  // Pounds and pence ("£12.50") are exact pounds.
  if (figure.fraction.length === 3 && figure.value >= 1) return false;
  const text = index.text;
  const line = index.lineNumberAt(figure.start);
  const near = inMillions.filter((m) => Math.abs(index.lineNumberAt(m.start) - line) <= UNIT_CONTEXT_LINES);
  if (near.length === 0) return false;
  const written = text.slice(figure.start, figure.end);
  if (RATE_AFTER.test(text.slice(figure.end, figure.end + 40)) || RATE_BEFORE.test(text.slice(Math.max(0, figure.start - 40), figure.start))) {
    index.note('costs', 'rate_in_pounds', `"${written}" stands beside figures in millions but is a rate, so it is read in pounds`, figure);
    return false;
  }
  if (figure.value > MILLIONS_SCALE * Math.max(...near.map((m) => m.value))) {
    index.note('costs', 'not_millions', `"${written}" would be far larger than the figures in millions beside it, so it is read in pounds`, figure);
    return false;
  }
  return true;
}

export function recogniseCosts(index: TextIndex): CostEntity[] {
  const found: Money[] = [...index.text.matchAll(MONEY)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    value: Number(`${m[2].replace(/,/g, '')}${m[3] ?? ''}`),
    fraction: m[3] ?? '',
    unit: m[4]?.toLowerCase() ?? null,
    approximate: m[1] !== undefined,
  }));

  const inMillions = found.filter((f) => f.unit !== null && UNIT_MULTIPLIER[f.unit] === 1e6);
  return found.map((f) => {
    const unitInferred = missingMillions(index, f, inMillions);
    const multiplier = f.unit ? UNIT_MULTIPLIER[f.unit] : unitInferred ? 1e6 : 1;
    return {
      ...index.entity(f.start, f.end),
      amount_gbp: Math.round(f.value * multiplier),
      approximate: f.approximate,
      unit_inferred: unitInferred,
    };
  });
}
