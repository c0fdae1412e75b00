/**
 * People and their roles. A name is taken only where the document frames it as a person's: a
 * signature block, a header row ("Cabinet Member:\tCouncillor …"), an honorific, a role beside
 * it ("the independent advisor, Jane Doe,"), a verb of saying, or a first name compromise's
 * lexicon knows followed by a surname. Capitalised phrases alone ("Improvement Grant") are not
 * people.
 */
import { readFileSync } from 'node:fs';
import { HONORIFIC, nameAt, type NameAt } from '../normalise/names.js';
import { projectPath } from '../paths.js';
import type { PersonEntity } from '../record.js';
import { councilsByName, nameKey } from './register.js';
import { DisjointRanges, matchesIn } from './spans.js';
import type { TextIndex } from './text-index.js';

interface Mention extends NameAt {
  role: string | null;
  /** Structural sources (signature, header rows) decide a person's role over prose. */
  structural: boolean;
}

/** Labels whose value is a person's name, and the role the label gives them. */
const ROW_ROLES: [RegExp, string][] = [
  // Ofsted's report header: "Lead inspector: …", "Deputy lead inspector", "Team inspectors: A, B and C".
  [/^\W*lead inspector/i, 'lead_inspector'],
  [/\binspectors?\b/i, 'inspector'],
  [/cabinet member|portfolio\b|lead member|executive member/i, 'cabinet_member'],
  [/author|contact officer|report writer/i, 'report_author'],
  [/\bslt\b|lead officer|responsible officer|senior leadership|director/i, 'slt_lead'],
  [/\bvice[- ]chair/i, 'vice_chair'],
  [/\bchair/i, 'chair'],
];

/**
 * The name a field's value holds: at its start ("Councillor Jo Bloggs, Children"), or after an
 * honorific within it ("Children's Social Care (Councillor Mhairi Doyle)").
 */
function fieldName(index: TextIndex, value: { start: number; end: number }): NameAt | null {
  const atStart = nameAt(index.text, value.start, { capitals: true });
  if (atStart) return atStart;
  const honorific = new RegExp(`\\b${HONORIFIC}\\s`).exec(index.text.slice(value.start, value.end));
  return honorific ? nameAt(index.text, value.start + honorific.index) : null;
}

/** A label naming a post ("Senior data analyst", "Head of Service") holds its holder's name, whatever the post. */
const POST_LABEL = /\b(?:analyst|officer|manager|inspector|director|author|lead|chair|advis[eo]r|member|secretary|clerk|head|coordinator|commissioner|individual|person)s?\b(?:\s+of\b[^\t]*)?\W*$/i;

/** A label in the plural lists people ("Team inspectors: A, B and C"): each item is one. */
const PLURAL_LABEL = /\b(?:inspectors|authors|members|officers|advis[eo]rs)\W*$/i;
const LIST_SEPARATOR = /\s*,\s*(?:and\s+)?|\s+and\s+/g;

/** The names the segmenter's labelled fields hold: "Cabinet Member:\tCouncillor …", "Report author: …". */
function fieldMentions(index: TextIndex): Mention[] {
  return index.segmented.fields.flatMap((field): Mention[] => {
    const role = ROW_ROLES.find(([pattern]) => pattern.test(field.key))?.[1] ?? null;
    if ((!role && !POST_LABEL.test(field.key)) || !field.value_span) return [];
    const { start, end } = field.value_span;
    const items = PLURAL_LABEL.test(field.key)
      ? [start, ...matchesIn(index.text.slice(start, end), LIST_SEPARATOR).map((separator) => start + separator.end)]
      : [start];
    return items.flatMap((at): Mention[] => {
      const name = fieldName(index, { start: at, end });
      return name ? [{ ...name, role, structural: true }] : [];
    });
  });
}

/** The name a whole line is ("Graeme Lusk", "FIONA CASTELLANE"), or null: a line that says it is a name may be in capitals. */
function lineName(index: TextIndex, line: { start: number; end: number }): NameAt | null {
  const text = index.text.slice(line.start, line.end);
  const name = nameAt(index.text, line.start + (text.length - text.trimStart().length), { capitals: true });
  return name && index.text.slice(name.end, line.end).trim() === '' ? name : null;
}

/**
 * A letter's addressee: the first line of the address block, where that whole line is a name
 * ("Graeme Lusk" above "Director of Children's Services"); the next line says the post.
 */
