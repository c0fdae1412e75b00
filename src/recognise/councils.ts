/**
 * Councils: every mention of a local authority named in the register, and the document's own
 * council (the addressee of a notice; the subject of a report or press release).
 */
import { findPublisher } from '../classify/publisher.js';
import { evidenceTerm } from '../classify/rules.js';
import { isEnglishWord } from '../normalise/lexicon.js';
import type { CouncilEntity, CouncilRef, DateEntity, DocumentKind, PersonEntity } from '../record.js';
import { councilByGss, councilsByName, loadRegister, nameKey, type CouncilRecord } from './register.js';
import { lastIndexAtMost, matchesIn } from './spans.js';
import type { TextIndex } from './text-index.js';

/** Authorities that are not councils: combined authorities and the Greater London Authority. */
const NOT_COUNCIL_TYPES = new Set(['COMB', 'SRA']);

/** Words a council name may hold in lower case ("Kingston upon Hull", "Isles of Scilly"). */
const LOWER_CASE_NAME_WORDS = new Set(['of', 'and', 'the', 'upon', 'on', 'in', 'under', 'le', 'with', 'by', '&']);

/** What documents put after a short name to make it a council's: "Medway Council", "Kent County Council". */
const DESIGNATIONS = [['council'], ['county', 'council'], ['city', 'council'], ['borough', 'council'], ['district', 'council'], ['metropolitan', 'borough', 'council']];

interface Token {
  text: string;
  key: string;
  /** The key without a possessive "'s" ("Cornwall's" → "cornwall"), or null. */
  bareKey: string | null;
  start: number;
  end: number;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  names: string[];
}

let trie: TrieNode | null = null;

/** A trie over the word keys of every name the register knows for a council. */
function nameTrie(): TrieNode {
  if (!trie) {
    trie = { children: new Map(), names: [] };
    for (const [key, councils] of loadRegister().byName) {
      if (councils.every((council) => NOT_COUNCIL_TYPES.has(council.type))) continue;
      let node = trie;
      for (const word of key.split(' ')) {
        let next = node.children.get(word);
        if (!next) {
          next = { children: new Map(), names: [] };
          node.children.set(word, next);
        }
        node = next;
      }
      node.names.push(key);
    }
  }
  return trie;
}

function tokenise(text: string): Token[] {
  return matchesIn(text, /[A-Za-z0-9]+(?:'[A-Za-z]+)?|&/g).map(({ match, start, end }) => {
    const key = nameKey(match[0] === '&' ? 'and' : match[0]);
    const possessive = /'s$/i.test(match[0]);
    return { text: match[0], key, bareKey: possessive ? nameKey(match[0].slice(0, -2)) : null, start, end };
  });
}

/** Words of one name are separated by spaces, commas or hyphens only, never a line break. */
function joined(text: string, left: Token, right: Token): boolean {
  return /^[ ,-]{1,3}$/.test(text.slice(left.end, right.start));
}

interface NameMatch {
  first: number;
  last: number;
  key: string;
  /** The end of the matched text: before a possessive "'s". */
  end: number;
  possessive: boolean;
}

/** The longest register name starting at token `i`. */
function longestName(text: string, tokens: Token[], i: number): NameMatch | null {
  let node: TrieNode | undefined = nameTrie();
  let best: NameMatch | null = null;
  for (let j = i; j < tokens.length && node; j++) {
    if (j > i && !joined(text, tokens[j - 1], tokens[j])) break;
    const token = tokens[j];
    const bare = token.bareKey !== null ? node.children.get(token.bareKey) : undefined;
    if (bare && bare.names.length > 0) best = { first: i, last: j, key: bare.names[0], end: token.end - 2, possessive: true };
    node = node.children.get(token.key);
    if (node && node.names.length > 0) best = { first: i, last: j, key: node.names[0], end: token.end, possessive: false };
  }
  return best;
}

/** Extends a short name over a following designation ("Medway" + " Council"). */
function withDesignation(text: string, tokens: Token[], name: NameMatch): NameMatch {
  if (name.possessive || name.key.endsWith('council')) return name;
  let best = name;
  for (const designation of DESIGNATIONS) {
    const words = tokens.slice(name.last + 1, name.last + 1 + designation.length);
    if (words.length < designation.length) continue;
    const fits = designation.every((word, k) => {
      const token = words[k];
      const previous = k === 0 ? tokens[name.last] : words[k - 1];
      const last = k === designation.length - 1;
      // Sentence case writes the designation in lower case ("West Sussex county council").
      return joined(text, previous, token) && (token.key === word || (last && token.bareKey === word));
    });
    if (!fits) continue;
    const end = words[words.length - 1];
    const possessive = end.bareKey !== null;
    if (end.end > best.end) best = { ...name, last: name.last + designation.length, end: possessive ? end.end - 2 : end.end, possessive };
  }
  return best;
}

