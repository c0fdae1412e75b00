/**
 * People's names as documents write them, shared by the segmenter (the signature block) and the
 * people recogniser: one reader of a name, so that the signatory the signature block holds and
 * the person the recogniser lists are the same. A name is two to five name words ("Jane Doe",
 * "J. A. Okafor", "Anne-Marie van der Berg", "Seán O'Donnell"), or one after an honorific
 * ("Mr Smith"); in a block written in capitals ("MARIA DE SOUZA") it is given in the usual
 * mixed case. It stops at a title or organisation word ("Jane Doe Project Manager").
 */
import { MONTH_NAMES, WEEKDAY_NAMES } from './calendar.js';

export const HONORIFIC = String.raw`(?:Councillor|Cllr|Dr|Mr|Mrs|Ms|Miss|Mx|Sir|Dame|Professor|Prof|Lord|Lady|Baroness|Baron|Rev|Revd|Reverend)\.?`;

/** Capitalised words that end a name: job titles, post-nominals, organisation and place words. */
const NOT_NAME_WORDS = new Set([
  ...(
    'a an the for of and to from with at by in on said says will has have is was who ' +
    'project programme manager director head officer lead leader assistant chief executive senior principal service services strategic ' +
    'interim deputy corporate cabinet member councillor councillors cllr cllrs team commissioner adviser advisor consultant coordinator analyst specialist partner ' +
    'business regional national hmi inspector chair chairman chairperson minister secretary state mayor council department borough county city ' +
    'district children childrens education improvement board ofsted dfe mp obe cbe mbe kc qc frs phd portfolio holder report author contact ' +
    'operations practice social care safeguarding partnership group health nhs police government ministry office trust agency commission ' +
    'london england royal street road square avenue lane way drive close crescent gardens terrace place house hall centre park court ' +
    'metropolitan unitary communications media press news release ' +
    // Words that open or close a capitalised phrase no name has: pronouns ("His Majesty's Inspector"), and the
    // nouns of bodies, services and newspapers that a place or a first name begins ("Chester Hospital", "the Beverley Star").
    'his her its our their my your majesty people family families hospital school college academy university ' +
    'star gazette herald echo chronicle telegraph advertiser mercury times journal ' +
    // The labels of a committee paper's header rows, that stand where a name would ("Decision Maker<TAB>Cabinet Member").
    'decision maker members ' +
    'signed dated date yours sincerely faithfully behalf'
  ).split(' '),
  ...MONTH_NAMES,
  ...WEEKDAY_NAMES,
]);

/** First names that are also words a name stops at. */
const FIRST_NAMES_THAT_ARE_WORDS = new Set(['will']);

/** The small words of surnames written in lower case between name words ("van der Berg", "ap Gwilym"). */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'di', 'du', 'del', 'della', 'le', 'la', 'ap', 'bin', 'ibn', 'al', 'el', 'dos', 'das', 'ter', 'ten']);

/** A name word in mixed case: `Okafor`, `McKenzie`, `O'Neill`, `Smith-Jones`, `Seán`; or an initial, `J.`, `J.A.`. */
const MIXED_WORD = /^(?:(?:Mc|Mac|O'|D')?\p{Lu}\p{Ll}+(?:[-']\p{Lu}?\p{Ll}+)*|\p{Lu}\.?|(?:\p{Lu}\.){2,3})$/u;
/** A name word in capitals: `OKAFOR`, `O'DONNELL`, `SMITH-JONES`. */
const CAPITALS_WORD = /^(?:\p{Lu}')?\p{Lu}{2,}(?:[-']\p{Lu}+)*$/u;
const INITIALS = /^(?:\p{Lu}\.?|(?:\p{Lu}\.){2,3})$/u;

export interface NameAt {
  start: number;
  end: number;
  /** The name as a reader writes it: without honorifics, in mixed case. */
  name: string;
}

export interface NameOptions {
  /** At most this many words (particles and initials included). */
  maxWords?: number;
  /** Accept a name written in capitals: in blocks (signatures, labelled rows), never in prose, where capitals are acronyms. */
  capitals?: boolean;
}

/** A word in capitals as it is written in mixed case: `O'DONNELL` → `O'Donnell`, `MCKENZIE` → `McKenzie`, `DE` → `de`. */
function mixedCase(word: string, first: boolean): string {
  const lower = word.toLowerCase();
  if (!first && PARTICLES.has(lower)) return lower;
  return lower.replace(/(^|[-'’])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase()).replace(/^Mc(\p{Ll})/u, (_, letter: string) => `Mc${letter.toUpperCase()}`);
}

/** Honorifics in any case ("CLLR" in a block in capitals), but capitalised: "miss" is a verb. Compiled once: names are looked for at every capitalised word. */
const HONORIFICS_AT_START = new RegExp(`^(?:(?=\\p{Lu})${HONORIFIC}\\s+)+`, 'iu');

/**
 * The name that starts at `offset` (after any honorific), or null.
 */
export function nameAt(text: string, offset: number, options: NameOptions = {}): NameAt | null {
  const maxWords = options.maxWords ?? 5;
  const honorific = HONORIFICS_AT_START.exec(text.slice(offset, offset + 40));
  const words: { text: string; end: number }[] = [];
  const wordPattern = /\p{L}[\p{L}'’.-]*/uy;
  wordPattern.lastIndex = offset + (honorific?.[0].length ?? 0);
  let capitals: boolean | null = null;
  for (let match = wordPattern.exec(text); match && words.length < maxWords; match = wordPattern.exec(text)) {
    // An initial keeps its full stop; a sentence's full stop or a possessive ends the name.
    const written = match[0].replace(/’/g, "'");
    const word = /^(?:\p{Lu}\.)+$/u.test(written) ? written : written.replace(/(?:'s?|\.)$/, '');
    const key = word.toLowerCase().replace(/'/g, '');
    const particle = words.length > 0 && PARTICLES.has(key) && (capitals ? word === word.toUpperCase() : word === key);
    const inCapitals = !INITIALS.test(word) && CAPITALS_WORD.test(word);
    if (!particle) {
      // A first name that is also a word the list stops at ("Will Okafor") opens a name where a name word follows.
      if (NOT_NAME_WORDS.has(key) && !(words.length === 0 && FIRST_NAMES_THAT_ARE_WORDS.has(key) && /^ \p{Lu}\p{Ll}/u.test(text.slice(match.index + word.length, match.index + word.length + 3)))) break;
      if (inCapitals ? !options.capitals : !MIXED_WORD.test(word)) break;
      if (!INITIALS.test(word)) {
        // One name is written one way: all in capitals, or none.
        if (capitals !== null && capitals !== inCapitals) break;
        capitals = inCapitals;
      }
    }
    words.push({ text: word, end: match.index + word.length });
    if (word !== written && !/^(?:\p{Lu}\.)+$/u.test(word)) break;
    if (text[wordPattern.lastIndex] !== ' ') break;
    wordPattern.lastIndex++;
  }
  // A name ends on a name word, not on an initial or a particle.
  while (words.length > 0 && (INITIALS.test(words[words.length - 1].text) || PARTICLES.has(words[words.length - 1].text.toLowerCase()))) words.pop();
  const named = words.filter((word) => !INITIALS.test(word.text) && !PARTICLES.has(word.text.toLowerCase())).length;
  if (named === 0 || words.length < (honorific ? 1 : 2)) return null;
  const name = words.map((word, i) => (capitals ? mixedCase(word.text, i === 0) : word.text)).join(' ');
  return { start: offset, end: words[words.length - 1].end, name };
}
