/**
 * A council's intervention as a drawing: its lifecycle's steps on a time axis, one lane for
 * each actor the kinds declare (`lane` beside a fact's `event`: Ofsted, the Department, the
 * council, the press), each step a marked point with its name and date written beside it and a
 * link to the document, page and clause it was read from. An inspection report's step carries
 * the overall grade its document gives; a step from a document with anomalies is marked "!"
 * and says so. Shapes differ by lane and every mark has words, so colour is never the only
 * signal.
 */
import type { DocumentRecord } from '../record.js';
import { REGISTRY } from '../registry.js';
import { documentTitle } from './format.js';
import { html, type Html } from './html.js';
import { documentPath, evidenceAnchor, href } from './links.js';
import type { LifecycleEvent, SiteDocument } from './model.js';
import { drawing, timeAxis } from './svg.js';

const WIDTH = 1000;
const LANE_LABEL_RIGHT = 175;
const RIGHT = 980;
const LABEL_LINE = 13;
/** An estimate of a label's width at the drawing's 11px type: enough to keep labels apart. */
const CHARACTER = 6.1;
const OTHER_LANE = 'other';

/** Each lifecycle event's lane, as the kinds declare it; lanes in the order they are first declared. */
function declaredLanes(): { lanes: string[]; laneOf: Map<string, string> } {
  const laneOf = new Map<string, string>();
  for (const kind of REGISTRY) for (const fact of Object.values(kind.facts)) if (fact.event && fact.lane && !laneOf.has(fact.event)) laneOf.set(fact.event, fact.lane);
  return { lanes: [...new Set(laneOf.values())], laneOf };
}

const SHAPES = ['circle', 'square', 'diamond', 'triangle', 'cross'] as const;

/** A lane's mark, the same on every council's page: by the lane's place among those declared; other steps are crosses. */
function shapeOf(lane: string, declared: readonly string[]): (typeof SHAPES)[number] {
  const at = declared.indexOf(lane);
  return at < 0 ? 'cross' : SHAPES[at % (SHAPES.length - 1)];
}

function mark(shape: (typeof SHAPES)[number], x: number, y: number): Html {
  const p = (dx: number, dy: number) => `${(x + dx).toFixed(1)},${(y + dy).toFixed(1)}`;
  if (shape === 'circle') return html`<circle cx="${x.toFixed(1)}" cy="${y}" r="6" class="mark"></circle>`;
  if (shape === 'square') return html`<rect x="${(x - 5.5).toFixed(1)}" y="${y - 5.5}" width="11" height="11" class="mark"></rect>`;
  if (shape === 'diamond') return html`<polygon points="${[p(0, -7), p(7, 0), p(0, 7), p(-7, 0)].join(' ')}" class="mark"></polygon>`;
  if (shape === 'triangle') return html`<polygon points="${[p(0, -7), p(7, 6), p(-7, 6)].join(' ')}" class="mark"></polygon>`;
  return html`<path d="M${p(-6, -6)}L${p(6, 6)}M${p(-6, 6)}L${p(6, -6)}" class="mark cross"></path>`;
}

/** The overall grade a document gives now, for an inspection report's step. */
function overallGrade(record: DocumentRecord): string | null {
  const grade = record.grades.find((g) => g.current && g.area === 'overall_effectiveness') ?? record.grades.find((g) => g.current && g.area === null);
  return grade ? grade.grade.replace(/_/g, ' ') : null;
}

interface Step {
  event: LifecycleEvent;
  /** Every document that tells of the step (a cabinet report and its press release may both). */
  documents: SiteDocument[];
  label: string;
  lane: number;
  x: number;
  /** Where the label starts and ends: after the mark, or before it where it would run off the drawing. */
  from: number;
  to: number;
  /** The label's line within its lane, so that labels close in time stand apart. */
  line: number;
}

/**
 * The drawing of a council's lifecycle steps, each with the document it was read from; with
 * `shows: 'documents'`, of its documents' dates where they tell no step of an intervention.
 */
