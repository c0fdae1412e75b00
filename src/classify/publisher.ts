/**
 * Who published a document, as a reader tells it before reading on: the web page's site name
 * (its letterhead), a gov.uk page's "From:" line, a letterhead at the top of the text (the
 * Department, Ofsted, a council), Ofsted's address or contact lines. The classifier weighs what
 * kind of body it is (a council's own page speaks in the council's voice; a newspaper's site
 * reports), and the record keeps the publisher's name and, for a council, its GSS code.
 */
import type { NormalisedDocument } from '../normalise/index.js';
import { spanOf } from '../normalise/index.js';
import type { Publisher, Span } from '../record.js';
import { findCouncils } from '../recognise/councils.js';
import type { PublisherType } from '../registry.js';

export interface FoundPublisher {
  publisher: Publisher;
  type: PublisherType;
  /** Where the text shows it, or null where it is the page's site name (outside the text). */
  span: Span | null;
}

/** The central government bodies that publish about interventions. */
const DEPARTMENT = /\b(?:Department\s+for\s+Education|DfE|Secretary\s+of\s+State|Ministry\s+of|Department\s+of|Cabinet\s+Office|Prime\s+Minister['\u2019]s\s+Office|HM\s+Government)\b/i;
/** The inspectorate of children's services. */
const OFSTED = /\b(?:Ofsted|Office\s+for\s+Standards\s+in\s+Education)\b/i;
/** Other regulators and inspectorates, whose reports are of other services. */
const REGULATOR = /\b(?:Care\s+Quality\s+Commission|CQC|HM\s+Inspectorate|HMI\s+Probation|HMICFRS)\b/i;
/** Bodies whose own documents are none of the kinds: Parliament's record of debates and questions, an ombudsman's decisions. */
const PARLIAMENT_OR_OMBUDSMAN = /\b(?:UK\s+Parliament|Parliament|Hansard|House\s+of\s+(?:Commons|Lords)|Ombudsman)\b/i;
/** A body that delivers children's services for a council: a trust or company. */
const TRUST = /\b(?:Children['\u2019]?s\s+(?:Services\s+)?Trust|Children\s+First|Achieving\s+for\s+Children|Children['\u2019]?s\s+Services\s+(?:Company|Ltd|Limited))\b/i;
/** A council's site that the register does not name: a parish, town or community council's, or one that calls itself only "Council". */
const LOCAL_COUNCIL = /\bCouncil\b/;
/** Words a site adds to its council's name: "Bolton Council News", "the Newsroom", "Surrey County Council - Committees". */
const SITE_WORDS = /^(?:the\s+)?|(?:\s*(?:[-:|\u2013\u2014]\s*)?(?:news(?:room)?|press\s+(?:office|releases?)|media\s+(?:centre|releases?)|online|web\s*site|home(?:page)?|committees?|democracy|democratic\s+services|meetings|council\s+meetings|committee\s+(?:papers|meetings|management|information)|decisions|minutes))*$/gi;
/** Sites that are a portal for many publishers: the page's own "From:" line says whose it is. */
const PORTAL = /^(?:GOV\.UK|gov\.uk|www\.gov\.uk)$/i;

function typeOf(name: string): PublisherType {
  if (TRUST.test(name)) return 'trust';
  if (DEPARTMENT.test(name) || PORTAL.test(name)) return 'department';
  if (OFSTED.test(name)) return 'ofsted';
  if (REGULATOR.test(name)) return 'regulator';
  if (PARLIAMENT_OR_OMBUDSMAN.test(name)) return 'parliament_or_ombudsman';
  if (LOCAL_COUNCIL.test(name)) return 'council';
  return 'outlet';
}

/**
 * The council a name is, where the whole name is the council's ("Bolton Council", "London
 * Borough of Brent News"), never where a council's place is part of another body's name
 * ("Manchester Evening News", "Birmingham Children's Trust").
 */
function councilNamed(name: string): Publisher | null {
  const bare = name.replace(SITE_WORDS, '').trim();
  const found = findCouncils({ text: bare, entity: (start, end) => ({ text: bare.slice(start, end), span: { page: 1, start, end } }) }, null);
  const whole = found.find((council) => council.span.start === 0 && bare.slice(council.span.end).trim() === '');
  return whole && whole.gss ? { name: whole.name, council_gss: whole.gss } : null;
}

function publisherNamed(name: string, span: Span | null): FoundPublisher {
  const council = councilNamed(name);
  if (council) return { publisher: council, type: 'council', span };
  return { publisher: { name, council_gss: null }, type: typeOf(name), span };
}

/** How far into a text its letterhead and a page's "From:" line stand. */
const LETTERHEAD_LINES = 12;
/** A letterhead's line is short: a name, not a sentence. */
const LETTERHEAD_CHARACTERS = 90;

/** A gov.uk page's "From: Department for Education" (a row or a line), among its opening lines. */
const FROM_LINE = /^From(?::\s*|\t\s*|\s+)([A-Z][^\t\n]{2,120})$/;
/** "From:" alone on its line, the body's name on the next (gov.uk's metadata list). */
const FROM_LABEL = /^From:?$/;
/** Ofsted's letterhead and contact lines, wherever the text has them. */
const OFSTED_CONTACT = /\benquiries@ofsted\.gov\.uk\b|\bwww\.gov\.uk\/(?:government\/organisations\/)?ofsted\b|^Ofsted$|\bPiccadilly Gate\b/im;

interface Line {
  text: string;
  start: number;
}

function openingLines(doc: NormalisedDocument): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const text of doc.text.split('\n')) {
    if (lines.length >= LETTERHEAD_LINES) break;
    lines.push({ text, start });
    start += text.length + 1;
  }
  return lines;
}

