/**
 * The kinds of document and what each holds, declared once in `pipelines/<kind>/`: `kind.json`
 * names the kind, the date a document of the kind is dated by, and its facts (type, meaning,
 * how each is read, what was looked for when it is not found); `features.json`, where a kind
 * has one, declares its features with the rules that read them. Everything else is derived
 * from here: the record's zod schema (and so the JSON Schema), the fact readers, the corpus's
 * types, the exports' and the report's columns. Adding a kind is a folder with a `kind.json`
 * (and rules for the classifier and recognisers where the wording needs new ones).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { z } from 'zod';
import { projectPath } from './paths.js';

/** The types a fact or feature may have, and how each reads in the record. */
export const ValueType = z.enum(['date', 'duration', 'text', 'names', 'list', 'boolean', 'integer', 'choice']);
export type ValueType = z.infer<typeof ValueType>;

/**
 * One way of reading a fact from what the recognisers found, tried in order until one gives a
 * value: the first (or last) day-precision date of a role, the start or end of a date range of
 * a role, the person (or all the people) of a role, the deadline whose clause names what is due
 * (a pattern), or a reader named in src/recognise/facts.ts for facts whose reading is more than
 * a lookup.
 */
export const ReadStep = z.union([
  z.object({ date: z.string() }).strict(),
  z.object({ last_date: z.string() }).strict(),
  z.object({ range_start: z.string() }).strict(),
  z.object({ range_end: z.string() }).strict(),
  z.object({ person: z.string() }).strict(),
  z.object({ people: z.array(z.string()).min(1) }).strict(),
  z.object({ deadline_for: z.string() }).strict(),
  z.object({ reader: z.string() }).strict(),
]);
export type ReadStep = z.infer<typeof ReadStep>;

const valueShape = {
  type: ValueType,
  /** The values a `choice` may take, or each item of a `list` (a list without them holds any words). */
  values: z.array(z.string()).min(1).optional(),
  description: z.string(),
  /** False for a value that always has one (a feature's flag); otherwise null means not stated. */
  nullable: z.boolean().default(true),
};
const choiceHasValues = (d: { type: ValueType; values?: string[] }) => d.type === 'list' || (d.type === 'choice') === (d.values !== undefined);
const CHOICE_MESSAGE = { message: 'a choice lists its values, and only a choice or a list does' };

export const ValueDeclaration = z.object(valueShape).strict().refine(choiceHasValues, CHOICE_MESSAGE);
export type ValueDeclaration = z.infer<typeof ValueDeclaration>;

export const FactDeclaration = z
  .object({
    ...valueShape,
    read: z.array(ReadStep).min(1),
    /** What was looked for, said when the fact is left null. */
    missing: z.string(),
    /** A date fact that marks a step of the intervention: its name on a council's lifecycle ("notice issued"). */
    event: z.string().optional(),
    /** Who takes the step ("Ofsted", "Department for Education", "the council"): its lane on a council's timeline drawing. */
    lane: z.string().optional(),
  })
  .strict()
  .refine(choiceHasValues, CHOICE_MESSAGE)
  .refine((d) => d.lane === undefined || d.event !== undefined, { message: 'a lane is declared for a lifecycle event only' });
export type FactDeclaration = z.infer<typeof FactDeclaration>;

/**
 * One piece of evidence for (a positive weight) or against (a negative one) a kind, as a reader
 * weighs it: a pattern the text matches (at least `count` times; `outside_quotes` counts only
 * the words of the document's own voice, not the quotations it carries), or the kind of body
 * that published the document (src/classify/publisher.ts).
 */
/**
 * The kinds of body that publish the genre's documents: a council, the Department, Ofsted,
 * another regulator (the CQC, HMI Probation, an ombudsman), a trust or company running a
 * council's children's services, Parliament or an ombudsman (debates, questions, decisions on complaints), and everyone
 * else (newspapers, sites, broadcasters, blogs).
 */
export const PublisherType = z.enum(['council', 'department', 'ofsted', 'regulator', 'trust', 'parliament_or_ombudsman', 'outlet']);
export type PublisherType = z.infer<typeof PublisherType>;

export const EvidenceRule = z
  .object({
    rule: z.string(),
    weight: z.number().refine((w) => w !== 0, { message: 'a weight is for or against' }),
    pattern: z.string().optional(),
    flags: z.string().default(''),
    count: z.number().int().min(1).default(1),
    outside_quotes: z.boolean().default(false),
    publisher: PublisherType.optional(),
  })
  .strict()
  .refine((r) => (r.pattern === undefined) !== (r.publisher === undefined), { message: 'a rule has a pattern or a publisher, not both' });
