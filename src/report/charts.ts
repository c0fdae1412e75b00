/**
 * Small charts for the comparison's questions: how long councils are given from the inspection
 * report to the plan deadline, year by year of issue; and which councils' notices have which
 * features, as a matrix whose every cell says its value in words as well as in colour. Each
 * point and row links to its notice.
 */
import { display, durationWords } from './format.js';
import { html, type Html } from './html.js';
import { documentPath, href } from './links.js';
import { councilName, type ComparisonRow, type SiteInput } from './model.js';
import { drawing } from './svg.js';

const ISSUED = 'issued';
const MONTHS = 'months_to_deadline';

/** The middle value (the mean of the two middle values of an even count). */
function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Months from the inspection report to the plan deadline, by year of issue: a column a year,
 * its notices as points side by side (each with its council and months in its title, and a
 * link), and the year's median and count written above it.
 */
export function deadlineMonthsChart(input: SiteInput, depth: number): Html {
  const points = input.comparison.flatMap((row) => {
    const issued = row.cells[ISSUED]?.value;
    const months = row.cells[MONTHS]?.value;
    return typeof issued === 'string' && typeof months === 'number' ? [{ row, year: Number(issued.slice(0, 4)), months }] : [];
  });
  if (points.length === 0) return html`<p>No notice gives both its inspection report's date and its plan deadline.</p>`;
  const width = 1000;
  const left = 60;
  const right = width - 20;
  const top = 36;
  const plotBottom = 270;
  const firstYear = Math.min(...points.map((p) => p.year));
  const lastYear = Math.max(...points.map((p) => p.year));
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  const band = (right - left) / years.length;
  const centre = (year: number) => left + (year - firstYear + 0.5) * band;
  const maxMonths = Math.max(24, Math.ceil(Math.max(...points.map((p) => p.months)) / 6) * 6);
  const y = (months: number) => plotBottom - (months / maxMonths) * (plotBottom - top);
  const byYear = new Map(years.map((year) => [year, points.filter((p) => p.year === year)]));
  const body = html`<g class="axis">
${Array.from({ length: maxMonths / 6 + 1 }, (_, i) => i * 6).map((m) => html`<line x1="${left}" x2="${right}" y1="${y(m).toFixed(1)}" y2="${y(m).toFixed(1)}" class="grid"></line><text x="${left - 6}" y="${(y(m) + 4).toFixed(1)}" text-anchor="end" class="tick-label">${m}</text>`)}
${years.map((year) => html`<text x="${centre(year).toFixed(1)}" y="${plotBottom + 16}" text-anchor="middle" class="tick-label">${year}</text>`)}
<text x="14" y="${(top + plotBottom) / 2}" transform="rotate(-90 14 ${(top + plotBottom) / 2})" text-anchor="middle" class="axis-title">months, report to deadline</text>
<text x="${(left + right) / 2}" y="${plotBottom + 34}" text-anchor="middle" class="axis-title">year the notice was issued</text>
</g>
${years.map((year) => {
  const notices = byYear.get(year)!;
  if (notices.length === 0) return null;
  const middle = median(notices.map((p) => p.months));
  const step = Math.min(10, (band * 0.8) / notices.length);
  return html`<g class="year-column"><text x="${centre(year).toFixed(1)}" y="${top - 20}" text-anchor="middle" class="median-label">${middle.toFixed(1)}</text><text x="${centre(year).toFixed(1)}" y="${top - 8}" text-anchor="middle" class="count-label">n=${notices.length}</text>
<line x1="${(centre(year) - band * 0.4).toFixed(1)}" x2="${(centre(year) + band * 0.4).toFixed(1)}" y1="${y(middle).toFixed(1)}" y2="${y(middle).toFixed(1)}" class="median"></line>
${notices.map(({ row, months }, i) => {
  const cx = centre(year) + (i - (notices.length - 1) / 2) * step;
  const name = councilName(row.document.record);
  return html`<a href="${href(depth, documentPath(row.document))}"><title>${name}: ${months} months from the inspection report to the plan deadline, notice issued ${row.cells[ISSUED]?.value}</title><circle cx="${cx.toFixed(1)}" cy="${y(months).toFixed(1)}" r="4.5" class="point"></circle></a>`;
})}</g>`;
})}`;
  return drawing({
    id: 'deadline-months',
    title: 'Months from inspection report to plan deadline, by year of issue',
    description: `${points.length} notices from ${firstYear} to ${lastYear}. By year: ${years
      .filter((year) => byYear.get(year)!.length > 0)
      .map((year) => `${year}: median ${median(byYear.get(year)!.map((p) => p.months)).toFixed(1)} months of ${byYear.get(year)!.length} notices (${byYear.get(year)!.map(({ row, months }) => `${councilName(row.document.record)} ${months}`).join(', ')})`)
      .join('; ')}.`,
    width,
    height: plotBottom + 44,
    body,
    caption: 'Each point is a notice, in the column of the year it was issued, at the months it gives from the inspection report to the plan deadline; the line and the number above each column are that year\'s median, "n" its count of notices. Each point links to its notice.',
  });
}

