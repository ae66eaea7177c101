import type { InputIssue } from '../errors.js';
import { MAX_ID_LENGTH } from '../model/textLimits.js';
import { relationTypes } from '../model/relationSchema.js';
import { supportKinds } from '../model/supportKinds.js';
import { toJsonPath } from '../model/toJsonPath.js';
import { describeValue } from '../text/describeValue.js';
import type { ColumnTarget } from './columnTarget.js';
import type { CsvMapping, CsvSection } from './csvMapping.js';
import type { CsvOrigin } from './csvOrigin.js';
import type { CsvTable } from './csvTable.js';
import { inferAttributeDeclarations, type AttributeSample } from './inferAttributeDeclarations.js';
import { headerKey } from './headerKey.js';
import { parseBooleanCell } from './parseBooleanCell.js';
import { parseNumberCell } from './parseNumberCell.js';
import { resolveColumnTarget } from './resolveColumnTarget.js';
import { requiredFields } from './sectionFields.js';
import { splitListCell } from './splitListCell.js';

/** The tables a cohort is built from. */
export interface CsvCohortTables {
  readonly coaches: CsvTable;
  readonly coachees: CsvTable;
  readonly relations?: CsvTable | undefined;
}

/** A cohort document built from CSV tables, where each of its values came from, and the problems found on the way. */
export interface CsvCohortDocument {
  /** The document, shaped as a cohort file; {@link parseCohort} validates it. */
  readonly document: Record<string, unknown>;
  /** JSON path (`$.coaches[3].capacity`) → where the value came from. */
  readonly origins: ReadonlyMap<string, CsvOrigin>;
  /** Cells that could not be read (a number that is not one), located at the cell. */
  readonly issues: readonly InputIssue[];
  /** False when columns are missing, unknown or doubled: the rows were not read. */
  readonly complete: boolean;
}

interface Column {
  readonly index: number;
  readonly header: string;
  readonly target: ColumnTarget;
}

type Kinds = ReadonlyMap<string, unknown>;
type Converted = { readonly value: unknown } | { readonly error: string };

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const coachTypes = ['internal', 'external'] as const;
/** Room for a prefix such as `aspiration:` before a key of the longest length. */
const MAX_HEADER_LENGTH = 2 * MAX_ID_LENGTH;

/**
 * Builds the cohort document a set of CSV tables describes, following the mapping (see
 * {@link resolveColumnTarget} for how columns are recognised and
 * {@link inferAttributeDeclarations} for undeclared attributes). Ids named in the relations
 * file that are neither coach nor coachee become `people`, named by the row's `fromName` /
 * `toName` cell; an id with no name stays unknown, so a typo in a coach id is reported rather
 * than turned into a stranger. Empty cells are left out (the default applies, or the cohort
 * rules report the missing value at that cell).
 */