function addresseeMentions(index: TextIndex): Mention[] {
  const span = index.segmented.address?.span;
  if (!span) return [];
  const first = index.lineAt(span.start);
  const name = lineName(index, first);
  if (!name) return [];
  const next = index.lineAt(first.end + 1);
  const post = next.start < span.end ? roleIn(index.text.slice(next.start, next.end)) : null;
  return [{ ...name, role: post, structural: true }];
}

/** A post on a line of its own: a few words, no sentence. */
const POST_LINE_WORDS = 10;

/** The role a line or cell that is a post says ("Director of Children's Services", "Ofsted Inspector"), or null. */
function postRole(written: string): string | null {
  const post = written.trim();
  return post.split(/\s+/).length > POST_LINE_WORDS || /[.;:]$/.test(post) ? null : roleIn(post);
}

/**
 * A name on a line of its own over a line that is a post ("FIONA CASTELLANE" over "Director of
 * Children's Services"), as a report's author signs it off and a letter's addressee is set, or
 * in a table's cell before the post's ("Jo Bloggs<TAB>Ofsted Inspector", an inspection team):
 * the post says the role. A name in capitals counts here, as the line says it is one.
 */
function nameBesidePostMentions(index: TextIndex): Mention[] {
  const overPost = index.lines.flatMap((line, i): Mention[] => {
    const next = index.lines[i + 1];
    return next && line.text.trim() !== '' ? namedPost(index, line, next.text) : [];
  });
  const besidePost = index.segmented.fields.flatMap((field) => namedPost(index, { start: field.span.start, end: field.span.start + field.key.length }, field.value));
  return [...overPost, ...besidePost];
}

/** The person a stretch that is wholly a name is, where the post set beside it gives a role. */
function namedPost(index: TextIndex, stretch: { start: number; end: number }, post: string): Mention[] {
  const role = postRole(post);
  const name = role ? lineName(index, stretch) : null;
  return name && name.name.includes(' ') ? [{ ...name, role, structural: true }] : [];
}

/** A reporter's title after a by-line's name ("Jo Bloggs, Local Democracy Reporter", "Jo Bloggs | Reporter"). */
const REPORTER = /^\s*[,|]\s*(?:Local\s+Democracy\s+Reporter|(?:[A-Z][a-z]+\s+){0,2}(?:Reporter|Correspondent|Editor|Journalist))\b/;

/** The line a news page sets under its by-line: the date of publication ("Published 14 March 2024", "Updated 2 hours ago"). */
const PUBLISHED_LINE = /^\s*(?:Published|Updated)\b/;

/**
 * An article's by-line: "By Jo Bloggs" opening its line, a name set beside a reporter's title,
 * or a line that is wholly a name over the line of the article's publication.
 */
function bylineMentions(index: TextIndex): Mention[] {
  return index.lines.flatMap((line, i): Mention[] => {
    const by = /^\s*By\s+(?=[A-Z])/.exec(line.text);
    const name = nameAt(index.text, line.start + (by ? by[0].length : line.text.length - line.text.trimStart().length), { capitals: true });
    if (!name || !name.name.includes(' ')) return [];
    const overPublished = PUBLISHED_LINE.test(index.lines[i + 1]?.text ?? '') && lineName(index, line) !== null;
    return by || overPublished || REPORTER.test(index.text.slice(name.end, line.end)) ? [{ ...name, role: 'author', structural: true }] : [];
  });
}

/** The signatory: the name the segmenter found in the signature block. */
function signatureMentions(index: TextIndex): Mention[] {
  const signature = index.segmented.signature;
  if (!signature?.name || !signature.name_span) return [];
  return [{ start: signature.name_span.start, end: signature.name_span.end, name: signature.name, role: 'signatory', structural: true }];
}

/** Role words beside a name, read from the words before it or the apposition after it. */
const PROSE_ROLES: [RegExp, string][] = [
  [/cabinet member|lead member|portfolio holder/i, 'cabinet_member'],
  [/\bHMI\b|inspector/i, 'hmi'],
  [/advis[eo]r/i, 'adviser'],
  [/commissioner/i, 'commissioner'],
  [/chief executive/i, 'chief_executive'],
  [/director/i, 'director'],
  [/leader of|council leader/i, 'council_leader'],
  // A vice-chair is no chair: the text says which.
  [/\bvice[- ]chair/i, 'vice_chair'],
  [/\bchair/i, 'chair'],
  [/minister|secretary of state/i, 'minister'],
];

