/**
 * A council's interventions, read from its lifecycle (the corpus's `council_lifecycle` view):
 * each runs from a notice issued (or a direction, where no notice came first) to the notice
 * lifted, or to today while it is in force. A direction during an intervention makes it one
 * under direction while it lasts. The same notice told by several documents (the notice, the cabinet report,
 * the press release) is one intervention: a notice issued while one is open is that one.
 */
import type { LifecycleEvent } from './model.js';
import { monthsBetween } from '../diff/compare.js';

export type InterventionState = 'in force' | 'lifted' | 'under direction';

export interface Intervention {
  gss: string | null;
  start: string;
  /** The day it ended, or today while it is in force. */
  end: string;
  state: InterventionState;
  /** Whether it is still in force (`end` is the report's today). */
  ongoing: boolean;
  /** Whether the corpus holds its lifting but not its start (the notice itself is not among the documents). */
  startUnknown: boolean;
  /** Months of 365.25/12 days, to one decimal, as the comparison counts them. */
  months: number;
}

const OPENS = new Set(['notice issued', 'direction issued']);
const DIRECTS = new Set(['direction issued', 'direction takes effect']);
const CLOSES = 'notice lifted';

/** Every council's interventions, in date order; `today` (an ISO date) ends those still in force. */
export function interventionsOf(lifecycle: readonly LifecycleEvent[], today: string): Intervention[] {
  const byCouncil = new Map<string | null, LifecycleEvent[]>();
  for (const event of lifecycle) byCouncil.set(event.gss, [...(byCouncil.get(event.gss) ?? []), event]);
  const found: Intervention[] = [];
  for (const [gss, events] of byCouncil) {
    let open: { start: string; directed: boolean } | null = null;
    for (const event of [...events].sort((a, b) => a.date.localeCompare(b.date))) {
      if (!open && OPENS.has(event.event)) open = { start: event.date, directed: false };
      if (!open) {
        // A lifting whose notice the corpus lacks: the end is known, the start is not.
        if (event.event === CLOSES) found.push({ gss, start: event.date, end: event.date, state: 'lifted', ongoing: false, startUnknown: true, months: 0 });
        continue;
      }
      if (DIRECTS.has(event.event)) open.directed = true;
      if (event.event === CLOSES) {
        found.push({ gss, start: open.start, end: event.date, state: 'lifted', ongoing: false, startUnknown: false, months: monthsBetween(open.start, event.date) ?? 0 });
        open = null;
      }
    }
    if (open) {
      const end = today > open.start ? today : open.start;
      found.push({ gss, start: open.start, end, state: open.directed ? 'under direction' : 'in force', ongoing: true, startUnknown: false, months: monthsBetween(open.start, end) ?? 0 });
    }
  }
  return found.sort((a, b) => a.start.localeCompare(b.start));
}