export function csvToCohortDocument(tables: CsvCohortTables, mapping: CsvMapping, mappingName: string): CsvCohortDocument {
  const issues: InputIssue[] = [];
  const origins = new Map<string, CsvOrigin>();
  const declaredKinds = new Map<string, unknown>();
  for (const a of mapping.attributes as readonly unknown[]) if (isRecord(a) && typeof a.key === 'string') declaredKinds.set(a.key, a.kind);
  const declaredKeys = [...declaredKinds.keys()];

  const sections: [CsvSection, CsvTable][] = [['coaches', tables.coaches], ['coachees', tables.coachees]];
  if (tables.relations !== undefined) sections.push(['relations', tables.relations]);
  const columns = new Map<CsvSection, Column[]>();
  const spellings = new Map<string, string>();
  for (const [section, table] of sections) columns.set(section, resolveColumns(table, section, mapping, declaredKeys, spellings, mappingName, issues));
  if (issues.length > 0) return { document: {}, origins, issues, complete: false };

  // Undeclared attributes: infer a declaration from every cell of their columns.
  const samples = new Map<string, { cells: string[]; aspired: boolean; at: string }>();
  for (const [section, table] of sections) {
    for (const column of columns.get(section)!) {
      const { target } = column;
      if ((target.kind !== 'attribute' && target.kind !== 'aspiration') || declaredKinds.has(target.key)) continue;
      const sample = samples.get(target.key) ?? { cells: [], aspired: false, at: `${table.file}:1:${column.header}` };
      // A loop, not push(...cells): spreading 100,000+ rows overflows the call stack.
      for (const r of table.rows) sample.cells.push(r.cells[column.index]!);
      sample.aspired ||= target.kind === 'aspiration';
      samples.set(target.key, sample);
    }
  }
  const inferred = inferAttributeDeclarations(samples as ReadonlyMap<string, AttributeSample>, mapping.listSeparator);
  const kinds = new Map<string, unknown>([...declaredKinds, ...inferred.map((d) => [d.key, d.kind] as const)]);
  mapping.attributes.forEach((_, i) => origins.set(toJsonPath(['attributes', i]), { at: mappingName, withPath: true }));
  inferred.forEach((d, j) => {
    const at = samples.get(d.key)!.at;
    origins.set(toJsonPath(['attributes', mapping.attributes.length + j]), { at });
    // A scale the user never wrote cannot be what the message blames: say what to do instead.
    if (d.kind === 'numeric' && !(d.scale.min < d.scale.max && Number.isFinite(d.scale.max - d.scale.min))) {
      issues.push({ path: at, message: `numbers from ${d.scale.min} to ${d.scale.max} are too large to infer a scale from: declare attribute '${d.key}' in the mapping with a scale, or as categorical` });
    }
  });
  for (const key of ['name', 'description', 'policy'] as const) origins.set(toJsonPath([key]), { at: mappingName, withPath: true });

  const read = (section: 'coaches' | 'coachees', table: CsvTable) =>
    table.rows.map((row, i) => {
      const record: Record<string, unknown> = { [section === 'coaches' ? 'support' : 'needs']: {} };
      origins.set(toJsonPath([section, i]), { at: `${table.file}:${row.line}` });
      for (const column of columns.get(section)!) {
        const path = targetPath(section, column.target);
        if (path === undefined) continue;
        const jsonPath = toJsonPath([section, i, ...path]);
        const at = `${table.file}:${row.line}:${column.header}`;
        origins.set(jsonPath, { at });
        const converted = convertCell(row.cells[column.index]!.trim(), column.target, kinds, mapping.listSeparator, section);
        if ('error' in converted) issues.push({ path: at, message: `${converted.error} (${jsonPath})` });
        else if (converted.value !== undefined) setIn(record, path, converted.value);
      }
      return record;
    });
  const coaches = read('coaches', tables.coaches);
  const coachees = read('coachees', tables.coachees);
  const { relations, people } =
    tables.relations === undefined
      ? { relations: [], people: [] }
      : readRelations(tables.relations, columns.get('relations')!, [...coaches, ...coachees], origins, issues);

  const document: Record<string, unknown> = {
    ...(mapping.name === undefined ? {} : { name: mapping.name }),
    ...(mapping.description === undefined ? {} : { description: mapping.description }),
    attributes: [...mapping.attributes, ...inferred],
    coaches,
    coachees,
    people,
    relations,
    ...(mapping.policy === undefined ? {} : { policy: mapping.policy }),
  };
  return { document, origins, issues, complete: true };
}