/** The role of anyone quoted: a person's other role, where known, says more. */
const SPOKESPERSON = 'spokesperson';

function roleIn(phrase: string): string | null {
  return PROSE_ROLES.find(([pattern]) => pattern.test(phrase))?.[1] ?? null;
}

/** The posts prose names a holder of right before or after the name ("Director Jo Bloggs", "the Department's adviser, Jo Bloggs"). */
const POST_BEFORE = String.raw`HMI|[Aa]dvis[eo]r|[Cc]ommissioner|[Cc]hief [Ee]xecutive|[Dd]irector|[Ii]nspector|[Cc]hair|[Mm]inister|[Ss]pokesperson`;

/** Where prose frames a following name as a person's. */
const CUES_BEFORE = [
  new RegExp(`\\b${HONORIFIC}\\s+(?=[A-Z])`, 'g'),
  // The post, what it is of or who appointed to it, then the name: "the Improvement Adviser appointed by the Department, Jo Bloggs".
  new RegExp(`\\b(?:${POST_BEFORE})(?: (?:of|for|appointed by) [^,.;\\n]{1,40},|,?) +(?=[A-Z][a-z])`, 'g'),
  // Hansard names a post's holder in brackets after the post: "The Minister for Children (Jo Bloggs)".
  new RegExp(`\\b(?:${POST_BEFORE}|Secretary of State)[^()\\n]{0,60}\\((?=(?:\\p{Lu}[\\p{L}'\u2019-]+ ){1,3}\\p{Lu}[\\p{L}'\u2019-]+\\))`, 'gu'),
  // A legal text defines a post as its holder: '"the Improvement Adviser" means Jo Bloggs'.
  new RegExp(`(?:${POST_BEFORE})["\u201d'\u2019]\\s+means\\s+(?=[A-Z])`, 'g'),
  /\b(?:letter from|said|according to|written by|signed by|led by|chaired(?: \w+ly)? by|contact|appointed|[Hh]eadteacher|Dear) +(?=[A-Z])/g,
];

/** The posts an apposition after a name gives ("Jo Bloggs, the council's director of children's services"), in the singular or plural. */
const POST_AFTER = String.raw`(?:[Cc]abinet [Mm]ember|[Ee]xecutive [Mm]ember|[Dd]irector|[Cc]hief [Ee]xecutive|[Ll]eader|[Cc]hair|[Aa]dvis[eo]r|[Hh]ead|[Mm]anager|[Cc]ommissioner|[Ii]nspector|[Mm]inister|[Ss]ecretary|[Rr]eporter|[Cc]orrespondent|[Ee]ditor|[Hh]eadteacher|[Mm]ayor|[Oo]fficer)s?\b`;

/** A relative clause that says what the person is or does: ", who chairs the board", ", who has been appointed … as adviser". */
const RELATIVE_POST = new RegExp(`^,\\s+who\\s+(?:(?:will\\s+|would\\s+)?(?:chairs?|leads?|heads?)\\b|(?:is|was|has been|had been|will be|would be)\\s+(?:[\\w'\u2019-]+\\s+){0,8}?${POST_AFTER})`);

/** A meeting's chair, as minutes write it: "[Jo Bloggs in the Chair]", "Jo Bloggs (Leader of the Council) in the Chair". */
const IN_THE_CHAIR = /^\s+(?:\([^)\n]{1,60}\)\s+)?in the [Cc]hair\b/;
/** A person's appointment, the post after it with or without an "as" ("Jo Bloggs was appointed Children's Services Commissioner"). */
const APPOINTED = String.raw`^\s+(?:was|has been|had been|is|will be)\s+appointed\s+`;

/** Words after a name that frame it as a person's. */
const CUES_AFTER = [
  /^(?:\s+HMI\b|,?\s+(?:said|says|added|commented|explained|told)\b)/,
  new RegExp(`^,\\s+(?:the\\s+|an?\\s+|its\\s+|their\\s+)?(?:[\\w'\u2019-]+\\s+){0,5}?${POST_AFTER}`),
  RELATIVE_POST,
  // An appointment to a post, not a body's as a partner.
  new RegExp(`${APPOINTED}(?:as\\s+)?(?:[\\w'\u2019-]+\\s+){0,5}?${POST_AFTER}`),
  IN_THE_CHAIR,
  /^\s+\([A-Z][^)\n]{1,40}\)\s+\((?:Lab|Con|LD|Lib Dem|SNP|Green|Ind|Reform|DUP|PC|Lab\/Co-op)\)/,
];

