/**
 * The register of UK local authorities, current and former, read once from the vendored
 * mySociety CSVs in data/uk-local-authorities/. Council recognition matches names against it and
 * the store loads it into its `councils` table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../paths.js';

export const COUNCIL_REGISTER_CREDIT = 'Council register: mySociety, UK Local Authority Names and Codes, CC-BY-4.0';

const DATA_FOLDER = join('data', 'uk-local-authorities');
const AUTHORITIES_FILE = 'uk_local_authorities_future.csv';
const NAMES_FILE = 'lookup_name_to_registry.csv';

export interface CouncilRecord {
  /** mySociety's three-letter register code. */
  code: string;
  /** The official name, e.g. "London Borough of Camden": the canonical name. */
  name: string;
  /** The short name, e.g. "Camden". */
  niceName: string;
  /** ONS GSS code; empty for the few planned authorities that have none yet. */
  gss: string;
  startDate: string | null;
  endDate: string | null;
  /** Register codes of the authorities that took over from a former one. */
  replacedBy: string[];
  nation: string;
  /** mySociety's type code: LBO, MD, UA, CTY, NMD, … */
  type: string;
  typeName: string;
  current: boolean;
  /** Every other name the register knows for the authority (both CSVs), as written there. */
  altNames: string[];
}

export interface CouncilRegister {
  councils: CouncilRecord[];
  byGss: Map<string, CouncilRecord>;
  /** Name key (see `nameKey`) → every authority the name may mean. */
  byName: Map<string, CouncilRecord[]>;
}

/** Parses RFC 4180 CSV: quoted fields may hold commas, new lines and doubled quotes. */
export function parseCsv(source: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The CSV's rows as objects keyed by its header. */
function csvRecords(source: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(source);
  return rows.filter((row) => row.some((cell) => cell !== '')).map((row) => Object.fromEntries(header.map((key, i) => [key, row[i] ?? ''])));
}

/**
 * The form under which names are compared: lower case, "&" as "and", apostrophes dropped,
 * other punctuation as space, spaces folded.
 */
export function nameKey(name: string): string {
  // Most words a document is tokenised into are plain letters: their key is their lower case.
  if (/^[A-Za-z0-9]+$/.test(name)) return name.toLowerCase();
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The alt-names column is a comma-separated list whose items may themselves hold commas
 * ("Bournemouth, Christchurch and Poole"): an item starting with a space continues the
 * previous one.
 */
function splitAltNames(column: string): string[] {
  const names: string[] = [];
  for (const part of column.split(',')) {
    if (part.startsWith(' ') && names.length > 0) names[names.length - 1] += `,${part}`;
    else if (part.trim() !== '') names.push(part.trim());
  }
  return names;
}

/** What an authority's name adds to its place: "London Borough of", "City of", "Metropolitan Borough Council", "MBC". */
const LEADING_DESIGNATION = /^(?:(?:the\s+)?(?:London\s+Borough|Royal\s+Borough|City\s+and\s+County|City|Borough|County|Council)\s+of\s+(?:the\s+)?)/i;
const TRAILING_DESIGNATION = /\s+(?:(?:Metropolitan\s+)?(?:Borough|District|County|City)\s+)?(?:Council|MBC|MDC|BC|CC|DC|UA)$/i;
const DESIGNATION_WORDS = new Set(['city', 'county', 'borough', 'district', 'metropolitan', 'council', 'royal', 'london']);

export function withoutDesignation(name: string): string {
  return name.replace(LEADING_DESIGNATION, '').replace(TRAILING_DESIGNATION, '').trim();
}

function buildRegister(authoritiesCsv: string, namesCsv: string): CouncilRegister {
  const councils: CouncilRecord[] = csvRecords(authoritiesCsv).map((row) => ({
    code: row['local-authority-code'],
    name: row['official-name'].replace(/\s+/g, ' ').trim(),
    niceName: row['nice-name'].trim(),
    gss: row['gss-code'],
    startDate: row['start-date'] || null,
    endDate: row['end-date'] || null,
    replacedBy: row['replaced-by'] ? row['replaced-by'].split(',').map((code) => code.trim()) : [],
    nation: row.nation,
    type: row['local-authority-type'],
    typeName: row['local-authority-type-name'],
    current: row['current-authority'] === 'True',
    altNames: splitAltNames(row['alt-names']),
  }));
  const byCode = new Map(councils.map((council) => [council.code, council]));
  for (const row of csvRecords(namesCsv)) {
    const council = byCode.get(row['local-authority-code']);
    if (council && !council.altNames.includes(row['la-name'])) council.altNames.push(row['la-name']);
  }
  const byName = new Map<string, CouncilRecord[]>();
  for (const council of councils) {
    for (const name of [council.name, council.niceName, ...council.altNames]) {
      const key = nameKey(name);
      const known = byName.get(key) ?? [];
      if (key !== '' && !known.includes(council)) byName.set(key, [...known, council]);
    }
  }
  // The names councils are known by: a name without its designation ("Hull" for Hull City
  // Council, "York" for City of York Council), where no authority is known by it already.
  const bareNames = new Map<string, CouncilRecord[]>();
  for (const council of councils) {
    for (const name of [council.name, ...council.altNames]) {
      const key = nameKey(withoutDesignation(name));
      if (key === '' || byName.has(key) || DESIGNATION_WORDS.has(key)) continue;
      const known = bareNames.get(key) ?? [];
      if (!known.includes(council)) bareNames.set(key, [...known, council]);
    }
  }
  for (const [key, named] of bareNames) byName.set(key, named);
  return { councils, byGss: new Map(councils.filter((c) => c.gss).map((c) => [c.gss, c])), byName };
}

let register: CouncilRegister | null = null;

/** The register, read from disk on first use. */
export function loadRegister(): CouncilRegister {
  if (!register) {
    const folder = projectPath(DATA_FOLDER);
    register = buildRegister(readFileSync(join(folder, AUTHORITIES_FILE), 'utf8'), readFileSync(join(folder, NAMES_FILE), 'utf8'));
  }
  return register;
}

/** Whether the authority existed on an ISO date (any precision; a partial date is read as its first day). */
export function existedOn(council: CouncilRecord, date: string): boolean {
  const day = date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
  return (council.startDate === null || council.startDate <= day) && (council.endDate === null || day <= council.endDate);
}

/**
 * Every authority a name may mean, best first: those that existed on `date` (when given), then
 * current ones, then the most recently ended.
 */
export function councilsByName(name: string, date?: string | null): CouncilRecord[] {
  const found = loadRegister().byName.get(nameKey(name)) ?? [];
  const rank = (council: CouncilRecord): number[] => [
    date && existedOn(council, date) ? 0 : 1,
    council.current ? 0 : 1,
    // A later start means the newer authority when both fit the date.
    -Date.parse(council.startDate ?? '1900-01-01'),
    -Date.parse(council.endDate ?? '9999-12-31'),
  ];
  return [...found].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    const i = ra.findIndex((value, k) => value !== rb[k]);
    return i < 0 ? 0 : ra[i] - rb[i];
  });
}

export function councilByGss(gss: string): CouncilRecord | undefined {
  return loadRegister().byGss.get(gss);
}
