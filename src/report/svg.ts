/**
 * What every drawing of the report shares: the frame (an SVG with a title and a description
 * for screen readers, in a figure with a caption), a time axis, and how a day is placed on it.
 * Drawings are SVG written as text by the same escaping template as the pages: no front-end
 * framework, no script needed to see them, and the site still opens from disk.
 */
import { html, type Html } from './html.js';

export interface DrawingOptions {
  /** The SVG's id, unique on its page; its title and description take `<id>-title`, `<id>-desc`. */
  id: string;
  title: string;
  /** What the drawing shows, in words, for a reader who cannot see it. */
  description: string;
  width: number;
  height: number;
  body: Html;
  caption: Html | string;
}

/** An SVG drawing in its figure: `role="img"` named by its title and described by its description. */
export function drawing({ id, title, description, width, height, body, caption }: DrawingOptions): Html {
  return html`<figure class="drawing" id="${id}-figure">
<svg id="${id}" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">
<title id="${id}-title">${title}</title>
<desc id="${id}-desc">${description}</desc>
${body}
</svg>
<figcaption>${caption}</figcaption>
</figure>`;
}

const DAY_MS = 86_400_000;

/** Days since 1970 of an ISO date (a month alone is its first day, a year its 1 January). */
export function dayNumber(date: string): number {
  const [year, month = '01', day = '01'] = date.split('-');
  return Date.UTC(Number(year), Number(month) - 1, Number(day)) / DAY_MS;
}

export interface TimeAxis {
  /** The x of a date. */
  x(date: string): number;
  /** Year lines and labels across `top`…`bottom`. */
  ticks(top: number, bottom: number): Html;
}

/**
 * A time axis from `from` to `to` (ISO dates) drawn between `left` and `right`, padded to
 * whole years so that every year line has its label; at least one year wide.
 */
export function timeAxis(from: string, to: string, left: number, right: number): TimeAxis {
  const firstYear = Number(from.slice(0, 4));
  const lastYear = Math.max(Number(to.slice(0, 4)) + 1, firstYear + 1);
  const start = dayNumber(`${firstYear}-01-01`);
  const end = dayNumber(`${lastYear}-01-01`);
  const x = (date: string) => left + ((dayNumber(date) - start) / (end - start)) * (right - left);
  // A label every year while they fit, else every second or fifth year.
  const years = lastYear - firstYear;
  const every = years <= 12 ? 1 : years <= 24 ? 2 : 5;
  return {
    x,
    ticks: (top, bottom) =>
      html`<g class="axis">${Array.from({ length: years + 1 }, (_, i) => firstYear + i).map((year) => {
        const at = x(`${year}-01-01`).toFixed(1);
        return html`<line x1="${at}" x2="${at}" y1="${top}" y2="${bottom}" class="year-line"></line>${(year - firstYear) % every === 0 && year < lastYear ? html`<text x="${at}" y="${bottom + 14}" class="year-label">${year}</text>` : null}`;
      })}</g>`,
  };
}