/** The words that end a street's name. */
const STREET_TYPES = 'Street|Road|Avenue|Lane|Way|Drive|Square|Place|Close|Crescent|Gardens|Terrace|Row|Hill';
/** Words after a place's name that make it a street or building, not its council ("Knowsley Street"). */
const PLACE_WORDS = new RegExp(`^ (?:${STREET_TYPES}|House|Court|Park|Town Hall|Civic Centre)\\b`);
/**
 * A street and the localities after it, up to a place: the place is a locality of a site's or a
 * property's address ("17 Wellington Road, Newport, Shropshire"), not a council.
 */
const STREET_BEFORE = new RegExp(`\\b(?:${STREET_TYPES})\\s*,\\s*(?:[A-Z][\\w'\u2019-]*(?:\\s+[A-Z][\\w'\u2019-]*)*\\s*,\\s*){0,2}$`);
/** Words before a place that say where a building stands ("the county council's offices in Winchester"): the town, not its council. */
const BUILDING_IN = /\b(?:offices|headquarters|HQ|premises|buildings?)\s+(?:in|at)\s+$/i;

/** A name written as a name: every word but the small ones capitalised ("bury" the verb is not Bury). */
function capitalised(tokens: Token[], name: NameMatch): boolean {
  return tokens.slice(name.first, name.last + 1).every((token) => /^[A-Z0-9]/.test(token.text) || LOWER_CASE_NAME_WORDS.has(token.key));
}

