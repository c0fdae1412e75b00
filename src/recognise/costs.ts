/**
 * Sums of money in whole pounds: "£1.234m" → 1234000, "£9.2 million", "£7million", "£350,000",
 * "£45k". A hedge before the figure ("c£1.2m", "just over £8m", "around £3m") makes it
 * approximate. A figure written without its unit in a passage of £…m figures ("£0.42",
 * "c£1.375") is read in millions with `unit_inferred`. Plain numbers ("51,000 children", "12%")
 * are not money.
 */
import type { NormalisedDocument } from '../normalise/index.js';
import type { CostEntity } from '../record.js';
import { entityAt } from './spans.js';

const HEDGE = '(?:(c\\.?|ca\\.|circa|approx(?:\\.|imately)?|around|about|roughly|nearly|almost|some|(?:just\\s+)?(?:over|under)|more\\s+than|less\\s+than|in\\s+the\\s+region\\s+of)\\s*)?';
/** The look-behind keeps a hedge a word of its own: the "c" of "etc £5m" is no hedge. */
const MONEY = new RegExp(`(?<![A-Za-z])${HEDGE}£\\s?(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(?:\\s?(m|mn|million|bn|billion|k|thousand)(?![A-Za-z]))?`, 'gi');

/** Pounds per written unit. */
export const UNIT_MULTIPLIER: Record<string, number> = { m: 1e6, mn: 1e6, million: 1e6, bn: 1e9, billion: 1e9, k: 1e3, thousand: 1e3 };

/** How many lines either side a £…m figure makes a bare figure's unit millions. */
const UNIT_CONTEXT_LINES = 2;

interface Money {
  start: number;
  end: number;
  value: number;
  fraction: string;
  unit: string | null;
  approximate: boolean;
  line: number;
}

export function recogniseCosts(doc: NormalisedDocument): CostEntity[] {
  const text = doc.text;
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
  const lineOf = (offset: number) => lineStarts.filter((start) => start <= offset).length - 1;

  const found: Money[] = [...text.matchAll(MONEY)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    value: Number(`${m[2].replace(/,/g, '')}${m[3] ?? ''}`),
    fraction: m[3] ?? '',
    unit: m[4]?.toLowerCase() ?? null,
    approximate: m[1] !== undefined,
    line: lineOf(m.index),
  }));

  const inMillions = found.filter((f) => f.unit !== null && UNIT_MULTIPLIER[f.unit] === 1e6);
  return found.map((f) => {
    // Pounds and pence ("£12.50") are exact pounds; other decimals without a unit, near figures
    // in millions, are millions whose "m" was left off.
    const pence = f.fraction.length === 3 && f.value >= 1;
    const unitInferred = f.unit === null && f.fraction !== '' && !pence && inMillions.some((o) => Math.abs(o.line - f.line) <= UNIT_CONTEXT_LINES);
    const multiplier = f.unit ? UNIT_MULTIPLIER[f.unit] : unitInferred ? 1e6 : 1;
    return {
      ...entityAt(doc, f.start, f.end),
      amount_gbp: Math.round(f.value * multiplier),
      approximate: f.approximate,
      unit_inferred: unitInferred,
    };
  });
}
