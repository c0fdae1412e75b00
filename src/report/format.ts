/**
 * How values read on the page: names for keys, words for booleans and durations, and sort keys
 * that order the comparison sensibly (durations by length, empty last).
 */
import type { DocumentKind, DocumentRecord } from '../record.js';
import { KINDS } from '../registry.js';
import { councilName } from './model.js';

export function label(key: string): string {
  const words = key.replace(/_gbp$/, ' (£)').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A kind's name for people, as its declaration gives it (pipelines/<kind>/kind.json). */
export function kindLabel(kind: DocumentKind): string {
  return KINDS.get(kind)?.label ?? 'Other document';
}

const UNIT_WORD: Record<string, string> = { D: 'day', W: 'week', M: 'month', Y: 'year' };
const UNIT_DAYS: Record<string, number> = { D: 1, W: 7, M: 30.44, Y: 365.25 };
const DURATION = /^P(\d+)([DWMY])$/;

/** "P6M" → "6 months", "P1M" → "1 month"; null for what is no duration. */
export function durationWords(value: string): string | null {
  const match = DURATION.exec(value);
  if (!match) return null;
  const count = Number(match[1]);
  return `${count} ${UNIT_WORD[match[2]]}${count === 1 ? '' : 's'}`;
}

/** "P6M" → "every 6 months (P6M)", "P1M" → "every month (P1M)"; other strings unchanged. */
export function describeDuration(value: string): string {
  const words = durationWords(value);
  if (!words) return value;
  return `every ${words.replace(/^1 /, '')} (${value})`;
}

export function durationDays(value: string): number | null {
  const match = DURATION.exec(value);
  return match ? Math.round(Number(match[1]) * UNIT_DAYS[match[2]]) : null;
}

export function display(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return value.toLocaleString('en-GB');
  if (typeof value === 'string') return describeDuration(value).replace(/_/g, ' ');
  return JSON.stringify(value);
}

/** The string the table script sorts on: numbers as numbers, durations as days, empty as ''. */
export function sortKey(value: unknown, type: 'text' | 'date' | 'number' | 'duration' | 'boolean'): string {
  if (value === null || value === undefined || value === '') return '';
  if (type === 'duration' && typeof value === 'string') return String(durationDays(value) ?? value);
  if (type === 'boolean') return value ? '1' : '0';
  return String(value);
}

/** A document's heading and link text: its kind and council. */
export function documentTitle(record: DocumentRecord): string {
  return `${kindLabel(record.kind)}: ${councilName(record)}`;
}