function resolveColumns(
  table: CsvTable,
  section: CsvSection,
  mapping: CsvMapping,
  declaredKeys: readonly string[],
  spellings: Map<string, string>,
  mappingName: string,
  issues: InputIssue[],
): Column[] {
  const explicit = mapping.columns[section] ?? {};
  const out: Column[] = [];
  const used = new Map<string, string>();
  const unknown = new Set<string>();
  table.headers.forEach((header, index) => {
    // A header no key could come from is named by its place: every cell's location quotes it.
    if (header.length > MAX_HEADER_LENGTH) {
      issues.push({ path: `${table.file}:1:#${index + 1}`, message: `a header is ${header.length} characters long (${describeValue(header)}); at most ${MAX_HEADER_LENGTH} are allowed` });
      return;
    }
    const label = header === '' ? `#${index + 1}` : header;
    const at = `${table.file}:1:${label}`;
    let target: ColumnTarget | undefined;
    if (Object.hasOwn(explicit, header)) {
      const spelled = explicit[header];
      target = spelled === null || spelled === undefined ? { kind: 'ignore' } : resolveColumnTarget(spelled, section, declaredKeys);
      if (target === undefined) {
        issues.push({ path: `${mappingName}:${toJsonPath(['columns', section, header])}`, message: `'${spelled}' is not a column of the ${section} file` });
        return;
      }
    } else if (header === '') {
      target = { kind: 'ignore' };
      const filled = table.rows.find((r) => r.cells[index]!.trim() !== '');
      if (filled !== undefined) issues.push({ path: `${table.file}:${filled.line}:${label}`, message: 'a column without a header holds a value' });
    } else {
      target = resolveColumnTarget(header, section, declaredKeys);
      if (target === undefined) {
        // A header repeated gets one issue: both would name the same place (file:1:header).
        if (unknown.has(header)) return;
        unknown.add(header);
        issues.push({
          path: at,
          message: `unknown column '${header}': map it in the mapping's columns.${section}, name an attribute 'attr:${header}', or map it to null to ignore it`,
        });
        return;
      }
    }
    if ((target.kind === 'attribute' || target.kind === 'aspiration') && !declaredKeys.includes(target.key)) {
      target = { ...target, key: undeclaredSpelling(target.key, spellings) };
    }
    if (target.kind !== 'ignore') {
      const id = target.kind === 'field' ? target.field : `${target.kind}:${target.key}`;
      const first = used.get(id);
      if (first !== undefined) {
        issues.push({ path: at, message: `fills the same field as column '${first}'` });
        return;
      }
      used.set(id, label);
    }
    out.push({ index, header: label, target });
  });
  for (const header of Object.keys(explicit)) {
    if (!table.headers.includes(header)) {
      issues.push({ path: `${mappingName}:${toJsonPath(['columns', section, header])}`, message: `${table.file} has no column '${header}'` });
    }
  }
  const has = (predicate: (t: ColumnTarget) => boolean) => out.some((c) => predicate(c.target));
  for (const field of requiredFields[section]) {
    if (!has((t) => t.kind === 'field' && t.field === field)) issues.push({ path: `${table.file}:1`, message: `missing column '${field}'` });
  }
  if (section !== 'relations') {
    for (const kind of supportKinds) {
      if (!has((t) => t.kind === 'support' && t.key === kind)) {
        issues.push({ path: `${table.file}:1`, message: `missing column '${kind}' (${section === 'coaches' ? 'support offered' : 'support needed'}, 1–5)` });
      }
    }
  }
  return out;
}

/**
 * One spelling for an undeclared attribute whatever the case or Unicode form of its headers
 * (`attr:Nationality` among the coaches, `attr:nationality` among the coachees): the first
 * met, files in the order coaches, coachees, columns left to right. Two spellings would be two
 * attributes, and every coachee a pioneer on both.
 */
function undeclaredSpelling(key: string, spellings: Map<string, string>): string {
  const folded = headerKey(key);
  const first = spellings.get(folded);
  if (first !== undefined) return first;
  spellings.set(folded, key);
  return key;
}

/** Where a column's value goes inside its record; undefined for columns that fill no record field. */
function targetPath(section: 'coaches' | 'coachees', target: ColumnTarget): string[] | undefined {
  switch (target.kind) {
    case 'field':
      return [target.field];
    case 'support':
      return [section === 'coaches' ? 'support' : 'needs', target.key];
    case 'attribute':
      return ['attributes', target.key];
    case 'aspiration':
      return ['aspiration', target.key];
    case 'ignore':
      return undefined;
  }
}

