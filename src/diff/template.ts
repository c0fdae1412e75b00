/**
 * The standard notice a council's notice is compared with, and the parameters (council, dates,
 * deadline) that are filled in rather than worded. Both live in `pipelines/<kind>/`: a new
 * generation of the notice is a new template file, built by `notices template build`.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { pipelineFile } from '../paths.js';
import { foldWhiteSpace } from '../normalise/index.js';
import { NoticeFeatures, type Clause, type DocumentKind, type DocumentRecord } from '../record.js';

export const TemplateClause = z.object({
  id: z.string(),
  parent: z.string().nullable(),
  heading: z.string().nullable(),
  /** The clause's words with `{{name}}` where a parameter stands. */
  text: z.string(),
});
export type TemplateClause = z.infer<typeof TemplateClause>;

export const Template = z.object({
  name: z.string(),
  kind: z.string(),
  /** How many notices the wording was chosen from (the majority wording of each clause). */
  built_from: z.number().int().min(1),
  parameters: z.array(z.string()),
  features: NoticeFeatures,
  /** The template clause each feature is decided on (null where the feature is an absence). */
  feature_clauses: z.record(z.string(), z.string().nullable()),
  clauses: z.array(TemplateClause),
});
export type Template = z.infer<typeof Template>;

export const DEFAULT_KIND: DocumentKind = 'improvement_notice';

export function templatePath(kind: string = DEFAULT_KIND): string {
  return pipelineFile(kind, 'template.json');
}

/** The committed template (the standard improvement notice unless a path is given). */
export function loadTemplate(path: string = templatePath()): Template {
  return Template.parse(JSON.parse(readFileSync(path, 'utf8')));
}

const ParameterDefinition = z.object({
  name: z.string(),
  entities: z.enum(['dates', 'deadlines', 'councils']),
  fact: z.string().optional(),
  absorbs: z.array(z.string()),
});
type ParameterDefinition = z.infer<typeof ParameterDefinition>;
const ParameterFile = z.object({ parameters: z.array(ParameterDefinition) });

const definitionsByKind = new Map<string, ParameterDefinition[]>();

export function parameterDefinitions(kind: string = DEFAULT_KIND): ParameterDefinition[] {
  let definitions = definitionsByKind.get(kind);
  if (!definitions) {
    definitions = ParameterFile.parse(JSON.parse(readFileSync(pipelineFile(kind, 'parameters.json'), 'utf8'))).parameters;
    definitionsByKind.set(kind, definitions);
  }
  return definitions;
}

interface ParameterEntity {
  name: string;
  text: string;
  start: number;
  end: number;
}

/** The record's entities that are parameters, each named by the first definition that fits it. */
function parameterEntities(record: DocumentRecord, definitions: ParameterDefinition[]): ParameterEntity[] {
  const facts = record.facts as Record<string, unknown>;
  const candidates: { text: string; span: { start: number; end: number }; array: string; value: unknown; role: string | null }[] = [
    ...record.dates.map((e) => ({ ...e, array: 'dates', value: e.value, role: e.role })),
    ...record.deadlines.map((e) => ({ ...e, array: 'deadlines', value: e.due, role: null })),
    ...record.councils.map((e) => ({ ...e, array: 'councils', value: e.name, role: null })),
  ];
  const named: ParameterEntity[] = [];
  for (const entity of candidates) {
    const definition = definitions.find(
      (d) =>
        d.entities === entity.array &&
        (d.fact === undefined || entity.role === d.fact || (facts[d.fact] !== undefined && facts[d.fact] !== null && facts[d.fact] === entity.value)),
    );
    if (definition) named.push({ name: definition.name, text: entity.text, start: entity.span.start, end: entity.span.end });
  }
  // Longest first, so a date inside a deadline ("March 2026" in "by the end of March 2026") is
  // part of the deadline, not a parameter of its own.
  named.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  return named.filter((e, i) => !named.slice(0, i).some((o) => o.start <= e.start && e.end <= o.end));
}

export interface MaskedClause {
  clause: Clause;
  /** The clause's text with each parameter replaced by `{{name}}`. */
  text: string;
  /** The words each placeholder stands for in this notice. */
  fills: Record<string, string>;
}

/** Every clause of a record with its parameters replaced by placeholders. */
export function maskClauses(record: DocumentRecord, definitions: ParameterDefinition[] = parameterDefinitions(record.kind === 'other' ? DEFAULT_KIND : record.kind)): MaskedClause[] {
  const entities = parameterEntities(record, definitions);
  return record.clauses.map((clause) => {
    let text = clause.text;
    let cursor = 0;
    const fills: Record<string, string> = {};
    for (const entity of entities.filter((e) => clause.span.start <= e.start && e.end <= clause.span.end)) {
      // The clause text is folded, the entity's as written: find it by its folded words.
      const words = foldWhiteSpace(entity.text);
      const at = text.indexOf(words, cursor);
      if (at < 0) continue;
      const placeholder = `{{${entity.name}}}`;
      text = text.slice(0, at) + placeholder + text.slice(at + words.length);
      cursor = at + placeholder.length;
      fills[entity.name] ??= words;
    }
    return { clause, text, fills };
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A masked text as it is compared: the words a placeholder absorbs dropped, white space folded,
 * and the end-of-item punctuation (`.`, `;`, `,`, `:`) dropped because lists punctuate items either
 * way. Case is kept (the comparison ignores it) so that a word diff reads as written.
 */
export function comparable(text: string, definitions: ParameterDefinition[]): string {
  let result = foldWhiteSpace(text);
  for (const d of definitions) {
    if (d.absorbs.length === 0) continue;
    result = result.replace(new RegExp(`\\b(?:${d.absorbs.map(escape).join('|')})\\s+(\\{\\{${escape(d.name)}\\}\\})`, 'gi'), '$1');
  }
  return result.replace(/\s*[.;,:]+$/, '');
}

/** Placeholders named in a template text. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);
}
