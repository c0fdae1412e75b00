/**
 * People and their roles. A name is taken only where the document frames it as a person's: a
 * signature block, a header row ("Cabinet Member:\tCouncillor …"), an honorific, a role beside
 * it ("the independent advisor, Jane Doe,"), a verb of saying, or a first name compromise's
 * lexicon knows followed by a surname. Capitalised phrases alone ("Improvement Grant") are not
 * people.
 */
import { readFileSync } from 'node:fs';
import { linesOf, type NormalisedDocument } from '../normalise/index.js';
import { projectPath } from '../paths.js';
import type { DocumentKind, PersonEntity, Segmented } from '../record.js';
import { entityAt, matchesIn } from './spans.js';

const HONORIFIC = String.raw`(?:Councillor|Cllr|Dr|Mr|Mrs|Ms|Miss|Mx|Sir|Dame|Professor|Prof|Lord|Lady|Baroness|Baron|Rev|Revd|Reverend)\.?`;

/**
 * Capitalised words that end a name: job titles, post-nominals and the words of organisations,
 * so that "Jane Doe Project Manager" is "Jane Doe".
 */
const NOT_NAME_WORDS = new Set(
  (
    'a an the for of and to from with at by in on said says will has have is was who ' +
    'project programme manager director head officer lead leader assistant chief executive senior principal service services strategic ' +
    'interim deputy corporate cabinet member councillor cllr team commissioner adviser advisor consultant coordinator analyst specialist partner ' +
    'business regional national hmi inspector chair chairman chairperson minister secretary state mayor council department borough county city ' +
    'district children childrens education improvement board ofsted dfe mp obe cbe mbe kc qc frs phd portfolio holder report author contact ' +
    'operations practice social care safeguarding partnership group health nhs police government ministry office trust agency commission ' +
    'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday ' +
    'london england royal street road square avenue lane way drive close crescent gardens terrace place house hall centre park court'
  ).split(' '),
);

