/**
 * The list of documents on the index and on a council's page: each document once, linked, with
 * the paths of all its copies (its PDF and its text are one document).
 */
import { documentTitle } from './format.js';
import { html, type Html } from './html.js';
import { documentPath, href } from './links.js';
import type { SiteDocument } from './model.js';

/** File paths as code, comma-separated: a document's copies. */
export function pathList(paths: string[]): Html {
  return html`${paths.map((path, i) => html`${i > 0 ? ', ' : ''}<code>${path}</code>`)}`;
}

export function documentList(documents: SiteDocument[], depth: number): Html {
  return html`<ul>
${documents.map((document) => html`<li><a href="${href(depth, documentPath(document))}">${documentTitle(document.record)}</a> <span class="muted">— ${pathList(document.paths)}</span></li>\n`)}</ul>`;
}
