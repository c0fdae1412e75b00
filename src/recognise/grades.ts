/**
 * Ofsted grades on the four-point scale, from judgement tables (`area<TAB>grade` rows) and from
 * prose ("its 'Inadequate' Ofsted rating", "found to be Good overall").
 *
 * What is a grade in prose: a grade word in quotes, or after a verb of judging ("judged",
 * "graded", "rated", "found to be"). An unquoted adjective ("inadequate inspection findings",
 * "a good understanding") is not, nor is the scale listed in brackets ("(outstanding, good,
 * requires improvement to be good and inadequate)").
 *
 * Double counting: a prose mention that repeats an (area, grade) a judgement table in the same
 * document already gives ("the overall 'inadequate' judgement" after a table whose overall
 * effectiveness is Inadequate) refers back to that judgement and is not a grade of its own.
 *
 * Earlier grades: a grade in a sentence about a previous or earlier inspection, or one told as
 * earlier than the document's other grades (EARLIER_THAN_ANOTHER), is kept with
 * `current: false`; `when` is the first date written in the grade's sentence.
 */
import type { CouncilEntity, DateEntity, DateRangeEntity, GradeEntity, GradeValue, JudgementArea } from '../record.js';
import { findPublisher } from '../classify/publisher.js';
import { reportsOnAProvider } from './councils.js';
import type { TextIndex } from './text-index.js';

/** A grade as written; "require improvement" is the grade in a verb's form ("services were found to require improvement to be good"). */
const GRADE_WORD = "(outstanding|good|requir(?:e[sd]?|ing)\\s+improvement(?:\\s+(?:in\\s+order\\s+)?to\\s+be\\s+good)?|inadequate)";

function gradeValue(written: string): GradeValue {
  const key = written.toLowerCase();
  if (key.startsWith('requir')) return 'requires_improvement';
  return key as GradeValue;
}

/** Area names, current and older (pre-2018 SIF) wording; the first that matches wins. */
const AREAS: Array<[RegExp, JudgementArea]> = [
  [/\bimpact of leaders\b|\bleadership,? management,? and governance\b|\bleadership and management\b|\beffectiveness of leaders\b/i, 'impact_of_leaders'],
  [/\bhelp and protection\b|\bneed of help\b/i, 'help_and_protection'],
  [/\bchildren (?:in care|looked after)\b|\blooked[- ]after children\b|\bachieving permanence\b/i, 'children_in_care'],
  [/\bcare leavers\b|\bleaving care\b/i, 'care_leavers'],
  [/\boverall\b/i, 'overall_effectiveness'],
];

/**
 * A grade as a judgement table or list gives it: the four-point scale, and the 2009–2013
 * frameworks' "adequate" (in prose "adequate" is a plain adjective, "adequate staffing", and is
 * read as a grade only in a judgement row).
 */
const ROW_GRADE_WORD = GRADE_WORD.replace('|inadequate)', '|inadequate|adequate)');
/**
 * A judgement row: area and grade split by a tab, a colon ("Adoption performance: Requires
 * improvement") or a spaced dash ("• overall effectiveness – inadequate"), the forms a table
 * takes as text and as a list.
 */
const TABLE_ROW = new RegExp(`^([^\\t:]+?)(?:\\t|:|\\s+[-\u2013\u2014]\\s+)\\s*${ROW_GRADE_WORD}\\s*\\.?$`, 'i');
/**
 * A row of a ratings table however it is laid out (split as TABLE_ROW, or aligned with spaces):
 * in another inspectorate's report it is theirs, neither a row nor a sentence of Ofsted's.
 */
const RATED_ROW = new RegExp(`^[^\\t:]+?(?:\\t|:|\\s{2,}|\\s+[-\u2013\u2014]\\s+)\\s*${ROW_GRADE_WORD}\\s*\\.?$`, 'i');
/**
 * The judgements as the frameworks' tables name them (ILACS, the single inspection framework,
 * the LSCB review): a line that opens so, and holds no verb (a sentence about the area is
 * none), is a row of a judgement list however it is laid out —
 * the grade after spaces ("Children who need help and protection Requires improvement") or on
 * the line below.
 */
const JUDGEMENT_LABEL = /^(?![^\n]*\b(?:is|are|was|were|be|been|being|remains?|remained|has|have|had)\b)(?:\s*(?:\d+(?:\.\d+)*\.?|[\u2022*-])\s+)?(?:the\s+)?(?:impact\s+of\s+leaders|experiences\s+and\s+progress\s+of|children\s+who\s+need\s+help|children\s+looked\s+after|adoption\s+performance|capacity\s+(?:for|to)\s+improve(?:ment)?|leadership,?\s+management|overall\s+(?:effectiveness|judgement)|(?:review\s+of\s+)?the\s+effectiveness\s+of\s+the\s+(?:local\s+safeguarding|LSCB))[^.;!?]*$/i;
const LABEL_THEN_GRADE = new RegExp(`^(.+?)\\s+${ROW_GRADE_WORD}\\s*\\.?$`, 'i');
const QUOTED = new RegExp(`(["'\u2018\u201c])${GRADE_WORD}["'\u2019\u201d]`, 'gi');