function startsSentence(text: string, offset: number): boolean {
  const before = text.slice(0, offset).replace(/[ \t"'(\-\u2022*]+$/, '');
  return before === '' || /[\n.!?:;]$/.test(before);
}

/**
 * A one-word name that is also an English word ("Reading", "Hart", "Bury", "Down") is taken
 * for a council only where it cannot be that word or part of a person's name: with a
 * designation or a possessive, or capitalised mid-sentence and neither after another capitalised
 * word ("Tom Hart") nor joined to one by a hyphen, as in a double-barrelled surname
 * ("Llewelyn-Hart", "Hart-Davis").
 */
function plausible(text: string, tokens: Token[], name: NameMatch, designated: boolean): boolean {
  if (designated || name.possessive || name.first !== name.last) return true;
  if (!isEnglishWord(name.key)) return true;
  const start = tokens[name.first].start;
  if (startsSentence(text, start)) return false;
  const previous = tokens[name.first - 1];
  const next = tokens[name.last + 1];
  const before = previous ? text.slice(previous.end, start) : '';
  const after = next ? text.slice(tokens[name.last].end, next.start) : '';
  const capital = (token: Token | undefined) => token !== undefined && /^[A-Z]/.test(token.text);
  return !(capital(previous) && (before === ' ' || before === '-')) && !(capital(next) && after === '-');
}

/**
 * The words that make a name another body's: police, fire, health, universities, courts, clubs,
 * newspapers, a town's or parish's own council ("Newport Town Council" is no principal council). A place's name before them, alone or with others ("Devon and Cornwall Police",
 * "Tees, Esk and Wear Valleys NHS Foundation Trust", "Manchester Evening News"), names that body.
 */
const BODY_AFTER = /^(?:(?:\s*,\s*|\s+(?:and|&)\s+)[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*)*(?:\s+[A-Z][\w'\u2019-]*){0,3}?\s+(?:Police|Constabulary|Fire(?:\s+and\s+Rescue)?|NHS|(?:Foundation\s+|Partnership\s+|Hospitals?\s+)?Trust|University|College|Hospitals?|Clinical\s+Commissioning\s+Group|CCG|Integrated\s+Care\s+(?:Board|System)|ICB|(?:Town|Parish|Community)\s+Council|Safeguarding|Diocese|Cathedral|Chamber|A?FC|Airport|Magistrates|Crown\s+Court|Family\s+Court|Prison|Times|Echo|Gazette|Herald|Post|News|Live|Mail|Daily|Evening|Chronicle|Advertiser|Telegraph|Observer|Argus|Express|Star|Standard|Journal|Mercury|Guardian|Courier|Sentinel|Examiner|Citizen|Recorder|Leader|Press|Radio|TV)\b/;
/** Words before "of" that make a place another body's or a title ("University of York", "Bishop of Durham"). */
const BODY_BEFORE = /\b(?:University|Diocese|Bishop|Archbishop|Dean|Duke|Duchess|Earl|Countess|Port|Museum|Bank|Cathedral|Hospital)\s+of\s+(?:the\s+)?$/;

/** Where the other body's name ends, if the place at `start`–`end` is part of one; else null. */
function otherBodyEnd(text: string, start: number, end: number): number | null {
  if (BODY_BEFORE.test(text.slice(Math.max(0, start - 40), start))) return end;
  const after = BODY_AFTER.exec(text.slice(end, end + 160));
  return after ? end + after[0].length : null;
}

/** A UK postcode. */
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/g;
/** What a council's own address holds: its name, its town hall or civic offices. */
const COUNCIL_ADDRESS = /\bCouncil\b|\b(?:Town|County|City)\s+Hall\b|\bCivic\s+(?:Centre|Offices?)\b|\bCouncil\s+(?:House|Offices)\b|\bGuildhall\b/i;
/** The lines of an address block above its postcode's line: short, and no sentence. */
const ADDRESS_LINES = 5;
const ADDRESS_LINE_CHARACTERS = 70;

interface AddressBlock {
  start: number;
  /** Whether the address is a council's: it names a council, its town hall or civic offices. */
  council: boolean;
}

/**
 * The postal address `offset` is inside, if any: the address a postcode ends, on its line after
 * the last sentence before it, and the short lines above it.
 */
function addressAround(text: string, offset: number): AddressBlock | null {
  for (const postcode of text.slice(offset, offset + 200).matchAll(POSTCODE)) {
    const end = offset + postcode.index + postcode[0].length;
    const lineStart = text.lastIndexOf('\n', end - 1) + 1;
    const between = text.slice(offset, end);
    // The address runs from the place to its postcode without a sentence's end between them.
    if (/[.!?]\s|\n\s*\n/.test(between) || between.split('\n').length > ADDRESS_LINES) return null;
    const sentenceStart = Math.max(lineStart, text.slice(lineStart, offset).search(/[^.!?]*$/) + lineStart);
    let start = sentenceStart;
    for (let k = 0, at = lineStart; k < ADDRESS_LINES && at > 0; k++) {
      const previousStart = text.lastIndexOf('\n', at - 2) + 1;
      const line = text.slice(previousStart, at - 1);
      if (line.length > ADDRESS_LINE_CHARACTERS || /[.!?:]$/.test(line.trim()) || line.trim() === '') break;
      start = previousStart;
      at = previousStart;
    }
    const from = Math.min(start, offset);
    return { start: from, council: COUNCIL_ADDRESS.test(text.slice(from, end)) };
  }
  return null;
}

const STREET_LINE_WINDOW = 200;

/** Whether the place at `offset` is a locality of a street address that is not a council's (a site's, a property's). */
function inStreetAddress(text: string, offset: number): boolean {
  // An address line is short: the words before the place on its line, a window's length back at most.
  const near = text.slice(Math.max(0, offset - STREET_LINE_WINDOW), offset);
  const lineBefore = near.slice(near.lastIndexOf('\n') + 1);
  return STREET_BEFORE.test(lineBefore) && !COUNCIL_ADDRESS.test(lineBefore);
}

/**
 * The town a council's name begins with, where the name goes on to say where the town stands
 * ("Kingston" of "Kingston upon Thames", "Stoke" of "Stoke-on-Trent"): the short name its own
 * pages use. Another council may share the town's name ("Kingston upon Hull"), so it names the
 * council only in the council's own document.
 */
function townOf(council: CouncilRecord): string | null {
  const town = /^([A-Z][\w']*(?:\s+[A-Z][\w']*)*?)[\s-]+(?:upon|on|under)[\s-]+[A-Z]/.exec(council.niceName)?.[1];
  return town && !loadRegister().byName.has(nameKey(town)) ? nameKey(town) : null;
}

/** The publisher's town where the document is its own ("Kingston's care leavers" on the council's page). */
function publishersTown(tokens: Token[], i: number, publisher: CouncilRecord | undefined): NameMatch | null {
  const town = publisher && townOf(publisher);
  const token = tokens[i];
  if (!town || !/^[A-Z]/.test(token.text) || (token.key !== town && token.bareKey !== town)) return null;
  const possessive = token.key !== town;
  return { first: i, last: i, key: nameKey(publisher.name), end: possessive ? token.end - 2 : token.end, possessive };
}

let initials: Map<string, string[]> | null = null;

/** The councils by the initials of their names' capitalised words ("BCP" for Bournemouth, Christchurch and Poole), three letters or more. */
function councilInitials(): Map<string, string[]> {
  if (!initials) {
    initials = new Map();
    for (const council of loadRegister().councils) {
      if (NOT_COUNCIL_TYPES.has(council.type)) continue;
      const letters = [...council.niceName.matchAll(/\b[A-Z]/g)].map((m) => m[0]).join('');
      if (letters.length < 3) continue;
      const keys = initials.get(letters) ?? [];
      if (!keys.includes(nameKey(council.name))) initials.set(letters, [...keys, nameKey(council.name)]);
    }
  }
  return initials;
}

/** A council's initials with "Council" after them ("BCP Council"), where one council has them: initials alone may be anything's. */
function initialsName(text: string, tokens: Token[], i: number): NameMatch | null {
  const [token, next] = [tokens[i], tokens[i + 1]];
  if (!next || !joined(text, token, next) || (next.key !== 'council' && next.bareKey !== 'council')) return null;
  // Capitals that spell a word are that word ("AND"), not initials.
  const keys = /^[A-Z]{3,}$/.test(token.text) && !isEnglishWord(token.key) ? councilInitials().get(token.text) : undefined;
  const possessive = next.bareKey !== null;
  return keys?.length === 1 ? { first: i, last: i + 1, key: keys[0], end: possessive ? next.end - 2 : next.end, possessive } : null;
}

export interface CouncilContext {
  /** The council that published the document, if one did. */
  publisherGss?: string | null;
  /** Where the document names people: a place in a person's name ("Marisol Kettering") is none. */
  people?: Array<{ span: { start: number; end: number } }>;
}

/** Every council the document names, read as the authority that existed on `date` where names are shared. */
export function findCouncils(index: Pick<TextIndex, 'text' | 'entity'>, date: string | null, context: CouncilContext = {}): CouncilEntity[] {
  const text = index.text;
  const tokens = tokenise(text);
  const publisher = context.publisherGss ? councilByGss(context.publisherGss) : undefined;
  const found: CouncilEntity[] = [];
  /** Where each mention found starts, and whose it is: an address's council is the first named in it. */
  const named: Array<{ start: number; gss: string }> = [];
  const people = [...(context.people ?? [])].sort((a, b) => a.span.start - b.span.start);
  /** Whether a mention lies within a person's name: the person starting last at or before it holds it, if any does. */
  const inPersonName = (start: number, end: number) => {
    const person = people[lastIndexAtMost(people, (p) => p.span.start, start)];
    return person !== undefined && end <= person.span.end;
  };
  for (let i = 0; i < tokens.length; i++) {
    const name = longestName(text, tokens, i) ?? publishersTown(tokens, i, publisher) ?? initialsName(text, tokens, i);
    if (!name) continue;
    const full = withDesignation(text, tokens, name);
    const record = councilsByName(name.key, date).find((council) => !NOT_COUNCIL_TYPES.has(council.type));
    // Designated: a designation follows the name, or the register's name holds its own ("west sussex county council").
    const designated = full !== name || name.key.endsWith('council');
    // A name in lower case is a council's where its designation follows ("hertfordshire county council").
    if (!record || (!capitalised(tokens, name) && !designated) || !plausible(text, tokens, name, designated)) continue;
    const start = tokens[i].start;
    if (inPersonName(start, full.end)) continue;
    const bare = !designated && !name.possessive;
    // A street or building ("Knowsley Street"), where a building stands ("offices in Winchester"), a site's locality.
    if (bare && (PLACE_WORDS.test(text.slice(name.end, name.end + 14)) || BUILDING_IN.test(text.slice(Math.max(0, start - 40), start)) || inStreetAddress(text, start))) continue;
    // A place in another body's name ("Devon and Cornwall Police", "University of York") is no council's mention.
    const body = designated ? null : otherBodyEnd(text, start, full.end);
    if (body !== null) {
      while (i + 1 < tokens.length && tokens[i + 1].start < body) i++;
      continue;
    }
    // In a postal address: a body's that is no council (a care home's, a provider's, Ofsted's own),
    // or a council's whose post town is another council's place ("Nottinghamshire County Council,
    // County Hall, West Bridgford, Nottingham").
    const address = addressAround(text, start);
    const addressCouncil = address && named.find((mention) => mention.start >= address.start);
    if (address && (!address.council || (bare && addressCouncil && addressCouncil.gss !== record.gss))) {
      i = full.last;
      continue;
    }
    found.push({ ...index.entity(start, full.end), name: record.name, gss: record.gss });
    named.push({ start, gss: record.gss });
    i = full.last;
  }
  return found;
}
/** The council a notice is addressed to: in the addressee block the segmenter found, or after "issued to". */
function addressee(index: TextIndex, mentions: CouncilEntity[]): CouncilEntity | undefined {
  const within = (start: number, end: number) => mentions.find((mention) => mention.span.start >= start && mention.span.end <= end);
  const address = index.segmented.address?.span;
  const addressed = address && within(address.start, address.end);
  if (addressed) return addressed;
  for (const { start, end } of matchesIn(index.text, /\b(?:issued|given|addressed) to\s+(?:the\s+)?/gi)) {
    const found = within(end, start + 120);
    if (found && found.span.start === end) return found;
  }
  return undefined;
}

/** Where a report or press release names its subject: the title and header rows at its start. */
const HEADING_CHARACTERS = 400;

/** A council named at least this share of the most-named one's count is reported on alike. */
const ALIKE_SHARE = 0.6;
/** So many councils reported on alike make a round-up, a collection or a debate: about none of them alone. */
const ALIKE_COUNCILS = 3;

/**
 * The council a document is about: the one named most, its heading counting extra; none where
 * three or more are named alike (a round-up, a collection page, a debate), or two alike of which
 * neither is the publisher. Between two alike, the one that is not the publisher is the subject:
 * a council writing about another (the one it supports) writes about that one.
 */
function subject(index: TextIndex, mentions: CouncilEntity[], publisherGss: string | null): CouncilEntity | null | undefined {
  const inHeader = (mention: CouncilEntity) =>
    mention.span.start < HEADING_CHARACTERS || index.segmented.header_table.some((row) => mention.span.start >= row.span.start && mention.span.end <= row.span.end);
  const scores = new Map<string, { score: number; first: CouncilEntity }>();
  for (const mention of mentions) {
    const entry = scores.get(mention.gss || mention.name) ?? { score: 0, first: mention };
    entry.score += inHeader(mention) ? 3 : 1;
    scores.set(mention.gss || mention.name, entry);
  }
  const ranked = [...scores.values()].sort((a, b) => b.score - a.score || a.first.span.start - b.first.span.start);
  const [best] = ranked;
  if (!best) return undefined;
  const alike = ranked.filter((entry) => entry.score >= ALIKE_SHARE * best.score);
  if (alike.length >= ALIKE_COUNCILS) {
    index.note('councils', 'several_councils', `the document names ${alike.map((e) => e.first.name).join(', ')} alike: it is about none of them alone`);
    return null;
  }
  if (alike.length === 2 && alike[0].score === alike[1].score && best.score > 1) {
    const other = alike.find((entry) => entry.first.gss !== publisherGss);
    if (publisherGss && other) return other.first;
    index.note('councils', 'several_councils', `the document names ${alike.map((e) => e.first.name).join(' and ')} alike: it is about neither alone`);
    return null;
  }
  return best.first;
}

/** Kinds a council publishes about itself: its releases, its committee papers, its pages of documents. */
const OWN_VOICE_KINDS = new Set(['press_release', 'cabinet_report', 'publication_page']);

/**
 * A council's own paper or page is about its own services, unless its heading names another
 * council and not the publisher (a partner council's release about the council it supports).
 */
function publishersOwn(index: TextIndex, mentions: CouncilEntity[], publisherGss: string | null): CouncilEntity | undefined {
  if (!publisherGss) return undefined;
  const headingEnd = index.text.indexOf('\n');
  const inHeading = mentions.filter((m) => m.span.start < (headingEnd < 0 ? index.text.length : headingEnd));
  if (inHeading.length > 0 && !inHeading.some((m) => m.gss === publisherGss)) return undefined;
  const named = mentions.find((m) => m.gss === publisherGss);
  if (named) return named;
  const council = councilByGss(publisherGss);
  return council ? { text: '', span: { page: 1, start: 0, end: 0 }, name: council.name, gss: council.gss } : undefined;
}

/** Words of a council's children's services, in any document. */
const CHILDRENS_SERVICES = /\bchildren['\u2019]?s\s+(?:social\s+care|services|social\s+work|care)\b|\bchildren\s+in\s+care\b|\blooked[- ]after\s+children\b|\bchild\s+protection\b|\bcare\s+leavers?\b|\bsafeguarding\s+children\b|\bimprovement\s+notice\b|\byouth\s+(?:justice|offending)\b|\bspecial\s+educational\s+needs\b|\bSEND\b/i;
/** What a report on a provider (a school, a care or children's home) shows: its registered people, its type (a reference number alone does not: Ofsted numbers local authorities too). */
const PROVIDER_REPORT = /^(?:Registered\s+(?:person|manager|provider)|Responsible\s+individual|Headteacher|Type\s+of\s+school|Location\s+ID|Provider\s+ID|Service\s+type|Provision\s+subtype|Children['\u2019]s\s+home\b)|\bsocial\s+care\s+common\s+inspection\s+framework\b/im;
/** The regulator of care providers. */
const CARE_REGULATOR = /\b(?:Care\s+Quality\s+Commission|CQC)\b/;
/** A headline about a school or a provider. */
const PROVIDER_HEADLINE = new RegExp(evidenceTerm('PROVIDERHEADLINE'), 'i');

/**
 * Whether the document reports on a provider (a school, a care or children's home) or is the
 * CQC's, which rates care providers (alone: a joint area inspection with Ofsted is of the
 * council's services): its judgements and its address are the provider's.
 */
export function reportsOnAProvider(index: TextIndex): boolean {
  const careRegulator = CARE_REGULATOR.test(findPublisher(index.doc)?.publisher.name ?? '') || (CARE_REGULATOR.test(index.text) && !/\bOfsted\b/.test(index.text));
  return PROVIDER_REPORT.test(index.text) || PROVIDER_HEADLINE.test(index.text) || careRegulator;
}

/**
 * Whether a document that is none of the kinds is about a council's children's services: it
 * speaks of them, and is no report on a provider (a school, a care home, a children's home),
 * whose address or local authority names a council whose services it is not about.
 */
function aboutCouncilServices(index: TextIndex): boolean {
  if (reportsOnAProvider(index)) {
    index.note('councils', 'about_a_provider', 'the document reports on a provider or a school, not on a council\'s services');
    return false;
  }
  if (!CHILDRENS_SERVICES.test(index.text)) {
    index.note('councils', 'not_about_childrens_services', "the document does not speak of a council's children's services");
    return false;
  }
  return true;
}

/**
 * `dates` are the document's dates: the first written in full decides between former and
 * current councils of one name. `people` are the people it names: a place in a name is none.
 */
export function recogniseCouncils(index: TextIndex, kind: DocumentKind, dates: DateEntity[], people: PersonEntity[] = []): { council: CouncilRef | null; councils: CouncilEntity[] } {
  const date = dates.find((d) => d.precision === 'day')?.value ?? null;
  const publisherGss = findPublisher(index.doc)?.publisher.council_gss ?? null;
  const councils = findCouncils(index, date, { publisherGss, people });
  if (kind === 'other' && !aboutCouncilServices(index)) return { council: null, councils };
  const own =
    (kind === 'improvement_notice' ? addressee(index, councils) : undefined) ??
    (OWN_VOICE_KINDS.has(kind) ? publishersOwn(index, councils, publisherGss) : undefined) ??
    subject(index, councils, publisherGss);
  if (own) return { council: { name: own.name, gss: own.gss }, councils };
  if (own === null) return { council: null, councils };
  // A text that names no council of its own ("the Council" throughout) is about its publisher's,
  // where the publisher is a council: a council's web page, whose site name is its letterhead.
  const publisher = index.doc.publisher;
  const published = publisher ? findCouncils({ text: publisher, entity: (start, end) => ({ text: publisher.slice(start, end), span: { page: 1, start, end } }) }, date)[0] : undefined;
  if (!published) return { council: null, councils };
  index.note('councils', 'council_from_publisher', `the text names no council of its own; the page is published by ${published.name} ("${publisher}")`);
  return { council: { name: published.name, gss: published.gss }, councils };
}
