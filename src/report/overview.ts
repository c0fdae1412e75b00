/**
 * The index's overview: one row per council, the span of each intervention from notice to
 * lifting (or to today) on one time axis, coloured by its state and labelled with it in words,
 * so that colour is never the only signal. The rows carry their start and length for the
 * page's script to sort by; without the script they stand in order of start.
 */
import { html, type Html } from './html.js';
import { interventionsOf, type Intervention } from './interventions.js';
import { councilPath, href } from './links.js';
import type { SiteInput } from './model.js';
import { drawing, timeAxis } from './svg.js';

const WIDTH = 1100;
const LABEL_RIGHT = 300;
const BARS_RIGHT = 890;
const ROW = 26;
const TOP = 10;

/** What a bar says in words, beside it: the state and the length. */
function describe(intervention: Intervention): string {
  const months = Math.round(intervention.months);
  if (intervention.startUnknown) return `lifted ${intervention.end}`;
  return intervention.ongoing ? `${intervention.state}, ${months} months` : `lifted after ${months} months`;
}

/** The same at length, for the bar's title. */
function tell(intervention: Intervention): string {
  if (intervention.startUnknown) return `notice lifted ${intervention.end}; the corpus does not hold the notice`;
  return `${intervention.start} to ${intervention.ongoing ? `today (${intervention.end})` : intervention.end}: ${describe(intervention)}`;
}

export function overviewDrawing(input: SiteInput, depth: number): Html {
  const interventions = interventionsOf(input.lifecycle, input.today);
  if (interventions.length === 0) return html`<p>No intervention (a notice issued, a direction) was found in the corpus's documents.</p>`;
  const names = new Map(input.documents.flatMap(({ record }) => (record.council ? [[record.council.gss, record.council.name] as const] : [])));
  const byCouncil = new Map<string | null, Intervention[]>();
  for (const intervention of interventions) byCouncil.set(intervention.gss, [...(byCouncil.get(intervention.gss) ?? []), intervention]);
  const rows = [...byCouncil.entries()].map(([gss, spans]) => ({ name: (gss && names.get(gss)) || 'Council not identified', spans }));
  const axis = timeAxis(interventions[0].start, input.today > interventions[interventions.length - 1].end ? input.today : interventions[interventions.length - 1].end, LABEL_RIGHT, BARS_RIGHT);
  const height = TOP + rows.length * ROW + 24;
  const body = html`${axis.ticks(TOP - 4, TOP + rows.length * ROW)}
${rows.map(({ name, spans }, i) => {
  const months = spans.reduce((sum, span) => sum + span.months, 0);
  const last = spans[spans.length - 1];
  return html`<g class="overview-row" data-start="${spans[0].start}" data-months="${months.toFixed(1)}" data-name="${name}" transform="translate(0 ${TOP + i * ROW})">
<a href="${href(depth, councilPath(name))}"><text x="${LABEL_RIGHT - 8}" y="${ROW / 2 + 4}" class="row-label" text-anchor="end">${name}</text></a>
${spans.map((span) => {
  const x = axis.x(span.start);
  const width = Math.max(3, axis.x(span.end) - x);
  return html`<rect x="${x.toFixed(1)}" y="5" width="${width.toFixed(1)}" height="${ROW - 10}" class="span state-${span.state.replace(/ /g, '-')}${span.ongoing ? ' ongoing' : ''}"><title>${name}: ${tell(span)}</title></rect>`;
})}
<text x="${BARS_RIGHT + 8}" y="${ROW / 2 + 4}" class="span-label">${describe(last)}${spans.length > 1 ? ` (${spans.length} interventions)` : ''}</text>
</g>`;
})}`;
  const ongoing = interventions.filter((i) => i.ongoing).length;
  const unknown = interventions.filter((i) => i.startUnknown).length;
  return html`<div class="overview-sort" role="group" aria-label="Sort the overview">Sort councils by <button type="button" data-sort-overview="start" aria-pressed="true">start</button> <button type="button" data-sort-overview="length" aria-pressed="false">length</button></div>
${drawing({
  id: 'overview',
  title: 'Interventions by council',
  description: `${rows.length} councils, ${interventions.length} interventions from ${interventions[0].start} to ${input.today}: ${ongoing} in force or under direction, ${interventions.length - ongoing} lifted${unknown > 0 ? ` (${unknown} of them without their notice in the corpus)` : ''}. ${rows.map(({ name, spans }) => `${name}: ${spans.map(tell).join('; ')}`).join('. ')}. Each row is a council; each bar runs from the notice (or direction) to its lifting, or to today while in force; the words after the bars say the state and length.`,
  width: WIDTH,
  height,
  body,
  caption: html`Each bar runs from a notice issued (or a direction) to the notice lifted, or to today (${input.today}) where the corpus holds no lifting; a lifting whose notice the corpus lacks is a short mark. <span class="key"><span class="swatch state-in-force"></span> in force <span class="swatch state-under-direction"></span> under direction <span class="swatch state-lifted"></span> lifted</span>`,
})}`;
}
