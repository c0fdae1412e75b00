/**
 * Councils: every mention of a local authority named in the register, and the document's own
 * council (the addressee of a notice; the subject of a report or press release).
 */
import { isEnglishWord } from '../normalise/lexicon.js';
import type { CouncilEntity, CouncilRef, DateEntity, DocumentKind } from '../record.js';
import { councilsByName, loadRegister, nameKey } from './register.js';
import { matchesIn } from './spans.js';
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
      return /^[A-Z]/.test(token.text) && joined(text, previous, token) && (token.key === word || (last && token.bareKey === word));
    });
    if (!fits) continue;
    const end = words[words.length - 1];
    const possessive = end.bareKey !== null;
    if (end.end > best.end) best = { ...name, last: name.last + designation.length, end: possessive ? end.end - 2 : end.end, possessive };
  }
  return best;
}

/** Words after a place's name that make it a street or building, not its council ("Knowsley Street"). */
const PLACE_WORDS = /^ (?:Street|Road|Avenue|Lane|Way|Drive|Square|Place|Close|Crescent|Gardens|Terrace|Row|Hill|House|Court|Park|Town Hall|Civic Centre)\b/;

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
 * designation or a possessive, or capitalised mid-sentence and not after another capitalised
 * word ("Tom Hart").
 */
function plausible(text: string, tokens: Token[], name: NameMatch, designated: boolean): boolean {
  if (designated || name.possessive || name.first !== name.last) return true;
  if (!isEnglishWord(name.key)) return true;
  const start = tokens[name.first].start;
  if (startsSentence(text, start)) return false;
  const previous = tokens[name.first - 1];
  return !(previous && /^[A-Z]/.test(previous.text) && /^ $/.test(text.slice(previous.end, start)));
}

/** Every council the document names, read as the authority that existed on `date` where names are shared. */
export function findCouncils(index: Pick<TextIndex, 'text' | 'entity'>, date: string | null): CouncilEntity[] {
  const text = index.text;
  const tokens = tokenise(text);
  const found: CouncilEntity[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const name = longestName(text, tokens, i);
    if (!name) continue;
    const full = withDesignation(text, tokens, name);
    const record = councilsByName(name.key, date).find((council) => !NOT_COUNCIL_TYPES.has(council.type));
    if (!record || !capitalised(tokens, name) || !plausible(text, tokens, name, full !== name)) continue;
    if (full === name && !name.possessive && PLACE_WORDS.test(text.slice(name.end, name.end + 14))) continue;
    const start = tokens[i].start;
    found.push({ ...index.entity(start, full.end), name: record.name, gss: record.gss });
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

/** The council a document is about: the one named most, its heading counting extra. */
function subject(index: TextIndex, mentions: CouncilEntity[]): CouncilEntity | undefined {
  const inHeader = (mention: CouncilEntity) =>
    mention.span.start < HEADING_CHARACTERS || index.segmented.header_table.some((row) => mention.span.start >= row.span.start && mention.span.end <= row.span.end);
  const scores = new Map<string, { score: number; first: CouncilEntity }>();
  for (const mention of mentions) {
    const entry = scores.get(mention.gss || mention.name) ?? { score: 0, first: mention };
    entry.score += inHeader(mention) ? 3 : 1;
    scores.set(mention.gss || mention.name, entry);
  }
  let best: { score: number; first: CouncilEntity } | undefined;
  for (const entry of scores.values()) {
    if (!best || entry.score > best.score || (entry.score === best.score && entry.first.span.start < best.first.span.start)) best = entry;
  }
  return best?.first;
}

/**
 * `dates` are the document's dates: the first written in full decides between former and
 * current councils of one name.
 */
export function recogniseCouncils(index: TextIndex, kind: DocumentKind, dates: DateEntity[]): { council: CouncilRef | null; councils: CouncilEntity[] } {
  const date = dates.find((d) => d.precision === 'day')?.value ?? null;
  const councils = findCouncils(index, date);
  const own = (kind === 'improvement_notice' ? addressee(index, councils) : undefined) ?? subject(index, councils);
  if (own) return { council: { name: own.name, gss: own.gss }, councils };
  // A text that names no council of its own ("the Council" throughout) is about its publisher's,
  // where the publisher is a council: a council's web page, whose site name is its letterhead.
  const publisher = index.doc.publisher;
  const published = publisher ? findCouncils({ text: publisher, entity: (start, end) => ({ text: publisher.slice(start, end), span: { page: 1, start, end } }) }, date)[0] : undefined;
  if (!published) return { council: null, councils };
  index.note('councils', 'council_from_publisher', `the text names no council of its own; the page is published by ${published.name} ("${publisher}")`);
  return { council: { name: published.name, gss: published.gss }, councils };
}