/** Letters after a name that are no part of it or of the role that follows: "OBE", "DBE". */
const POST_NOMINALS = /^(?:\s+(?:OBE|CBE|MBE|DBE|KBE|CB|KC|QC|MP|FRS|PhD))*/;

/**
 * A person's role in prose, from what the sentence says they are: the post they were appointed
 * "as" ("appointed Mr R.T. Mensah as Improvement Adviser"), the words set beside the name ("Ms
 * Caroline Whitlock, the Department's improvement adviser"), else the words before it ("Council
 * Leader Cllr …", "the independent advisor, Jane Doe"). A person who only speaks is a spokesperson.
 */
function proseRole(text: string, name: NameAt): string | null {
  // A role in brackets after an earlier name ("Councillor Ruth Allanson (Chair), Councillor …") is that name's.
  const before = (text.slice(Math.max(0, name.start - 60), name.start).split(/[.;:\n]/).pop() ?? '').replace(/\([^)]*\)/g, '');
  const rest = text.slice(name.end);
  const afterTitles = rest.slice(POST_NOMINALS.exec(rest)![0].length);
  // An apposition is a noun phrase set beside the name (", the Department's improvement adviser", ", Chief Executive"), not the next clause (", met the Leader").
  // It may run onto the next line where a wrapped paragraph goes on there in lower case.
  // A post in lower case is one too (", lead inspector").
  const apposition = /^\s*(?:HMI\b|\([^)\n]{1,60}\)|,\s*(?:the\b|an?\b|its\b|their\b|our\b|his\b|her\b|[A-Z]|(?:(?:lead|senior|deputy|assistant|interim|acting|chief)\s+)*(?:inspector|director|advis[eo]r|commissioner|chair|minister)\b)(?:[^,.;\n]|\n(?=[a-z])){0,100})/.exec(afterTitles)?.[0] ?? '';
  // The post named "as" after the apposition is the one the sentence gives ("names Jo Bloggs, a former director, as commissioner").
  const appointedAs =
    new RegExp(String.raw`^[^.;\n]{0,80}?\bappointed\b[^.;\n]{0,60}?\bas\s+([^.;,\n]{1,60})|^\s+as\s+([^.;,\n]{1,60})|${APPOINTED}([^.;,\n]{1,60})`).exec(afterTitles) ??
    /^,?\s+as\s+([^.;,\n]{1,60})/.exec(afterTitles.slice(apposition.length));
  const role =
    roleIn(appointedAs?.slice(1).find((post) => post) ?? '') ??
    roleIn(text.slice(name.start, name.end).split(' ')[0]) ??
    roleIn(apposition) ??
    (IN_THE_CHAIR.test(afterTitles) ? 'chair' : null) ??
    roleIn(before.split(',').slice(-2).join(',')) ??
    roleIn(RELATIVE_POST.exec(afterTitles)?.[0] ?? '');
  if (role) return role;
  return /^,?\s+(?:said|says|added|commented|explained|told)\b/.test(text.slice(name.end)) ? SPOKESPERSON : null;
}