function convertCell(cell: string, target: ColumnTarget, kinds: Kinds, separator: string, section: CsvSection): Converted {
  if (cell === '') return { value: undefined };
  const number = (): Converted => {
    const n = parseNumberCell(cell);
    return n === undefined ? { error: `expected a number, got ${describeValue(cell)}` } : { value: n };
  };
  switch (target.kind) {
    case 'ignore':
      return { value: undefined };
    case 'support':
      return number();
    case 'attribute':
    case 'aspiration': {
      const kind = kinds.get(target.key);
      if (kind === 'set') return { value: splitListCell(cell, separator) };
      if (kind === 'numeric') return number();
      return { value: cell };
    }
    case 'field':
      switch (target.field) {
        case 'capacity':
        case 'minLoad':
        case 'priority':
          return number();
        case 'active': {
          const b = parseBooleanCell(cell);
          return b === undefined ? { error: `expected yes or no, got ${describeValue(cell)}` } : { value: b };
        }
        case 'preferences':
        case 'avoid':
          return { value: splitListCell(cell, separator) };
        case 'type': {
          const allowed: readonly string[] = section === 'relations' ? relationTypes : coachTypes;
          return { value: allowed.find((t) => headerKey(t) === headerKey(cell)) ?? cell };
        }
        default:
          return { value: cell };
      }
  }
}

function setIn(record: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let at = record;
  for (const key of path.slice(0, -1)) {
    if (!Object.hasOwn(at, key) || !isRecord(at[key])) define(at, key, {});
    at = at[key] as Record<string, unknown>;
  }
  define(at, path[path.length - 1]!, value);
}

/** Sets an own property, also one named "__proto__" (which plain assignment would take as the prototype), for validation to report. */
function define(record: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

function readRelations(
  table: CsvTable,
  columns: readonly Column[],
  members: readonly Record<string, unknown>[],
  origins: Map<string, CsvOrigin>,
  issues: InputIssue[],
): { relations: Record<string, unknown>[]; people: Record<string, unknown>[] } {
  const known = new Set(members.map((m) => m.id).filter((id): id is string => typeof id === 'string'));
  const column = (field: string) => columns.find((c) => c.target.kind === 'field' && c.target.field === field);
  const people = new Map<string, { name: string; at: string }>();
  const relations = table.rows.map((row, i) => {
    origins.set(toJsonPath(['relations', i]), { at: `${table.file}:${row.line}` });
    const relation: Record<string, unknown> = {};
    for (const field of ['from', 'to', 'type'] as const) {
      const c = column(field)!;
      origins.set(toJsonPath(['relations', i, field]), { at: `${table.file}:${row.line}:${c.header}` });
      const converted = convertCell(row.cells[c.index]!.trim(), c.target, new Map(), '|', 'relations');
      if ('value' in converted && converted.value !== undefined) relation[field] = converted.value;
    }
    for (const [end, nameField] of [['from', 'fromName'], ['to', 'toName']] as const) {
      const id = relation[end];
      const c = column(nameField);
      if (typeof id !== 'string' || known.has(id) || c === undefined) continue;
      const name = row.cells[c.index]!.trim();
      if (name === '') continue;
      const at = `${table.file}:${row.line}:${c.header}`;
      const seen = people.get(id);
      if (seen === undefined) people.set(id, { name, at });
      else if (seen.name !== name) issues.push({ path: at, message: `${describeValue(id)} is named ${describeValue(seen.name)} at ${seen.at}` });
    }
    return relation;
  });
  const list = [...people].map(([id, { name, at }], k) => {
    for (const field of [[], ['id'], ['name']]) origins.set(toJsonPath(['people', k, ...field]), { at });
    return { id, name };
  });
  return { relations, people: list };
}