/**
 * Where a grade is said of something, a judging verb ("judged", "rated", "found", "judging")
 * with what it judged between them ("judged the overall effectiveness of services to be
 * inadequate", "rated the services inadequate", "judging them inadequate"); the object stays
 * within its sentence, and "as good as" compares rather than grades.
 */
const JUDGING_VERB = '(?:judged|graded|rated|found|assessed|considered|judging|rating|grading|judges|rates|grades)';
const AFTER_VERB = new RegExp(`\\b${JUDGING_VERB}\\s+(?:([^.;:!?"]{1,160}?)\\s+)?(?:as|to\\s+be|to)\\s+${GRADE_WORD}\\b(?!\\s+as\\b)`, 'gi');
/** The grade straight after the verb or its short object, without "as" or "to be": "judged inadequate", "rated the services inadequate", "judged services inadequate". */
/** The grade straight after a verb and a name ("rated Essex outstanding", "judged North Tyneside good"): the name's words capitalised (NAME). */
const NAMED_AFTER_VERB = new RegExp(`\\b${JUDGING_VERB}\\s+((?:[A-Z][\\w'\u2019-]*\\s+){1,4})${GRADE_WORD}\\b(?!\\s+as\\b)`, 'gi');
const NAME = /^(?:[A-Z][\w'\u2019-]*\s+)+$/;
const BARE_AFTER_VERB = new RegExp(`\\b${JUDGING_VERB}\\s+((?:them|it|(?:[\\w-]+['\u2019]s\\s+)?(?:children['\u2019]s\\s+)?services|(?:the|its|their|our|these|those|this|that)\\s+[^.;:!?"]{1,60}?)\\s+)?${GRADE_WORD}\\b(?!\\s+as\\b)`, 'gi');
/**
 * A grade said with "to be" or as a verb of its own: "Ofsted's overall judgement was
 * inadequate", "those services remain inadequate", "the experiences of care leavers also
 * required improvement", "had been rated as requiring improvement". The grade ends its phrase
 * (a grade word before a noun, "good practice", is an adjective), or its line where the next
 * opens a sentence of its own (an older report's headline, "The overall judgement is that
 * children's services are good"; not a line wrapped mid-sentence, "are good⏎enough").
 */
/** A grade at a line's end whose sentence runs on, in lower case, onto the next line ("are good⏎enough"), but not onto the words that close a grade's phrase. */
const WRAPPED_ON = /^[ \t]*\n\s*(?!(?:overall|for|in|across|and|as|with|according)\b)[a-z]/;
const PREDICATE = new RegExp(
  `\\b(?:is|are|was|were|remain|remains|remained|be|been)\\s+(?:(?:also|still|each|both|all)\\s+)?${GRADE_WORD}(?=\\s*(?:[.,;:)]|$|\\n|\\b(?:overall|for|in|across|and|as|with|according)\\b))` +
    `|\\b(require[sd]?\\s+improvement(?:\\s+(?:in\\s+order\\s+)?to\\s+be\\s+good)?|requiring\\s+improvement(?:\\s+(?:in\\s+order\\s+)?to\\s+be\\s+good)?)\\b`,
  'gi',
);
/** A grade word next to another in a list ("good, requires improvement and inadequate") or a table's header row (grades split by tabs): the scale, not a grade. */
const LISTED_BEFORE = new RegExp(`${GRADE_WORD}["']?(?:\\s*(?:,|\\bor|\\band)|\\t)\\s*["']?$`, 'i');
const LISTED_AFTER = new RegExp(`^["']?(?:\\s*(?:,|or\\b|and\\b)|\\t)\\s*["']?${GRADE_WORD}`, 'i');
/** A grade denied ("services are no longer inadequate", "were not judged good") is no judgement made. */
const NEGATED = /\b(?:no\s+longer|not|never|n['\u2019]t)\s+(?:(?:be|been|being|judged|rated|graded|found|considered|as|to)\s+)*["'\u2018\u201c]?$/i;
const GRADE_WITHIN = new RegExp(`\\b${GRADE_WORD}\\b`, 'i');
const GRADE_ONLY = new RegExp(`^(?:${GRADE_WORD}|requiring\\s+improvement(?:\\s+(?:in\\s+order\\s+)?to\\s+be\\s+good)?)$`, 'i');
/** A grade of an earlier inspection named as such ("at its previous inspection", "previously rated"). */
const NAMED_EARLIER = /\b(?:previous|prior|earlier|former)\s+(?:full\s+|standard\s+|ILACS\s+|SIF\s+)?(?:inspection|judgement|report|visit|time)s?\b|\blast\s+time\b|\bpreviously\b/i;
/**
 * A grade that may be earlier than another the document tells: in the past perfect ("in 2019 the
 * service had been judged good") or of the last inspection ("rated good when it was last
 * inspected"), or of the first ("at its first inspection, in 2014"; "the first time" it was rated so
 * is no inspection). It is earlier where the document's current grades judge its area otherwise (now
 * inadequate overall, good when last inspected); else it is of the same inspection ("at its last
 * full inspection Ofsted rated Essex outstanding overall. Children in care were judged good"),
 * the past perfect only the tense of reported speech (minutes: "the Director reminded members
 * that Ofsted had judged services inadequate") and the last inspection the most recent one.
 */
const EARLIER_THAN_ANOTHER = /\bhad\s+(?:been\s+)?(?:judged|rated|graded|found|assessed)\b|\b(?:last|first)\s+(?:full\s+|standard\s+|ILACS\s+|SIF\s+)?(?:inspection|judgement|report|visit)s?\b|\blast\s+(?:[\w-]+\s+){0,4}?(?:inspected|inspection|judged|rated|graded|visited)\b/i;
/** The framework's four areas that a grade for "all other areas" or "all four areas" spreads over. */
const FRAMEWORK_AREAS: JudgementArea[] = ['impact_of_leaders', 'help_and_protection', 'children_in_care', 'care_leavers'];
/**
 * A grade's scope set after it: "for care leavers", "in A and B", "for the impact of leaders and
 * for …", after "overall" ("good overall, for the impact of leaders and for …"). It runs to the
 * next clause, a ", and" that carries on the list ("overall, and for help and protection") none.
 */
const SCOPE_AFTER = /^\s*['"\u2019\u201d]?\s*(?:overall\s*,?\s*(?:and\s+)?)?(?:for|in|across)\s+/i;
const SCOPE_END = /;|,\s+(?:and|but|while|whereas)\b(?!\s+(?:for|in)\b)/;
const ALL_OTHER_AREAS = /\b(?:in\s+)?(?:all|every|each|the)\s+(?:of\s+the\s+)?other\s+(?:(?:two|three|four)\s+)?(?:judgement\s+)?areas?\b/i;
/**
 * A grade for every judgement, set straight after it ("outstanding overall and in every
 * judgement area", "inadequate in every judgement except …"): every judgement is the
 * framework's areas and the overall effectiveness, every judgement area the areas alone; what
 * follows "except" is left out.
 */
const EVERY_JUDGEMENT = /^\s*['"\u2019\u201d]?\s*(overall\s*(?:,|and)\s*)?(?:in|across|for)\s+(?:all|every|each)\s+(?:of\s+the\s+)?(?:(?:four|five)\s+)?(judgement\s+areas?|areas?|judgements?)\b(?:\s*,?\s*(?:except|other\s+than|apart\s+from|but)\s+([^.;]*))?/i;
/** "in all four areas:" with the areas listed below as bullets. */
const ALL_AREAS_LISTED = /\bin\s+(?:all|each\s+of\s+the|every\s+one\s+of\s+the)\s+(?:four|five|three)?\s*(?:judgement\s+)?areas\s*:\s*$/i;
const BULLET = /^\s*(?:[\u2022*-]|\d+[.)])\s+/;
/** What a grade said with "to be" must be about: a judgement, the services, or an area. */
const JUDGED_THING = /\bjudg\w*|\beffectiveness\b|\bservices?\b|\binspect\w*|\bOfsted\b|\bratings?\b|\bgrades?\b/i;
/**
 * Judgements of the older framework that are none of the SPEC's areas ("adoption performance
 * was judged good", the LSCB's review): graded, but neither an area nor the service as a whole.
 */
const LSCB_REVIEW = /\bsafeguarding children board\b|\bLSCB\b/i;
const OTHER_JUDGEMENT = /\badoption\b|\bfostering\b|\bsafeguarding children board\b|\bLSCB\b|\bcapacity\s+(?:for|to)\s+improve(?:ment)?\b/i;
/**
 * What makes a grade in prose no judgement of this council's services stated as made (SPEC,
 * Grades), read in its clause before the grade: an aspiration or a plan ("our ambition is to be
 * judged outstanding", "on the journey to becoming good"), councils counted or compared
 * ("no local authority has been judged outstanding", "17% of local authorities were judged
 * good", "councils judged inadequate receive monitoring visits", "councils whose services were
 * judged inadequate"), another regulator's rating or another service's ("a primary school judged good", the
 * CQC's rating of adult social care, a strategy judged inadequate).
 */
const ASPIRATION = /\b(?:ambitions?|aims?|aiming|aspir\w*|want(?:s|ed)?\s+(?:[\w'\u2019-]+\s+){0,6}?to|strive|striving|goals?|targets?|hop(?:e|es|ing)\s+(?:to|that)|journey|on\s+track|become|becoming|expect(?:s|ed)?\s+(?:to|that)|will|shall|would|could|ready\s+to\s+be|next\s+(?:full\s+)?inspection)\b/i;
const COUNCILS_COUNTED = /\b(?:a|an|any)\s+council['\u2019]s\b|\b(?:a|an|any)\s+(?:council|local\s+authority)\s+(?:when|where|whose|if|that)\b|\b(?:no|every|all|any|each|only|few|fewer|most|many|some|none|one|two|three|four|five|six|seven|eight|nine|ten|\d+|half|quarter|handful|share|per\s+cent)\b[^.;]{0,40}\b(?:councils|local\s+authorit(?:y|ies)|authorities|LAs)\b|^\s*(?:councils|local\s+authorities|authorities|LAs)\s+(?:judged|rated|graded|found)\s*$|\b(?:councils|local\s+authorities|authorities|LAs)\s+(?:whose|that|which|where)\b|%|\bnationally\b|\bnational\s+(?:picture|context|average|figures)\b|\b(?:across|in)\s+England\b/i;
/** The inspectorates other than Ofsted that rate services a council runs: a table in their report rates what they inspect. */
const OTHER_INSPECTORATE = /\b(?:Care\s+Quality\s+Commission|CQC|(?:HM\s+)?Inspectorate\s+of\s+Probation|HMI\s+Probation|HMICFRS)\b/i;
const OTHER_RATED = /\b(?:Care\s+Quality\s+Commission|CQC|(?:HM\s+)?Inspectorate\s+of\s+Probation|HMI\s+Probation|HMICFRS|schools?|academy|nursery|college|care\s+homes?|children['\u2019]s\s+homes?|providers?|hospital|adult\s+social\s+care|youth\s+(?:justice|offending)\s+services?|strateg(?:y|ies)|(?:another|other|neighbouring)\s+(?:[A-Z][\w-]*\s+)*(?:councils?|boroughs?|local\s+authorit(?:y|ies)|authorit(?:y|ies)|count(?:y|ies)))\b/i;

/** A grade said of any part of the services ("the first time any part of the services has been rated good") judges no area in particular. */
const ANY_PART = /\bany\s+(?:part|area|aspect)\s+of\b/i;

/** A heading over a table of the grades a council aims for (narrower than ASPIRATION: a heading's "will" or "would" introduces a table as often as a plan). */
const TARGET_HEADING = /\b(?:targets?|aims?|ambitions?|aspir\w*|goals?|next\s+(?:full\s+)?inspection)\b/i;

/** Where one clause of a sentence ends and the next begins: a semicolon, or a comma before a conjunction. */
const CLAUSE_BREAK = /;|,\s+(?:and|but|while|whereas|although)\b|\bhowever\b/gi;
/**
 * A finite verb: what makes the words before a ", and" a clause of their own. Words without one
 * ("The experiences and progress of children in care, and of care leavers, were judged good")
 * are the first part of a subject the ", and" carries on.
 */
const FINITE_VERB = /\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|shall|should|do|does|did|says?|said|found|judged|rated|graded|remains?|remained)\b/i;

interface ProseGrade {
  start: number;
  end: number;
  wordStart: number;
  wordEnd: number;
  /** Where the verb that says the grade begins (the grade itself, for a verb-form grade). */
  verbStart: number;
  grade: GradeValue;
  /** What the verb judged, where written between verb and grade. */
  object: string | null;
  /** A grade said with "to be" needs a judged thing for its subject. */
  predicate: boolean;
}

function proseGrades(text: string): ProseGrade[] {
  const found: ProseGrade[] = [];
  for (const pattern of [QUOTED, AFTER_VERB, BARE_AFTER_VERB, NAMED_AFTER_VERB, PREDICATE]) {
    for (const m of text.matchAll(pattern)) {
      const word = [...m].slice(1).reverse().find((group) => group !== undefined && GRADE_ONLY.test(group.trim()));
      if (!word || (pattern === NAMED_AFTER_VERB && !NAME.test(m[1]))) continue;
      const wordStart = m.index + m[0].lastIndexOf(word);
      if (pattern === PREDICATE && WRAPPED_ON.test(text.slice(wordStart + word.length))) continue;
      const object = pattern === AFTER_VERB || pattern === BARE_AFTER_VERB || pattern === NAMED_AFTER_VERB ? (m[1] ?? null) : null;
      // An object holding a grade word ("rated the services 'Requires improvement to be good'")
      // ran past the grade: the "to be good" that follows belongs to that grade's wording.
      if (found.some((f) => wordStart >= f.wordStart && wordStart < f.wordEnd) || (object && GRADE_WITHIN.test(object))) continue;
      const wordEnd = wordStart + word.length;
      const before = text.slice(Math.max(0, wordStart - 45), wordStart);
      if (LISTED_BEFORE.test(before) || LISTED_AFTER.test(text.slice(wordEnd, wordEnd + 45)) || NEGATED.test(before)) continue;
      found.push({ start: m.index, end: m.index + m[0].length, wordStart, wordEnd, verbStart: m.index, grade: gradeValue(word), object, predicate: pattern === PREDICATE });
    }
  }
  found.push(...gappedGrades(text, found));
  return found.sort((a, b) => a.wordStart - b.wordStart);
}

/**
 * The second half of a gapped coordination that leaves out the verb ("Inspectors rated the
 * impact of leaders outstanding, and the experiences of children in care and of care leavers
 * good."): the verb of the grade before it judges its object with its own grade, to the
 * sentence's end.
 */
const GAPPED = new RegExp(`^\\s*,\\s*and\\s+([^.;!?]{5,240}?)\\s+${GRADE_WORD}\\s*[.;]`, 'i');

function gappedGrades(text: string, found: ProseGrade[]): ProseGrade[] {
  return found.flatMap((grade): ProseGrade[] => {
    if (grade.object === null) return [];
    const m = GAPPED.exec(text.slice(grade.wordEnd));
    if (!m || FINITE_VERB.test(m[1]) || new RegExp(GRADE_WORD, 'i').test(m[1])) return [];
    const start = grade.wordEnd + m[0].indexOf(m[1]);
    const wordStart = grade.wordEnd + m[0].lastIndexOf(m[2]);
    if (found.some((f) => f.wordStart === wordStart)) return [];
    return [{ start, end: grade.wordEnd + m[0].length, wordStart, wordEnd: wordStart + m[2].length, verbStart: start, grade: gradeValue(m[2]), object: m[1], predicate: false }];
  });
}

/**
 * The subject of a grade's clause, from the words before its verb: after the last clause break
 * that ends a clause, one with a finite verb or the rest of another grade's clause (`afterGrade`:
 * the words start where a grade ends, "judged good for care leavers, and …").
 */
function subjectOf(lead: string, afterGrade: boolean): string {
  const breaks = [...lead.matchAll(CLAUSE_BREAK)];
  for (let k = breaks.length - 1; k >= 0; k--) {
    const before = lead.slice(k > 0 ? breaks[k - 1].index + breaks[k - 1][0].length : 0, breaks[k].index);
    if (FINITE_VERB.test(before) || (k === 0 && afterGrade)) return lead.slice(breaks[k].index + breaks[k][0].length);
  }
  return lead;
}

function areasOf(words: string): JudgementArea[] {
  return AREAS.filter(([pattern]) => pattern.test(words)).map(([, area]) => area);
}

/**
 * The judgement row that line `i` opens, if it is one: area and grade split as a table's row is
 * as text (TABLE_ROW), a judgement's name with its grade after it, or a judgement's name alone
 * with its grade alone on the next line.
 */
function judgementRow(index: TextIndex, i: number): { judgement: string; grade: string; end: number } | null {
  const line = index.lines[i];
  // A line that opens no row of its own (it carries on the one before) is part of that row.
  if (i > 0 && /^[a-z]/.test(line.text.trim())) return null;
  const row = TABLE_ROW.exec(line.text);
  const spacedRow = row ? null : LABEL_THEN_GRADE.exec(line.text);
  const opened = row ?? (spacedRow && JUDGEMENT_LABEL.test(spacedRow[1]) ? spacedRow : null);
  if (opened) return wrappedRow(index, i, opened[1], opened[2]);
  const label = carriedOn(index, i);
  const spaced = LABEL_THEN_GRADE.exec(label.text);
  if (spaced && JUDGEMENT_LABEL.test(spaced[1])) return { judgement: spaced[1], grade: spaced[2], end: label.end };
  if (label.next >= index.lines.length || !JUDGEMENT_LABEL.test(label.text)) return null;
  const below = carriedOn(index, label.next);
  const grade = below.text.trim().replace(/\.$/, '');
  return GRADE_ONLY.test(grade) || /^adequate$/i.test(grade) ? { judgement: label.text, grade, end: below.end } : null;
}

/**
 * A row whose cells wrap onto the lines below it, in lower case ("…children in care and care" /
 * "leavers<TAB>to be good"): each line below carries on the judgement, and its second cell the
 * grade.
 */
function wrappedRow(index: TextIndex, i: number, judgement: string, grade: string): { judgement: string; grade: string; end: number } {
  let end = index.lines[i].end;
  for (let k = i + 1; k < index.lines.length && /^[a-z]/.test(index.lines[k].text.trim()); k++) {
    const [label, more = ''] = index.lines[k].text.split('\t');
    judgement = `${judgement} ${label.trim()}`;
    if (more.trim()) grade = `${grade} ${more.trim()}`;
    end = index.lines[k].end;
  }
  return { judgement, grade, end };
}

/** Line `i` with the lines after it that carry it on in lower case ("Children looked after and achieving" / "permanence"), as one. */
function carriedOn(index: TextIndex, i: number): { text: string; end: number; next: number } {
  let text = index.lines[i].text;
  let end = index.lines[i].end;
  let k = i + 1;
  while (k < index.lines.length && /^[a-z]/.test(index.lines[k].text.trim())) {
    text += ` ${index.lines[k].text.trim()}`;
    end = index.lines[k].end;
    k++;
  }
  return { text, end, next: k };
}

/** The areas a list of bullets below a line names, one item a line. */
function listedAreas(index: TextIndex, from: number): JudgementArea[] {
  const areas: JudgementArea[] = [];
  for (let line = index.lineAt(from); line.start >= from && BULLET.test(line.text); line = index.lineAt(line.end + 1)) {
    areas.push(...areasOf(line.text));
    if (line.end + 1 >= index.text.length) break;
  }
  return areas;
}

/**
 * A re-inspection the document tells as done ("Ofsted re-inspected the council's services", "a
 * re-inspection in February 2017 judged …"; not "any re-inspection", "a re-inspection in two
 * years", "until the council is re-inspected"): the grades told before it are the earlier inspection's, the one re-inspected.
 */
const REINSPECTED = /(?<!\b(?:is|are|be|being|until|unless|before|if)\s+)\bre-?inspected\b|\bre-?inspection\b(?=[^.]{0,80}?\b(?:took\s+place|published|judged|found|rated|in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}))/i;

const INSPECTION_ROLES = new Set<string | null>(['inspection', 'inspection_report_published']);

/**
 * Fieldwork of one inspection spans weeks, not months: an inspection dated more than this many
 * months before another is an earlier one.
 */
const ONE_INSPECTION_MONTHS = 6;

/** Whether ISO date `date` ("2022-11", "2016") is an inspection's more than ONE_INSPECTION_MONTHS before `than`, a year alone taken at its latest. */
function longBefore(date: string, than: string | null): boolean {
  if (than === null) return false;
  const months = (iso: string, end: number) => Number(iso.slice(0, 4)) * 12 + (iso.length >= 7 ? Number(iso.slice(5, 7)) : end);
  return months(than, 1) - months(date, 12) > ONE_INSPECTION_MONTHS;
}

/** How far after a grade its area may be named: "judged outstanding for its care leavers", "Good overall". */
const AREA_AFTER = 40;

/**
 * `dates` and `ranges` are the document's dates, for each grade's `when` and to tell earlier grades.
 *
 * The areas a prose grade is of: those named in what the verb judged, in the subject of its
 * clause ("Children in care and care leavers were each judged to require improvement"), just
 * after the grade ("outstanding for its care leavers", "good overall"), and in an "as was …"
 * that extends it ("inadequate, as were its judgements on the impact of leaders and on help
 * and protection"). A grade with none is the service's as a whole (area null).
 */
/**
 * `councils` are the councils the document names and `council` its own: a grade said of another
 * council's services ("the services of the former county council were judged outstanding") is
 * that council's, not this one's.
 */
export function recogniseGrades(index: TextIndex, dates: DateEntity[], ranges: DateRangeEntity[] = [], councils: CouncilEntity[] = [], council: string | null = null): GradeEntity[] {
  const text = index.text;
  const grades: GradeEntity[] = [];
  // A report on a provider grades the provider (a school, a children's home), never the council's services.
  if (reportsOnAProvider(index)) {
    index.note('grades', 'about_a_provider', "the document reports on a provider or a school: its judgements are not the council's");
    return grades;
  }
  // A judgement table's row grades each area it names ("The experiences and progress of
  // children in care and care leavers" is two); an older framework's judgement that is none of
  // the SPEC's areas ("Adoption performance", the LSCB's review) is kept as written, area null.
  const otherInspectorate = OTHER_INSPECTORATE.test(findPublisher(index.doc)?.publisher.name ?? '');
  if (otherInspectorate) index.note('grades', 'other_inspectorate', "the document is another inspectorate's: its ratings tables are not Ofsted's judgements");
  // A table under a heading of targets ("Our target for the next inspection") is an aspiration.
  let heading = '';
  let rowEnd = -1;
  index.lines.forEach((line, i) => {
    if (otherInspectorate || line.start <= rowEnd) return;
    const row = judgementRow(index, i);
    if (!row) {
      if (line.text.trim()) heading = line.text;
      return;
    }
    rowEnd = row.end;
    if (TARGET_HEADING.test(heading)) {
      index.note('grades', 'not_a_judgement', `"${line.text.trim()}" sits under "${heading.trim()}": a target, not a judgement made`, { start: line.start, end: row.end });
      return;
    }
    const judgement = row.judgement.replace(/^\s*(?:\d+(?:\.\d+)*\.?|[\u2022*-])\s+/, '').trim();
    const areas = areasOf(judgement);
    if (areas.length === 0 && !OTHER_JUDGEMENT.test(judgement)) return;
    for (const area of areas.length > 0 ? areas : [null]) {
      grades.push({ ...index.entity(line.start, row.end), area, judgement: area === null ? judgement : null, grade: gradeValue(row.grade), when: null, current: true });
    }
  });
  const tabled = new Set(grades.map((g) => `${g.area}|${g.grade}`));

  // A grade whose sentence is dated well before the latest inspection or report the document
  // dates ("after Ofsted judged our services inadequate following an inspection in November
  // 2022", beside a re-inspection in July 2024; "in 2016 the same services were rated good") may
  // be an earlier inspection's (EARLIER_THAN_ANOTHER).
  const inspected = [...dates.filter((d) => INSPECTION_ROLES.has(d.role)).map((d) => d.value), ...ranges.filter((r) => INSPECTION_ROLES.has(r.role)).map((r) => r.end)];
  const latestInspection = inspected.sort().pop() ?? null;
  const reinspection = REINSPECTED.exec(text);
  const reinspected = reinspection ? index.sentenceAt(reinspection.index).start : -1;
  const prose = proseGrades(text);
  const stated: Array<{ grade: GradeEntity; namedEarlier: boolean; earlierThanAnother: boolean; sentence: number }> = [];
  prose.forEach((found, i) => {
    const sentence = index.sentenceAround(found.start, found.end);
    const words = text.slice(sentence.start, sentence.end);
    const previous = prose[i - 1];
    const next = prose[i + 1];
    // The subject: from the last clause break (or the grade before) to the verb.
    const afterGrade = previous !== undefined && previous.wordEnd <= found.verbStart && previous.wordEnd > sentence.start;
    const from = afterGrade ? previous.wordEnd : sentence.start;
    const lead = text.slice(from, found.verbStart);
    const subject = subjectOf(lead, afterGrade);
    const until = Math.min(sentence.end, next ? next.verbStart : Infinity);
    const after = text.slice(found.wordEnd, until);
    const following = after.slice(0, AREA_AFTER).split(/[,;:]|\b(?:and|but|while|whereas)\b/)[0];
    const extended = /^\s*,?\s*as\s+(?:was|were|did|is|are)\b([^.;]*)/i.exec(after)?.[1] ?? '';
    if (found.predicate && !JUDGED_THING.test(subject) && areasOf(subject).length === 0) return;
    if (otherInspectorate && RATED_ROW.test(index.lineAt(found.wordStart).text)) return;
    // The words of the grade's own clause before it: what it is said of, and how.
    const said = `${subject} ${text.slice(found.verbStart, found.wordStart)}`;
    const named = councils.filter((c) => c.span.start >= from && c.span.end <= found.wordStart);
    const anotherCouncil = council !== null && named.length > 0 && named.every((c) => c.gss !== council);
    const reason = ASPIRATION.test(said) ? 'an aspiration or a plan' : COUNCILS_COUNTED.test(said) ? 'councils counted or compared' : OTHER_RATED.test(said) ? "another service's or another regulator's rating" : ANY_PART.test(said) ? 'said of no area in particular' : anotherCouncil ? "another council's" : null;
    if (reason) {
      index.note('grades', 'not_a_judgement', `"${text.slice(found.start, found.end)}" is ${reason}, not a judgement of the council's services`, { start: found.start, end: found.end });
      return;
    }
    const judged = `${found.object ?? ''} ${subject}`;
    // A grade for areas named after it ("'require improvement' for the impact of leaders and for
    // children in care") grades each; "all other areas" the framework's areas the sentence gives
    // no other grade; "in all four areas:" the areas listed below it.
    const scope = SCOPE_AFTER.test(after) ? after.split(SCOPE_END)[0] : following;
    // "All other areas" after the grade, or as its subject ("the other three areas judged to …").
    const otherAreas = [scope, subject].find((words) => ALL_OTHER_AREAS.test(words));
    const others = otherAreas ? FRAMEWORK_AREAS.filter((area) => !areasOf(words.replace(otherAreas, ' ')).includes(area)) : [];
    const listed = ALL_AREAS_LISTED.test(text.slice(found.wordEnd, index.lineAt(found.wordEnd).end)) ? listedAreas(index, index.lineAt(found.wordEnd).end + 1) : [];
    const every = listed.length === 0 ? EVERY_JUDGEMENT.exec(after) : null;
    const everyJudgement = every ? [...FRAMEWORK_AREAS, ...(every[1] || /^judgements?$/i.test(every[2]) ? ['overall_effectiveness' as const] : [])].filter((area) => !areasOf(every[3] ?? '').includes(area)) : [];
    // "All other areas" are the areas, and what stands before them is another grade's.
    const areas = others.length > 0 ? others : everyJudgement.length > 0 ? everyJudgement : [...new Set([...areasOf(found.object ?? ''), ...(areasOf(found.object ?? '').length === 0 ? areasOf(subject) : []), ...areasOf(scope), ...areasOf(extended), ...listed])];
    // The LSCB review's judgement said in prose ("The effectiveness of the LSCB requires
    // improvement") is that judgement, kept as written; adoption and the rest, said in prose,
    // repeat their table's row.
    const review = areas.length === 0 && LSCB_REVIEW.test(judged) ? subject.trim() : null;
    if (areas.length === 0 && OTHER_JUDGEMENT.test(judged) && !review) return;
    const dated = dates.filter((d) => d.span.start >= sentence.start && d.span.end <= sentence.end);
    const when = dated[0]?.value ?? null;
    const namedEarlier = NAMED_EARLIER.test(words) || sentence.end <= reinspected;
    const earlierThanAnother = EARLIER_THAN_ANOTHER.test(words) || dated.some((d) => (d.role === 'inspection' || d.role === null) && longBefore(d.value, latestInspection));
    for (const area of areas.length > 0 ? areas : [null]) {
      stated.push({ grade: { ...index.entity(found.start, found.end), area, judgement: review, grade: found.grade, when, current: true }, namedEarlier, earlierThanAnother, sentence: sentence.start });
    }
  });
  // A grade of the services as a whole (area null) is of their overall effectiveness.
  const judgedArea = (g: GradeEntity) => g.area ?? 'overall_effectiveness';
  const toldAsCurrent = [...grades, ...stated.filter((s) => !s.namedEarlier && !s.earlierThanAnother).map((s) => s.grade)];
  const judgedOtherwise = (grade: GradeEntity) => toldAsCurrent.some((g) => g.judgement === null && judgedArea(g) === judgedArea(grade) && g.grade !== grade.grade);
  // One sentence tells one inspection: where any of its grades is judged otherwise now, all are that earlier inspection's.
  const earlierSentences = new Set(stated.filter((s) => s.earlierThanAnother && judgedOtherwise(s.grade)).map((s) => s.sentence));
  // Beside a judgement table or list of the areas, the grade of the services as a whole is the
  // overall judgement (an older report's headline, "Children's services in Oldham require
  // improvement to be good", over a list without an overall row).
  const tabledAreas = grades.some((g) => g.area !== null);
  for (const { grade, namedEarlier, earlierThanAnother, sentence } of stated) {
    const current = !namedEarlier && !(earlierThanAnother && earlierSentences.has(sentence));
    const area = current && tabledAreas && grade.area === null && grade.judgement === null ? 'overall_effectiveness' : grade.area;
    if (current && tabled.has(`${area}|${grade.grade}`)) continue;
    grades.push({ ...grade, area, current });
  }
  // A grade of the services as a whole is the overall effectiveness judgement: where the
  // document gives that judgement, the same grade said of the services ("Ofsted rates children's
  // services inadequate" over a report of the overall grade) refers to it.
  const overall = new Set(grades.filter((g) => g.current && g.area === 'overall_effectiveness').map((g) => g.grade));
  return grades.filter((g) => !(g.current && g.area === null && g.judgement === null && overall.has(g.grade))).sort((a, b) => a.span.start - b.span.start);
}
