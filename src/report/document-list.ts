/**
 * The list of documents on the index and on a council's page: each document once, linked, with
 * the paths of all its copies (its PDF and its text are one document).
 */
import { documentTitle } from './document.js';
import { html, type Html } from './html.js';
import { documentPath, href } from './links.js';
import type { SiteDocument } from './model.js';

export function documentList(documents: SiteDocument[], depth: number): Html {
  return html`<ul>
${documents.map((document) => html`<li><a href="${href(depth, documentPath(document))}">${documentTitle(document.record)}</a> <span class="muted">— ${document.paths.map((path, i) => html`${i > 0 ? ', ' : ''}<code>${path}</code>`)}</span></li>\n`)}</ul>`;
}
