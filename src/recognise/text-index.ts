/**
 * The text index: built once per document, after segmentation, and shared by every recogniser.
 * It holds the normalised text's lines and sentences with their offsets, answers which line,
 * sentence, clause and section an offset falls in, and collects the recognisers' messages (why
 * a fact is null, why a candidate was passed over) in the manner of a vfile.
 *
 * Sentences run across line and page breaks: the normalised text has one paragraph per line,
 * but a paragraph the normaliser could not join (a hard-wrapped text that is not filled to a
 * width, a break at a page foot) leaves a sentence on two lines, and its parts belong together.
 */
import { endsMidPhrase, endsSentence, linesOf, spanOf, type Line, type NormalisedDocument } from '../normalise/index.js';
import { MONTH } from '../normalise/calendar.js';
import { LIST_MARKER } from '../normalise/markers.js';
import type { Clause, Evidence, Message, Section, Segmented, Span } from '../record.js';
import { lastIndexAtMost } from './spans.js';

export interface Range {
  start: number;
  end: number;
}

/** Words after which a full stop ends no sentence: honorifics, "No.", "e.g." and initials. */
const ABBREVIATION = /(?:\b(?:Mr|Mrs|Ms|Dr|St|No|Nos|Cllr|Prof|Rev|Revd|Sr|Jr|para|paras|cf|approx|e\.g|i\.e|etc|c)|(?:^|[\s(])\p{Lu})\.$/iu;
/** A sentence end inside a line: a stop (maybe in quotes or brackets), space, and a capital, digit, quote or bracket. */
const SENTENCE_END = /[.!?]["'”’)\]]*\s+(?=["'“‘(\[]?[\p{Lu}\d£])/gu;
/**
 * Whether a sentence runs on from one line into the next: the line does not end one, neither
 * is a table row, the next opens no list item, and the break plainly falls inside the sentence
 * (the next line goes on in lower case or with a number, the line ends on a comma or a word
 * that cannot end a sentence, or a date is broken between its day and its month). A line ending on a noun before a capital is taken for a heading:
 * "Ofsted report published / Published 27 June 2016" are two.
 */
function runsOn(line: string, next: string): boolean {
  if (line.trim() === '' || next.trim() === '' || endsSentence(line) || line.includes('\t') || next.includes('\t') || LIST_MARKER.test(next)) return false;
  return /^[\p{Ll}\d(]/u.test(next) || endsMidPhrase(line) || DAY_BEFORE_MONTH.test(`${line.slice(-3)}\n${next.slice(0, 12)}`);
}

/** A date broken between its day and its month ("… on 31 January and 1" / "February 2024 …") is one phrase. */
const DAY_BEFORE_MONTH = new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\n${MONTH}\\b`);

function sentencesOf(text: string, lines: Line[]): Range[] {
  const sentences: Range[] = [];
  let start: number | null = null;
  lines.forEach((line, i) => {
    if (line.text.trim() === '') return;
    start ??= line.start;
    for (const m of line.text.matchAll(SENTENCE_END)) {
      const stop = line.start + m.index + m[0].length;
      if (ABBREVIATION.test(text.slice(Math.max(line.start, stop - 12), line.start + m.index + 1).trimEnd())) continue;
      sentences.push({ start, end: line.start + m.index + m[0].trimEnd().length });
      start = stop;
    }
    const next = lines[i + 1];
    if (next && runsOn(line.text, next.text)) return;
    sentences.push({ start, end: line.end });
    start = null;
  });
  return sentences;
}

const startOf = (range: Range) => range.start;

export class TextIndex {
  readonly text: string;
  readonly lines: Line[];
  readonly sentences: Range[];
  readonly messages: Message[] = [];

  constructor(
    readonly doc: NormalisedDocument,
    readonly segmented: Segmented,
  ) {
    this.text = doc.text;
    this.lines = linesOf(doc.text);
    this.sentences = sentencesOf(doc.text, this.lines);
  }

  /** The number (0-based) of the line (paragraph) an offset falls in. */
  lineNumberAt(offset: number): number {
    return Math.max(0, lastIndexAtMost(this.lines, startOf, offset));
  }

  /** The line (paragraph) an offset falls in. */
  lineAt(offset: number): Line {
    return this.lines[this.lineNumberAt(offset)];
  }

  /** The sentence an offset falls in (an offset between sentences: the one before it). */
  sentenceAt(offset: number): Range {
    return this.sentences[Math.max(0, lastIndexAtMost(this.sentences, startOf, offset))] ?? { start: 0, end: this.text.length };
  }

  /** The sentence, or run of sentences, that holds the whole of a range. */
  sentenceAround(start: number, end: number): Range {
    const first = this.sentenceAt(start);
    const last = this.sentenceAt(Math.max(start, end - 1));
    return { start: first.start, end: Math.max(first.end, last.end) };
  }

  /** The words of the sentence around a range. */
  sentenceText(start: number, end: number): string {
    const sentence = this.sentenceAround(start, end);
    return this.text.slice(sentence.start, sentence.end);
  }

  /** The innermost clause holding the whole of a range, or null (the preamble, a table). */
  clauseAt(range: Range): Clause | null {
    let best: Clause | null = null;
    for (const clause of this.segmented.clauses) {
      if (clause.span.start > range.start || clause.span.end < range.end) continue;
      if (!best || clause.span.end - clause.span.start < best.span.end - best.span.start) best = clause;
    }
    return best;
  }

  /** The section (under its heading) an offset falls in, or null before the first heading. */
  sectionAt(offset: number): Section | null {
    return this.segmented.sections.find((section) => section.span.start <= offset && offset <= section.span.end) ?? null;
  }

  /** The evidence for a value read from a range: its clause, its section's heading, its span and words. */
  evidence(range: Range): Evidence {
    return {
      clause: this.clauseAt({ start: range.start, end: range.start + 1 })?.id ?? null,
      section: this.sectionAt(range.start)?.heading ?? null,
      span: this.span(range.start, range.end),
      text: this.text.slice(range.start, range.end),
    };
  }

  span(start: number, end: number): Span {
    return spanOf(this.doc, start, end);
  }

  /** `{text, span}` for a range of the document: the fields every entity starts from. */
  entity(start: number, end: number): { text: string; span: Span } {
    return { text: this.text.slice(start, end), span: this.span(start, end) };
  }

  /** Leaves a message on the record: which recogniser, a code, what it found or why it found nothing. */
  note(source: string, code: string, message: string, range: Range | null = null): void {
    this.messages.push({ source, code, message, span: range && this.span(range.start, range.end) });
  }
}
