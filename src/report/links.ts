/**
 * Where each page lives and how to point into it. Pages sit at the root (index) or one folder
 * down (documents/, councils/); every link is relative so the site works from file://.
 */
import { codePointOffsets, type CodePointOffsets } from '../normalise/code-points.js';
import type { Clause, DocumentRecord, Span } from '../record.js';
import { clauseAnchor, slugify } from './html.js';
import { councilName, type SiteDocument } from './model.js';

export const DOCUMENTS_DIR = 'documents';
export const COUNCILS_DIR = 'councils';

export function documentPath(document: SiteDocument): string {
  return `${DOCUMENTS_DIR}/${document.slug}.html`;
}

export function councilPath(name: string): string {
  return `${COUNCILS_DIR}/${slugify(name)}.html`;
}

export function councilPathOf(record: DocumentRecord): string {
  return councilPath(councilName(record));
}

/** A link from a page `depth` folders down to a site path, optionally with a fragment. */
export function href(depth: number, path: string, fragment?: string | null): string {
  return `${'../'.repeat(depth)}${path}${fragment ? `#${fragment}` : ''}`;
}

const offsetsByRecord = new WeakMap<DocumentRecord, CodePointOffsets>();

/** Between the record's offsets (code points, as its spans) and string indices into its text; built once a record, as a page links many spans. */
export function recordOffsets(record: DocumentRecord): CodePointOffsets {
  let offsets = offsetsByRecord.get(record);
  if (!offsets) offsetsByRecord.set(record, (offsets = codePointOffsets(record.text)));
  return offsets;
}

/**
 * The anchor of the paragraph (line of the normalised text) that holds an offset. Offsets and
 * anchors are in code points, as the record's spans are, so `at-N` names the paragraph whose
 * first character is the record's offset N.
 */
export function paragraphAnchor(record: DocumentRecord, offset: number): string {
  const offsets = recordOffsets(record);
  return `at-${offsets.toCodePoints(record.text.lastIndexOf('\n', offsets.toIndex(offset) - 1) + 1)}`;
}

const clauseAnchorsByRecord = new WeakMap<DocumentRecord, Map<Clause, string>>();

/**
 * A clause's anchor on its document's page: `clause-5.b`, and for a number the document uses
 * again (its numbering restarts under a new heading, as Ofsted's reports and directions do)
 * `clause-1-2`, `clause-1-3`, …, so that every anchor on the page is one clause.
 */
export function clauseAnchorOf(record: DocumentRecord, clause: Clause): string {
  let anchors = clauseAnchorsByRecord.get(record);
  if (!anchors) {
    const seen = new Map<string, number>();
    anchors = new Map(
      record.clauses.map((c) => {
        const n = (seen.get(c.id) ?? 0) + 1;
        seen.set(c.id, n);
        return [c, n === 1 ? clauseAnchor(c.id) : clauseAnchor(`${c.id}-${n}`)];
      }),
    );
    clauseAnchorsByRecord.set(record, anchors);
  }
  return anchors.get(clause) ?? clauseAnchor(clause.id);
}

/** The best anchor for a piece of evidence: the clause of that number holding it, else its paragraph. */
export function evidenceAnchor(record: DocumentRecord, clause: string | null, span: Pick<Span, 'start'> | null): string | null {
  const numbered = clause === null ? [] : record.clauses.filter((c) => c.id === clause);
  const holding = (span && numbered.find((c) => c.span.start <= span.start && span.start < c.span.end)) ?? numbered[0];
  if (holding) return clauseAnchorOf(record, holding);
  return span ? paragraphAnchor(record, span.start) : null;
}
