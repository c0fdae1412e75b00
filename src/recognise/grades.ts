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
 * Earlier grades: a grade in a sentence about a last, previous or earlier inspection is kept
 * with `current: false`; `when` is the first date written in the grade's sentence.
 */
import type { DateEntity, GradeEntity, GradeValue, JudgementArea } from '../record.js';
import type { TextIndex } from './text-index.js';

/** A grade as written; "require improvement" is the grade in a verb's form ("services were found to require improvement to be good"). */
const GRADE_WORD = "(outstanding|good|requires?\\s+improvement(?:\\s+to\\s+be\\s+good)?|inadequate)";

function gradeValue(written: string): GradeValue {
  const key = written.toLowerCase();
  if (key.startsWith('require')) return 'requires_improvement';
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

function areaOf(words: string): JudgementArea | null {
  return AREAS.find(([pattern]) => pattern.test(words))?.[1] ?? null;
}

/** A judgement row: area and grade split by a tab, or by a colon ("Adoption performance: Requires improvement"). */
const TABLE_ROW = new RegExp(`^([^\\t:]+)(?:\\t|:)\\s*${GRADE_WORD}\\s*\\.?$`, 'i');
const QUOTED = new RegExp(`(["'])${GRADE_WORD}\\1`, 'gi');
/**
 * A verb of judging and its grade, next to each other ("judged inadequate", "found to be good")
 * or with what was judged between them ("judged the overall effectiveness of services to be
 * requires improvement to be good", "rated the experiences of children in care as good"). The
 * object stays within its clause, and "as good as" compares rather than grades.
 */
const JUDGING_VERB = '(?:judged|graded|rated|found|assessed|considered)';
const AFTER_VERB = new RegExp(`\\b${JUDGING_VERB}\\s+(?:([^.;:!?\\n"]{1,100}?)\\s+)?(?:as|to\\s+be|to)\\s+${GRADE_WORD}\\b(?!\\s+as\\b)|\\b(?:judged|graded|rated)\\s+${GRADE_WORD}\\b`, 'gi');
/** A grade word next to another in a list ("good, requires improvement and inadequate"): the scale, not a grade. */
const LISTED_BEFORE = new RegExp(`${GRADE_WORD}["']?\\s*(?:,|\\bor|\\band)\\s*["']?$`, 'i');
const LISTED_AFTER = new RegExp(`^["']?\\s*(?:,|or\\b|and\\b)\\s*["']?${GRADE_WORD}`, 'i');
const GRADE_WITHIN = new RegExp(`\\b${GRADE_WORD}\\b`, 'i');
const GRADE_ONLY = new RegExp(`^${GRADE_WORD}$`, 'i');
const EARLIER = /\b(?:last|previous|previously|prior|earlier|former)\b/i;

interface ProseGrade {
  start: number;
  end: number;
  wordStart: number;
  grade: GradeValue;
  /** What the verb judged, where written between verb and grade. */
  object: string | null;
}

function proseGrades(text: string): ProseGrade[] {
  const found: ProseGrade[] = [];
  for (const pattern of [QUOTED, AFTER_VERB]) {
    for (const m of text.matchAll(pattern)) {
      const word = [...m].slice(1).reverse().find((group) => group !== undefined && GRADE_ONLY.test(group));
      if (!word) continue;
      const wordStart = m.index + m[0].lastIndexOf(word);
      const object = pattern === AFTER_VERB ? (m[1] ?? null) : null;
      // An object holding a grade word ("rated the services 'Requires improvement to be good'")
      // ran past the grade: the "to be good" that follows belongs to that grade's wording.
      if (found.some((f) => f.wordStart === wordStart) || (object && GRADE_WITHIN.test(object))) continue;
      const wordEnd = wordStart + word.length;
      if (LISTED_BEFORE.test(text.slice(Math.max(0, wordStart - 45), wordStart)) || LISTED_AFTER.test(text.slice(wordEnd, wordEnd + 45))) continue;
      found.push({ start: m.index, end: m.index + m[0].length, wordStart, grade: gradeValue(word), object });
    }
  }
  return found;
}

/** How far after a grade its area may be named: "judged outstanding for its care leavers", "Good overall". */
const AREA_AFTER = 40;

/** `dates` are the document's dates, for each grade's `when` and to tell earlier grades. */
export function recogniseGrades(index: TextIndex, dates: DateEntity[]): GradeEntity[] {
  const text = index.text;
  const grades: GradeEntity[] = [];
  for (const line of index.lines) {
    const row = TABLE_ROW.exec(line.text);
    const area = row && areaOf(row[1]);
    if (row && area) grades.push({ ...index.entity(line.start, line.end), area, grade: gradeValue(row[2]), when: null, current: true });
  }
  const tabled = new Set(grades.map((g) => `${g.area}|${g.grade}`));

  for (const prose of proseGrades(text)) {
    const sentence = index.sentenceAround(prose.start, prose.end);
    const words = text.slice(sentence.start, sentence.end);
    // The area is what the verb judged, else named just after the grade (within its clause) or earlier in the sentence.
    const following = text.slice(prose.end, Math.min(sentence.end, prose.end + AREA_AFTER)).split(/[,;:]|\b(?:and|but|while|whereas)\b/)[0];
    const area = (prose.object ? areaOf(prose.object) : null) ?? areaOf(following) ?? areaOf(text.slice(sentence.start, prose.start));
    const dated = dates.filter((d) => d.span.start >= sentence.start && d.span.end <= sentence.end);
    const when = dated[0]?.value ?? null;
    const current = !EARLIER.test(words);
    if (current && tabled.has(`${area}|${prose.grade}`)) continue;
    grades.push({ ...index.entity(prose.start, prose.end), area, grade: prose.grade, when, current });
  }
  return grades.sort((a, b) => a.span.start - b.span.start);
}