export function findPublisher(doc: NormalisedDocument): FoundPublisher | null {
  const opening = openingLines(doc);
  const span = (start: number, end: number) => spanOf(doc, start, end);
  for (const [i, line] of opening.entries()) {
    const next = opening[i + 1];
    if (FROM_LABEL.test(line.text.trim()) && next && /^[A-Z]/.test(next.text.trim())) {
      const name = next.text.trim().replace(/[.,;]+$/, '');
      const at = next.start + next.text.indexOf(name);
      return publisherNamed(name, span(at, at + name.length));
    }
    const from = FROM_LINE.exec(line.text);
    if (!from) continue;
    const name = from[1].replace(/[.,;]+$/, '').trim();
    const at = line.start + from.index + from[0].indexOf(from[1]);
    return publisherNamed(name, span(at, at + name.length));
  }
  const site = doc.publisher?.trim();
  const fromSite = site && !PORTAL.test(site) ? publisherNamed(site, null) : null;
  // A <title>'s last part is a site's name only where it names a body; a word processor's page titles the document.
  if (fromSite && fromSite.type !== 'outlet') return fromSite;
  const letterhead = opening.filter((line) => line.text.trim() !== '');
  for (const line of letterhead) {
    const text = line.text.trim();
    if (text.length > LETTERHEAD_CHARACTERS || !/^(?:The\s+)?Department\s+for\s+Education$/i.test(text)) continue;
    const at = line.start + line.text.indexOf(text);
    return publisherNamed(text, span(at, at + text.length));
  }
  const ofsted = OFSTED_CONTACT.exec(doc.text);
  const byOfsted = ofsted && { publisher: { name: 'Ofsted', council_gss: null }, type: 'ofsted' as const, span: span(ofsted.index, ofsted.index + ofsted[0].length) };
  // A text's Ofsted contact lines say whose it is; a page's site says so first (a paper reprinting a letter).
  if (!site && byOfsted) return byOfsted;
  // A council's letterhead is its paper's first line; a council named lower down is an addressee.
  const first = letterhead[0];
  const council = first && first.text.trim().length <= LETTERHEAD_CHARACTERS ? councilNamed(first.text.trim()) : null;
  if (first && council) {
    const at = first.start + first.text.indexOf(first.text.trim());
    return { publisher: council, type: 'council', span: span(at, at + first.text.trim().length) };
  }
  return fromSite ?? byOfsted ?? (site ? publisherNamed(site, null) : null);
}
