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
const TRUST = /\b(?:Children['\u2019]?s\s+(?:Services\s+)?Trust|Children['\u2019]?s\s+Services\s+(?:Company|Ltd|Limited))\b/i;
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
  // A site named for a service of its body ("Ofsted: Find an inspection report") is the body's.
  for (const part of name.split(/\s*[:|\u2013\u2014]\s+|\s+-\s+/)) {
    const partCouncil = part !== name ? councilNamed(part) : null;
    if (partCouncil) return { publisher: partCouncil, type: 'council', span };
    const body = BODY_NAME.exec(part);
    if (part !== name && body && body[0].trim() === part.trim()) return { publisher: { name: part.trim(), council_gss: null }, type: typeOf(part), span };
  }
  return { publisher: { name, council_gss: null }, type: typeOf(name), span };
}

/** The name of a public body that publishes in the genre, as it opens a line or a site's name. */
const BODY_NAME = /^(?:Ofsted|Department\s+for\s+Education|Care\s+Quality\s+Commission|HM\s+Inspectorate\s+of\s+(?:Probation|Prisons|Constabulary[^,\n]*)|Local\s+Government\s+and\s+Social\s+Care\s+Ombudsman|UK\s+Parliament)\b/i;
/** A newspaper's masthead: its name in capitals, then the edition's date ("CAMDEN GAZETTE Thursday 23 June 2022 NEWS 7"). */
const MASTHEAD = /^((?:[A-Z&][A-Z'&.-]*\s+){1,6}?[A-Z][A-Z'&.-]+)\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)/;
/** The Department's letterhead and contact lines, wherever a letter has them. */
const DFE_CONTACT = /\bSanctuary\s+Buildings\b|\bwww\.education\.gov\.uk\b|\bwww\.gov\.uk\/government\/organisations\/department-for-education\b/i;
/** How many opening lines a letterhead may take before the text (or an addressee) begins. */
const LETTERHEAD_OPENING = 3;
/** A letter's addressee block or salutation begins: no letterhead below it. */
const ADDRESSEE = /^(?:To\b|Dear\b|FAO\b|For the attention of\b)/i;

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

/** Each document's publisher, found once: the classifier weighs it, and the councils, grades and facts readers read it again. */
const found = new WeakMap<NormalisedDocument, FoundPublisher | null>();

export function findPublisher(doc: NormalisedDocument): FoundPublisher | null {
  if (!found.has(doc)) found.set(doc, publisherOf(doc));
  return found.get(doc) ?? null;
}

function publisherOf(doc: NormalisedDocument): FoundPublisher | null {
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
  const addressed = letterhead.findIndex((line) => ADDRESSEE.test(line.text.trim()));
  const opened = letterhead.slice(0, addressed < 0 ? LETTERHEAD_OPENING : Math.min(addressed, LETTERHEAD_OPENING));
  const at = (line: Line, text: string) => line.start + line.text.indexOf(text);
  // A body's name opening one of the first lines: a letterhead, a report's imprint ("HM Inspectorate of Probation, May 2025"), a joint report's logos.
  for (const line of opened) {
    const text = line.text.trim();
    const body = BODY_NAME.exec(text);
    // The name stands alone, or before a comma, a tab or a dash: a headline that opens with it ("Ofsted rates …") is no imprint.
    if (body && text.length <= LETTERHEAD_CHARACTERS && /^(?:$|\s*[,\t|\u2013\u2014-])/.test(text.slice(body[0].length))) return publisherNamed(body[0], span(at(line, body[0]), at(line, body[0]) + body[0].length));
  }
  const contact = (pattern: RegExp, name: string, type: PublisherType): FoundPublisher | null => {
    const found = pattern.exec(doc.text);
    return found && { publisher: { name, council_gss: null }, type, span: span(found.index, found.index + found[0].length) };
  };
  const byContact = contact(DFE_CONTACT, 'Department for Education', 'department') ?? contact(OFSTED_CONTACT, 'Ofsted', 'ofsted');
  // A text's contact lines say whose it is; a page's site says so first (a paper reprinting a letter).
  if (!site && byContact) return byContact;
  // A council's letterhead is among its paper's first lines; a council named lower down, or after "To", is an addressee.
  for (const line of opened) {
    const text = line.text.trim();
    const council = text.length <= LETTERHEAD_CHARACTERS ? councilNamed(text) : null;
    if (council) return { publisher: council, type: 'council', span: span(at(line, text), at(line, text) + text.length) };
  }
  // A newspaper's masthead over its page.
  const masthead = letterhead[0] && MASTHEAD.exec(letterhead[0].text.trim());
  if (!site && masthead) return publisherNamed(masthead[1], span(at(letterhead[0], masthead[1]), at(letterhead[0], masthead[1]) + masthead[1].length));
  return fromSite ?? byContact ?? (site ? publisherNamed(site, null) : null);
}