/** A feature value in a few words, for a matrix cell: a duration without "every" and its code. */
function cellText(value: unknown): string {
  return (typeof value === 'string' ? durationWords(value) : null) ?? display(value);
}

/** The colour class of a value: yes, no, none, or the value's place among its column's values. */
function cellClass(value: unknown, values: string[]): string {
  if (value === null || value === undefined) return 'value-none';
  if (value === true) return 'value-yes';
  if (value === false) return 'value-no';
  return `value-${values.indexOf(String(value)) % 6}`;
}

/** Councils down, notice features across: each cell the feature's value as text, on a colour for its value. */
export function featureMatrix(input: SiteInput, depth: number): Html {
  const features = input.columns.filter((column) => column.filter);
  const rows: ComparisonRow[] = input.comparison;
  if (features.length === 0 || rows.length === 0) return html``;
  const labelWidth = 330;
  const cell = { width: 128, height: 24 };
  const headerHeight = 110;
  // Room on the right for the last column's slanted label.
  const width = labelWidth + features.length * cell.width + 140;
  const height = headerHeight + rows.length * cell.height + 10;
  const valuesOf = new Map(features.map((column) => [column.key, [...new Set(rows.map((row) => row.cells[column.key]?.value).filter((v) => typeof v === 'string') as string[])].sort()]));
  const body = html`${features.map((column, j) => {
    const cx = labelWidth + j * cell.width + cell.width / 2;
    return html`<text x="${cx}" y="${headerHeight - 8}" transform="rotate(-35 ${cx} ${headerHeight - 8})" class="column-label">${column.label}</text>`;
  })}
${rows.map((row, i) => {
  const y = headerHeight + i * cell.height;
  const name = councilName(row.document.record);
  const issued = row.cells[ISSUED]?.value;
  return html`<g class="matrix-row"><a href="${href(depth, documentPath(row.document))}"><text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end" class="row-label">${name}${typeof issued === 'string' ? ` ${issued.slice(0, 4)}` : ''}</text></a>
${features.map((column, j) => {
  const value = row.cells[column.key]?.value ?? null;
  const x = labelWidth + j * cell.width;
  return html`<g class="cell ${cellClass(value, valuesOf.get(column.key) ?? [])}"><title>${name}: ${column.label}: ${display(value)}</title><rect x="${x + 1}" y="${y + 1}" width="${cell.width - 2}" height="${cell.height - 2}"></rect><text x="${x + cell.width / 2}" y="${y + 16}" text-anchor="middle">${cellText(value)}</text></g>`;
})}</g>`;
})}`;
  return drawing({
    id: 'feature-matrix',
    title: 'Notice features by council',
    description: `${rows.length} notices by ${features.length} features (${features.map((f) => f.label).join(', ')}); each cell says the notice's value in words.`,
    width,
    height,
    body,
    caption: 'Each row is a notice, each column a feature of the standard notice; every cell says its value, and its colour repeats it (grey: not found).',
  });
}