const NAME_WORD = /^(?:(?:Mc|Mac|O'|D')?[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*|[A-Z]\.?)$/;

/** Words that are names and more: the name is written as `text` but recorded as `name`. */
interface NameAt {
  start: number;
  end: number;
  name: string;
}

/**
 * The name that starts at `offset` (after any honorific): two to four name words, or one after
 * an honorific ("Mr Smith"). Stops at a title or organisation word.
 */
export function nameAt(text: string, offset: number, maxWords = 4): NameAt | null {
  const honorific = new RegExp(`^(?:${HONORIFIC}\\s+)+`).exec(text.slice(offset, offset + 40));
  const words: { text: string; end: number }[] = [];
  const wordPattern = /[A-Za-z][A-Za-z'.-]*/y;
  wordPattern.lastIndex = offset + (honorific?.[0].length ?? 0);
  for (let match = wordPattern.exec(text); match && words.length < maxWords; match = wordPattern.exec(text)) {
    // An initial keeps its full stop; a sentence's full stop or a possessive ends the name.
    const word = /^[A-Z]\.$/.test(match[0]) ? match[0] : match[0].replace(/(?:'s?|\.)$/, '');
    if (!NAME_WORD.test(word) || NOT_NAME_WORDS.has(word.toLowerCase().replace(/'/g, ''))) break;
    words.push({ text: word, end: match.index + word.length });
    if (word !== match[0] && !/^[A-Z]\.$/.test(word)) break;
    if (text[wordPattern.lastIndex] !== ' ') break;
    wordPattern.lastIndex++;
  }
  while (words.length > 0 && /^[A-Z]\.?$/.test(words[words.length - 1].text)) words.pop();
  if (words.length < (honorific ? 1 : 2)) return null;
  return { start: offset, end: words[words.length - 1].end, name: words.map((word) => word.text).join(' ') };
}

interface Mention extends NameAt {
  role: string | null;
  /** Structural sources (signature, header rows) decide a person's role over prose. */
  structural: boolean;
}

/** Header rows whose key says whose name the value holds. */
const ROW_ROLES: [RegExp, string][] = [
  [/cabinet member|portfolio\b|lead member|executive member/i, 'cabinet_member'],
  [/author|contact officer|report writer/i, 'report_author'],
  [/\bslt\b|lead officer|responsible officer|senior leadership|director/i, 'slt_lead'],
  [/\bchair/i, 'chair'],
];

/** A label alone on its line ("Author", "Contact officer:"), its value on the next line. */
const LABEL_LINE = /^[A-Z][A-Za-z ]{0,40}:?$/;
/** A label and its value on one line, written with a colon ("Report author: Daniel Okafor"). */
const LABELLED_LINE = /^[A-Z][A-Za-z ]{0,40}:\s+/;

function headerRowMentions(doc: NormalisedDocument, segmented: Segmented): Mention[] {
  const lines = linesOf(doc.text);
  const rows = [
    ...segmented.header_table.map((row) => ({ key: row.key, valueStart: doc.text.indexOf(row.value, row.span.start) })),
    ...lines.flatMap((line, i) => {
      const tab = line.text.indexOf('\t');
      if (tab > 0) return [{ key: line.text.slice(0, tab), valueStart: line.start + tab + 1 }];
      const labelled = LABELLED_LINE.exec(line.text);
      if (labelled) return [{ key: labelled[0], valueStart: line.start + labelled[0].length }];
      const next = lines[i + 1];
      return next && LABEL_LINE.test(line.text) && line.text.split(' ').length <= 4 ? [{ key: line.text, valueStart: next.start }] : [];
    }),
  ];
  return rows.flatMap(({ key, valueStart }): Mention[] => {
    const role = ROW_ROLES.find(([pattern]) => pattern.test(key))?.[1];
    const name = role && valueStart >= 0 ? nameAt(doc.text, valueStart) : null;
    return role && name ? [{ ...name, role, structural: true }] : [];
  });
}

/**
 * The signatory: the first name on the lines after "Signed:" (or "Yours sincerely"), alone on
 * its line or followed by a title ("Jane Doe A senior civil servant …"). A one-word
 * scribble of a signature is no name.
 */
function signatureMentions(doc: NormalisedDocument, segmented: Segmented): Mention[] {
  const lines = linesOf(doc.text);
  const starts = lines.flatMap((line, i) => (/^\W*(signed|yours (sincerely|faithfully))\b/i.test(line.text) ? [i] : []));
  const signatureLine = segmented.signature?.span ? lines.findIndex((line) => line.end >= segmented.signature!.span.start) : -1;
  if (signatureLine >= 0) starts.push(signatureLine);
  const mentions: Mention[] = [];
  for (const first of starts) {
    for (const line of lines.slice(first, first + 7)) {
      const afterLabel = /^\W*(?:signed|date|yours (?:sincerely|faithfully))\b[^\t]*?:?\s*/i.exec(line.text);
      if (afterLabel && /date/i.test(afterLabel[0])) continue;
      const offset = line.start + (afterLabel?.[0].length ?? 0);
      const name = nameAt(doc.text, offset);
      const rest = name ? doc.text.slice(name.end, line.end) : '';
      if (name && (rest === '' || /^\s*(?:[,\-\u2013]|\(|A |An |The |[A-Z][a-z]+ [A-Z])/.test(rest) || /^\s+[A-Za-z]/.test(rest))) {
        mentions.push({ ...name, role: 'signatory', structural: true });
        break;
      }
    }
  }
  return mentions;
}

/** Role words beside a name, read from the words before it or the apposition after it. */
const PROSE_ROLES: [RegExp, string][] = [
  [/cabinet member|lead member|portfolio holder/i, 'cabinet_member'],
  [/\bHMI\b|inspector/i, 'hmi'],
  [/advis[eo]r/i, 'adviser'],
  [/commissioner/i, 'commissioner'],
  [/chief executive/i, 'chief_executive'],
  [/director/i, 'director'],
  [/leader of/i, 'council_leader'],
  [/\bchair/i, 'chair'],
  [/minister|secretary of state/i, 'minister'],
];

/** The role of anyone quoted: a person's other role, where known, says more. */
const SPOKESPERSON = 'spokesperson';

function roleIn(phrase: string): string | null {
  return PROSE_ROLES.find(([pattern]) => pattern.test(phrase))?.[1] ?? null;
}

/** Where prose frames a following name as a person's. */
const CUES_BEFORE = [
  new RegExp(`\\b${HONORIFIC}\\s+(?=[A-Z])`, 'g'),
  /\b(?:HMI|[Aa]dvis[eo]r|[Cc]ommissioner|[Cc]hief [Ee]xecutive|[Dd]irector|[Ii]nspector|[Cc]hair|[Mm]inister|[Ss]pokesperson)(?: (?:of|for) [^,.;\n]{1,40},|,?) +(?=[A-Z][a-z])/g,
  /\b(?:letter from|said|according to|written by|signed by|led by|chaired by|contact) +(?=[A-Z][a-z])/g,
];

/** Words after a name that frame it as a person's. */
const CUE_AFTER = /^(?:\s+HMI\b|,?\s+(?:said|says|added|commented|explained|told)\b|,\s+(?:the\s+)?(?:[A-Z][\w']*\s+)*(?:[Cc]abinet [Mm]ember|[Dd]irector|[Cc]hief [Ee]xecutive|[Ll]eader|[Cc]hair|[Aa]dvis[eo]r|[Hh]ead|[Mm]anager|[Cc]ommissioner|[Ii]nspector|[Mm]inister|[Ss]ecretary)\b)/;

function proseRole(text: string, name: NameAt): string | null {
  const before = text.slice(Math.max(0, name.start - 60), name.start).split(/[.;:\n]/).pop() ?? '';
  const apposition = /^\s*(?:HMI\b|,[^,.;\n]{0,100})/.exec(text.slice(name.end))?.[0] ?? '';
  const role = roleIn(text.slice(name.start, name.end).split(' ')[0]) ?? roleIn(before.split(',').slice(-2).join(',')) ?? roleIn(apposition);
  if (role) return role;
  return /^,?\s+(?:said|says|added|commented|explained|told)\b/.test(text.slice(name.end)) ? SPOKESPERSON : null;
}

const CAPITALISED_WORD = /\b[A-Z][a-z]+\b/g;
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

function proseMentions(doc: NormalisedDocument): Mention[] {
  const text = doc.text;
  const candidates: NameAt[] = [];
  for (const cue of CUES_BEFORE) {
    for (const { end } of matchesIn(text, cue)) {
      const honorific = new RegExp(`(?<!\\w)(?:${HONORIFIC}\\s+)+$`).exec(text.slice(Math.max(0, end - 40), end));
      const name = nameAt(text, honorific ? end - honorific[0].length : end);
      if (name) candidates.push(name);
    }
  }
  for (const word of matchesIn(text, CAPITALISED_WORD)) {
    if (!isFirstName(word.match[0])) continue;
    const name = nameAt(text, word.start);
    if (name && (CUE_AFTER.test(text.slice(name.end)) || name.name.split(' ').length >= 2)) candidates.push(name);
  }
  return candidates.map((name) => ({ ...name, role: proseRole(text, name), structural: false }));
}

function sameStart(a: Mention, b: Mention): boolean {
  return a.start === b.start || (a.start < b.end && b.start < a.end);
}

export function recognisePeople(doc: NormalisedDocument, segmented: Segmented, _kind: DocumentKind): PersonEntity[] {
  const mentions: Mention[] = [];
  for (const mention of [...signatureMentions(doc, segmented), ...headerRowMentions(doc, segmented), ...proseMentions(doc)]) {
    if (!mentions.some((known) => sameStart(known, mention))) mentions.push(mention);
  }
  // A later "Councillor Ford" or "Dr Mensah" is the person named in full elsewhere.
  const fullNames = [...new Set(mentions.map((mention) => mention.name).filter((name) => name.includes(' ')))];
  const canonical = (name: string) => (name.includes(' ') ? name : (fullNames.find((full) => full.split(' ').includes(name)) ?? name));
  // One role per person: a signature or header row says most, a verb of saying least.
  const strength = (mention: Mention) => (mention.structural ? 2 : mention.role === SPOKESPERSON ? 0 : 1);
  const roles = new Map<string, string>();
  for (const mention of [...mentions].sort((a, b) => strength(b) - strength(a))) {
    const name = canonical(mention.name);
    if (mention.role && !roles.has(name)) roles.set(name, mention.role);
  }
  return mentions
    .sort((a, b) => a.start - b.start)
    .map((mention) => {
      const name = canonical(mention.name);
      return { ...entityAt(doc, mention.start, mention.end), name, role: roles.get(name) ?? null };
    });
}
