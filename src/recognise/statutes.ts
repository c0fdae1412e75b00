/**
 * Statutes: every mention of an Act, with the section cited where there is one, by canonical
 * title ("Children Act 2004"). Acts and their other spellings come from pipelines/statutes.json.
 */
import { readFileSync } from 'node:fs';
import type { StatuteEntity } from '../record.js';
import { projectPath } from '../paths.js';
import { longestDisjoint, matchesIn } from './spans.js';
import type { TextIndex } from './text-index.js';

interface KnownAct {
  name: string;
  year: number;
  aliases?: string[];
  default?: boolean;
  sections: string[];
}

let acts: KnownAct[] | null = null;

function knownActs(): KnownAct[] {
  acts ??= (JSON.parse(readFileSync(projectPath('pipelines/statutes.json'), 'utf8')) as { acts: KnownAct[] }).acts;
  return acts;
}

const title = (act: KnownAct) => `${act.name} ${act.year}`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const nameKey = (name: string) => name.toLowerCase().replace(/'/g, '');

const SECTION = String.raw`(\d+[A-Z]{0,2})(?:\(\w{1,4}\))*`;
/** "section 149 of the", "s.11", "s 6", "sections 17 and 47 of the" — just before an Act's name. */
const SECTIONS_BEFORE = new RegExp(String.raw`\b(?:[Ss]ections?|[Ss]{1,2}\.?) ?${SECTION}((?:(?:, ?| and | or | & )\d+[A-Z]{0,2}(?:\(\w{1,4}\))*)*) (?:of )?(?:the )?$`);
/** "(Section 11)", "(s11)", ", section 17", " s.11" — just after it. */
const SECTION_AFTER = new RegExp(String.raw`^(?: ?\( ?(?:[Ss]ection|[Ss]\.?) ?${SECTION}[^)\n]{0,20}\)|,? (?:[Ss]ection|[Ss]\.?) ?${SECTION}\b)`);

interface ActMention {
  start: number;
  end: number;
  /** The Act's name as a key of the table, or its title as written for an Act the table lacks. */
  name: string;
  year: number | null;
}

/** Every Act named: those of the table by any spelling, others where written with a year. */
function actMentions(text: string): ActMention[] {
  const names = [...new Set(knownActs().flatMap((act) => [act.name, ...(act.aliases ?? [])]))].sort((a, b) => b.length - a.length);
  const known = new RegExp(String.raw`(?<![\w'])(${names.map(escape).join('|')})(?: (\d{4}))?(?![\w'])`, 'g');
  const knownMentions: ActMention[] = matchesIn(text, known).map(({ match, start, end }) => ({
    start,
    end,
    name: match[1],
    year: match[2] ? Number(match[2]) : null,
  }));
  // A title is at most a dozen words: the bounded repetition keeps matching linear in a long run of capitalised words.
  const titled = /(?<![\w'])[A-Z][A-Za-z']*(?: (?:[A-Z][A-Za-z']*|\([A-Z][a-z]+\)|and|of|for)){0,12}? Act (\d{4})(?![\w'])/g;
  const titledMentions = matchesIn(text, titled).map(({ match, start, end }) => {
    const leading = /^(?:(?:The|the|This|That|Under|Of|And|For|In|On|By|See|Section|Sections) )+/.exec(match[0])?.[0].length ?? 0;
    return { start: start + leading, end, name: match[0].slice(leading, -5), year: Number(match[1]) };
  });
  // A longer title holds a known name ("Adoption and Children Act 2002" is not the Children Act).
  return longestDisjoint([...titledMentions, ...knownMentions]);
}

/**
 * The canonical title of a mention. A name written without its year is the Act of that name
 * whose cited sections include the section, else the one the document names with a year, else
 * the table's default.
 */
function resolve(mention: ActMention, section: string | null, named: Set<string>): string {
  const candidates = knownActs().filter((act) => [act.name, ...(act.aliases ?? [])].some((name) => nameKey(name) === nameKey(mention.name)));
  if (candidates.length === 0) return `${mention.name} ${mention.year}`;
  const withYear = candidates.find((act) => act.year === mention.year);
  if (withYear) return title(withYear);
  if (mention.year !== null) return `${candidates[0].name} ${mention.year}`;
  const bySection = section ? candidates.filter((act) => act.sections.includes(section)) : [];
  const choice =
    (bySection.length === 1 ? bySection[0] : undefined) ??
    candidates.find((act) => named.has(title(act))) ??
    candidates.find((act) => act.default) ??
    candidates[0];
  return title(choice);
}

export function recogniseStatutes(index: TextIndex): StatuteEntity[] {
  const text = index.text;
  const mentions = actMentions(text);
  const named = new Set(mentions.filter((mention) => mention.year !== null).map((mention) => resolve(mention, null, new Set())));
  return mentions.flatMap((mention) => {
    const lineStart = index.lineAt(mention.start).start;
    const before = SECTIONS_BEFORE.exec(text.slice(Math.max(lineStart, mention.start - 80), mention.start));
    const after = SECTION_AFTER.exec(text.slice(mention.end, mention.end + 40));
    const sections = before
      ? [before[1], ...[...before[2].matchAll(/\d+[A-Z]{0,2}/g)].map((m) => m[0])]
      : after
        ? [after[1] ?? after[2]]
        : [null];
    const start = before ? mention.start - before[0].length : mention.start;
    const end = after && !before ? mention.end + after[0].length : mention.end;
    return sections.map((section) => ({ ...index.entity(start, end), act: resolve(mention, section, named), section }));
  });
}

/**
 * The distinct (act, section) pairs a document cites: an Act named without a section counts
 * only where the document cites no section of it.
 */
export function citedStatutes(statutes: Pick<StatuteEntity, 'act' | 'section'>[]): { act: string; section: string | null }[] {
  const cited = new Map<string, { act: string; section: string | null }>();
  for (const { act, section } of statutes) cited.set(`${act}\u0000${section ?? ''}`, { act, section });
  return [...cited.values()]
    .filter((pair) => pair.section !== null || !statutes.some((other) => other.act === pair.act && other.section !== null))
    .sort((a, b) => a.act.localeCompare(b.act) || (a.section ?? '').localeCompare(b.section ?? ''));
}
