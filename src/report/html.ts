/**
 * HTML as plain TypeScript: a tagged template that escapes every interpolated value unless it is
 * already `Html` (the output of another template), so no page can inject markup by accident.
 */

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolation = Html | string | number | boolean | null | undefined | readonly Interpolation[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in element content and in quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]);
}

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0];
  values.forEach((value, index) => {
    out += render(value) + strings[index + 1];
  });
  return new Html(out);
}

/** Markup that is trusted as written (the page's own constant fragments). */
export function raw(markup: string): Html {
  return new Html(markup);
}

/**
 * A clause id as a fragment identifier. Clause ids are written by documents ("5.b", "1.11",
 * "(iv)"), so anything outside a conservative set is hex-encoded: the id attribute and the
 * `#fragment` of a link are then the same string and need no further escaping.
 */
export function anchorId(prefix: string, id: string): string {
  const safe = Array.from(id)
    .map((character) => (/[A-Za-z0-9.-]/.test(character) ? character : `_${character.codePointAt(0)!.toString(16)}_`))
    .join('');
  return `${prefix}-${safe}`;
}

export const clauseAnchor = (clauseId: string): string => anchorId('clause', clauseId);

/** A file name for a page: lower-case words joined by hyphens, never empty. */
export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'untitled';
}

/** The row of a template clause the notice lacks (a removed clause has no notice anchor). */
export const templateClauseAnchor = (clauseId: string): string => anchorId('template-clause', clauseId);