export function lifecycleDrawing(council: string, steps: readonly { event: LifecycleEvent; document: SiteDocument }[], depth: number, shows: 'intervention' | 'documents' = 'intervention'): Html {
  if (steps.length === 0) return html`<p>No dated step was found in these documents.</p>`;
  // One mark a step: the same step told by several documents is one, with all of them.
  const merged = new Map<string, { event: LifecycleEvent; documents: SiteDocument[] }>();
  for (const { event, document } of [...steps].sort((a, b) => a.event.date.localeCompare(b.event.date))) {
    const key = `${event.date}\u0000${event.event}`;
    const known = merged.get(key);
    if (known) known.documents.push(document);
    else merged.set(key, { event, documents: [document] });
  }
  const declared = declaredLanes();
  const used = new Set([...merged.values()].map(({ event }) => declared.laneOf.get(event.event) ?? OTHER_LANE));
  const laneNames = [...declared.lanes, OTHER_LANE].filter((lane) => used.has(lane));
  const dates = [...merged.values()].map(({ event }) => event.date);
  const axis = timeAxis(dates[0], dates[dates.length - 1], LANE_LABEL_RIGHT + 20, RIGHT - 20);

  // Labels are placed in date order; each takes the first line of its lane where it clears the labels already there.
  const taken: Array<Array<Array<[number, number]>>> = laneNames.map(() => []);
  const placed: Step[] = [...merged.values()].map(({ event, documents }) => {
    const grade = event.event === 'inspection report published' ? documents.map((d) => overallGrade(d.record)).find((g) => g !== null) : null;
    const anomalous = documents.some((d) => d.record.anomalies.length > 0);
    const label = `${event.event}${grade ? `: ${grade}` : ''}, ${event.date}${anomalous ? ' !' : ''}`;
    const lane = laneNames.indexOf(declared.laneOf.get(event.event) ?? OTHER_LANE);
    const x = axis.x(event.date);
    const width = label.length * CHARACTER;
    const [from, to] = x + 4 + width <= WIDTH - 4 ? [x + 4, x + 4 + width] : [x - 4 - width, x - 4];
    const lines = taken[lane];
    let line = lines.findIndex((spans) => spans.every(([a, b]) => to + 8 < a || from - 8 > b));
    if (line < 0) line = lines.push([]) - 1;
    lines[line].push([from, to]);
    return { event, documents, label, lane, x, from, to, line };
  });

  const laneHeights = taken.map((lines) => 24 + Math.max(1, lines.length) * LABEL_LINE);
  const laneTops = laneHeights.map((_, i) => 8 + laneHeights.slice(0, i).reduce((sum, h) => sum + h, 0));
  const bottom = laneTops[laneTops.length - 1] + laneHeights[laneHeights.length - 1];
  const body = html`${axis.ticks(4, bottom)}
${laneNames.map((name, i) => html`<g class="lane"><line x1="${LANE_LABEL_RIGHT + 10}" x2="${RIGHT}" y1="${laneTops[i] + 12}" y2="${laneTops[i] + 12}" class="lane-line"></line><text x="${LANE_LABEL_RIGHT}" y="${laneTops[i] + 16}" text-anchor="end" class="lane-label">${name === OTHER_LANE ? 'Other steps' : name}</text></g>`)}
${placed.map(({ event, documents, label, lane, x, from, line }) => {
  const y = laneTops[lane] + 12;
  const [first] = documents;
  const anchor = event.span ? evidenceAnchor(first.record, event.clause, event.span) : null;
  const where = `${documentTitle(first.record)}${event.clause ? `, clause ${event.clause}` : ''}${event.span ? `, p. ${event.span.page}` : ''}${documents.length > 1 ? `, and ${documents.length - 1} other document${documents.length > 2 ? 's' : ''}` : ''}`;
  const anomalies = documents.flatMap((d) => d.record.anomalies.map((a) => a.message));
  return html`<a href="${href(depth, documentPath(first), anchor)}" class="step${anomalies.length > 0 ? ' anomalous' : ''}"><title>${label.replace(/ !$/, '')}: ${where}${anomalies.length > 0 ? `. Anomalies: ${anomalies.join('; ')}` : ''}</title>
${mark(shapeOf(laneNames[lane], declared.lanes), x, y)}${line > 0 ? html`<line x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${y + 7}" y2="${y + 8 + line * LABEL_LINE}" class="leader"></line>` : null}
<text x="${from.toFixed(1)}" y="${y + 20 + line * LABEL_LINE}" class="step-label">${label}</text></a>`;
})}`;
  const anomalous = placed.filter((step) => step.documents.some((d) => d.record.anomalies.length > 0)).length;
  return drawing({
    id: 'timeline',
    title: shows === 'intervention' ? `${council}'s intervention over time` : `${council}'s documents over time: no step of an intervention`,
    description: `${placed.length} steps from ${dates[0]} to ${dates[dates.length - 1]}, in lanes by who took them (${laneNames.join(', ')}): ${placed.map((step) => step.label.replace(/ !$/, '')).join('; ')}.${anomalous > 0 ? ` ${anomalous} steps come from documents with anomalies, marked "!".` : ''}`,
    width: WIDTH,
    height: bottom + 22,
    body,
    caption: html`Each mark is a step, linked to the clause it was read from; the shape says the lane, and "!" marks a step from a document with anomalies (listed below).`,
  });
}