export type EvidenceRule = z.infer<typeof EvidenceRule>;

export const KindDeclaration = z
  .object({
    $comment: z.string().optional(),
    label: z.string(),
    description: z.string(),
    /** The role of the date a document of this kind is dated by (a lone date line, "Date:"). */
    own_date: z.string().nullable(),
    /** A letter: the segmenter looks for its addressee block and its signature. */
    letter: z.boolean(),
    /**
     * What a document of this kind must be about to be one: a pattern its opening (title and
     * header, the first `within` characters) must match. A council's cabinet report or press
     * release is one of the corpus's when its heading is about children's services; a budget
     * report with the same committee header is not.
     */
    about: z
      .object({
        pattern: z.string(),
        within: z.number().int().positive(),
        /** Or a numbered item's heading anywhere that is about it: a whole meeting's minutes, one of whose items is on the matter. */
        item: z.string().optional(),
      })
      .strict()
      .optional(),
    /**
     * How a listing titles a document of this kind (a gov.uk page's attachment, a council page's
     * link): a pattern over the title, tried in the registry's order, for what a publication page
     * announces.
     */
    listed_as: z.string().optional(),
    /** Why the evidence rules are what they are. */
    evidence_comment: z.string().optional(),
    /**
     * The classifier's evidence for the kind: each rule that matches adds its weight once. A
     * pattern is a regular expression source in which {DATE} and {SEP} are the terms
     * src/classify/rules.ts defines.
     */
    evidence: z.array(EvidenceRule).default([]),
    /** The name of the corpus's summary view of the kind (default `<kind>_summary`). */
    summary: z.string().optional(),
    facts: z.record(z.string(), FactDeclaration),
    /** Values computed from the facts in the summary view: months between two of its dates. */
    measures: z
      .record(z.string(), z.object({ months_between: z.tuple([z.string(), z.string()]), description: z.string() }).strict())
      .default({}),
    /** The facts and measures a comparison of the kind's documents shows beside the features, the first the one it sorts by. */
    compared: z.array(z.string()).default([]),
  })
  .strict();
export type KindDeclaration = z.infer<typeof KindDeclaration> & {
  kind: string;
  /** The features declared in the kind's features.json, if it has one. */
  features: Record<string, ValueDeclaration>;
};

/** A feature's declaration in features.json: its value's type beside the rules that read it. */
const FeatureFile = z.object({ features: z.record(z.string(), z.looseObject({})) });

function load(root: string): KindDeclaration[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'kind.json')))
    .map((entry) => entry.name)
    .sort()
    .map((kind) => {
      const declared = KindDeclaration.parse(JSON.parse(readFileSync(join(root, kind, 'kind.json'), 'utf8')));
      const featuresPath = join(root, kind, 'features.json');
      const features = existsSync(featuresPath)
        ? Object.fromEntries(
            Object.entries(FeatureFile.parse(JSON.parse(readFileSync(featuresPath, 'utf8'))).features).map(([name, rule]) => [
              name,
              ValueDeclaration.parse({ type: rule.type, values: rule.values, description: rule.description, nullable: rule.nullable }),
            ]),
          )
        : {};
      return { ...declared, kind, features };
    });
}

/** The kinds declared in one folder of kind folders. */
export function loadRegistry(root = projectPath('pipelines')): KindDeclaration[] {
  return load(root);
}

/**
 * The folders kinds are declared in: the project's `pipelines/`, then any listed in the
 * environment's NOTICE_PIPELINE_KINDS (separated as PATH is): a user adds a kind without
 * touching the package.
 */
export function kindFolders(): string[] {
  const extra = (process.env.NOTICE_PIPELINE_KINDS ?? '').split(delimiter).filter((folder) => folder !== '');
  return [projectPath('pipelines'), ...extra];
}

function loadAll(): KindDeclaration[] {
  const kinds = kindFolders().flatMap((folder) => loadRegistry(folder));
  const names = kinds.map((kind) => kind.kind);
  const twice = names.filter((name, i) => names.indexOf(name) !== i);
  if (twice.length > 0) throw new Error(`a kind is declared twice: ${twice.join(', ')} (pipelines/ and NOTICE_PIPELINE_KINDS)`);
  return kinds;
}

export const REGISTRY: readonly KindDeclaration[] = loadAll();

/** The kinds by name, `other` not among them: it declares nothing. */
export const KINDS: ReadonlyMap<string, KindDeclaration> = new Map(REGISTRY.map((k) => [k.kind, k]));