/** A capitalised word that starts a word: not the "Trent" of "Stoke-on-Trent". */
const CAPITALISED_WORD = /(?<![\p{L}\p{M}'\u2019-])\p{Lu}\p{Ll}+/gu;
let firstNames: Set<string> | null = null;

/**
 * Whether the word is a first name compromise's lexicon knows. The names are read from
 * pipelines/first-names.json, generated from that lexicon by scripts/build-first-names.ts:
 * loading compromise itself would cost every ingest worker some 400 ms at start.
 */
function isFirstName(word: string): boolean {
  firstNames ??= new Set((JSON.parse(readFileSync(projectPath('pipelines/first-names.json'), 'utf8')) as { names: string[] }).names);
  return firstNames.has(word.toLowerCase());
}

/** An article or a body's spokesperson before capitals says they name a thing ("a Placement Panel", "a spokesperson for Durham Constabulary"). */
const ARTICLE_OR_BODY_BEFORE = /(?:^|[^\p{L}])(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat|[Oo]ur|[Tt]heir|[Ii]ts|spokes(?:person|man|woman) (?:for|of|at)|on behalf of)\s+$/u;

/** Prose that lists people: "Councillors A, B (Chair) and C", "The inspectors were A and B". */
const PEOPLE_LIST = /\b(?:Councillors|Cllrs)\s+(?=[A-Z])|\b[Ii]nspectors\b[^.;:\n]{0,30}?\b(?:were|are)\s+(?=[A-Z])/g;
/** What runs from one item of a list to the next: a role in brackets, a comma or an "and". */
const NEXT_IN_LIST = /^(?:\s*\([^)\n]{1,60}\))?(?:\s*,\s*(?:and\s+)?|\s+and\s+)/;

/** The names a list holds from `offset`, item by item, to the first item that is no name. */
function namesListedAt(text: string, offset: number): NameAt[] {
  const names: NameAt[] = [];
  for (let name = nameAt(text, offset); name; ) {
    names.push(name);
    const separator = NEXT_IN_LIST.exec(text.slice(name.end, name.end + 80));
    name = separator ? nameAt(text, name.end + separator[0].length) : null;
  }
  return names;
}

function proseMentions(index: TextIndex): Mention[] {
  const text = index.text;
  const candidates: NameAt[] = [];
  for (const cue of CUES_BEFORE) {
    for (const { end } of matchesIn(text, cue)) {
      const honorific = new RegExp(`(?<!\\w)(?:${HONORIFIC}\\s+)+$`).exec(text.slice(Math.max(0, end - 40), end));
      // A cue makes even a name in capitals one ("contact KEVIN O'HARA, Communications Manager").
      const name = nameAt(text, honorific ? end - honorific[0].length : end, { capitals: true });
      if (name) candidates.push(name);
    }
  }
  // A list read runs over any frame inside it, which opens no other (so a run of lists is read once).
  let listedTo = 0;
  for (const list of matchesIn(text, PEOPLE_LIST)) {
    if (list.start < listedTo) continue;
    const names = namesListedAt(text, list.end);
    candidates.push(...names);
    listedTo = names.at(-1)?.end ?? list.end;
  }
  // Where the last name read runs on: a word inside it starts no other.
  let readTo = 0;
  for (const word of matchesIn(text, CAPITALISED_WORD)) {
    const known = isFirstName(word.match[0]);
    if (word.start < readTo) continue;
    const name = nameAt(text, word.start);
    if (name) readTo = name.end;
    if (ARTICLE_OR_BODY_BEFORE.test(text.slice(Math.max(0, word.start - 40), word.start))) continue;
    // A first name alone does not make a place one's ("Milton Keynes" on an address's town line).
    if (!name || councilsByName(nameKey(name.name)).length > 0) continue;
    const after = text.slice(name.end, name.end + 160);
    const cued = CUES_AFTER.some((cue) => cue.test(after));
    // Whatever the first name, the role or the verb of saying beside a name says it is one ("Gwilym Parry-Stokes, Director").
    if (cued || (known && name.name.split(' ').length >= 2)) candidates.push(name);
  }
  return candidates.map((name) => ({ ...name, role: proseRole(text, name), structural: false }));
}


export function recognisePeople(index: TextIndex): PersonEntity[] {
  // The first source to name a stretch of text keeps it: signature, then fields, then prose.
  const kept = new DisjointRanges<Mention>();
  for (const mention of [...signatureMentions(index), ...addresseeMentions(index), ...bylineMentions(index), ...fieldMentions(index), ...nameBesidePostMentions(index), ...proseMentions(index)]) kept.add(mention);
  const mentions = [...kept.ranges];
  // A later "Councillor Ford" or "Dr Mensah" is the person named in full elsewhere (the first full name with that word).
  const fullNameOf = new Map<string, string>();
  for (const mention of mentions) {
    if (!mention.name.includes(' ')) continue;
    for (const word of mention.name.split(' ')) if (!fullNameOf.has(word)) fullNameOf.set(word, mention.name);
  }
  const canonical = (name: string) => (name.includes(' ') ? name : (fullNameOf.get(name) ?? name));
  // One role per person: a signature or header row says most, a verb of saying least.
  const strength = (mention: Mention) => (mention.structural ? 2 : mention.role === SPOKESPERSON ? 0 : 1);
  const roles = new Map<string, string>();
  for (const mention of [...mentions].sort((a, b) => strength(b) - strength(a))) {
    const name = canonical(mention.name);
    if (mention.role && !roles.has(name)) roles.set(name, mention.role);
  }
  return mentions.map((mention) => {
    const name = canonical(mention.name);
    return { ...index.entity(mention.start, mention.end), name, role: roles.get(name) ?? null };
  });
}
