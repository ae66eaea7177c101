import type { InputIssue } from '../errors.js';
import { lookalikeDifference, lookalikeKey, sameLookingKey } from '../text/lookalike.js';
import { isOverlongKey } from './textLimits.js';
import { toJsonPath } from './toJsonPath.js';
import { coachFilterIssue } from './coachFilterIssue.js';
import { isBoundedInt } from './boundedInt.js';
import { MAX_LOAD } from './coachSchema.js';
import { unknownIdNamer } from '../text/unknownIdNamer.js';

type Raw = Record<string, unknown>;
type Path = ReadonlyArray<string | number>;

interface DeclaredAttribute {
  readonly kind: unknown;
  readonly role: unknown;
  readonly scale: { readonly min: number; readonly max: number } | undefined;
}

const isRecord = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);
const list = (x: unknown): readonly unknown[] => (Array.isArray(x) ? x : []);
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isStringList = (x: unknown): x is string[] => Array.isArray(x) && x.every((e) => typeof e === 'string');
// An id or key the schema rejects as too long is not checked again: quoting it in every
// message that names it could make one message of gigabytes.
const isKey = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && !isOverlongKey(x);
const sections = ['coaches', 'coachees', 'people'] as const;

/** How {@link crossCheckCohort} reads its input. */
export interface CrossCheckOptions {
  /**
   * The input is a parsed cohort (or a copy of one), which carries every default parseCohort
   * fills in: an identity attribute's `credit` and a profession attribute's `weight` then pass
   * at their default (1), the value parseCohort gave them, and no other.
   */
  readonly defaultsFilled?: boolean;
}

/**
 * The rules a per-field schema cannot express: unique ids across coaches, coachees and people;
 * references to known people and coaches; attribute keys declared and values of the declared
 * kind and scale; consistent declarations and loads. Runs on the raw input and tolerates any
 * shape, so that it reports its problems even when the schema has found others: the caller
 * gets every problem at once. Structural problems are left to the schema (never reported twice).
 */
export function crossCheckCohort(input: unknown, options: CrossCheckOptions = {}): InputIssue[] {
  const issues: InputIssue[] = [];
  if (!isRecord(input)) return issues;
  const report = (path: Path, message: string) => issues.push({ path: toJsonPath(path), message });

  const declared = checkDeclarations(input.attributes, report, options.defaultsFilled === true);
  const owner = checkIds(input, report);
  const isCoach = (id: string) => owner.get(id) === 'coaches';
  /** An unknown reference, with the id it was likely meant to be when that only looks alike. */
  const unknown = unknownIdNamer(() => owner.keys());

  for (const section of sections) {
    list(input[section]).forEach((record, i) => {
      if (!isRecord(record)) return;
      checkValues(record.attributes, [section, i, 'attributes'], declared, undefined, report);
      if (section === 'coaches') checkLoad(record, i, report);
      if (section === 'coachees') {
        checkValues(record.aspiration, [section, i, 'aspiration'], declared, 'profession', report);
        checkCoachReferences(record, i, owner, isCoach, unknown, report);
      }
    });
  }

  // Quota coach filters name declared attributes (policy.quotas is optional and its shape the schema's).
  const policy = isRecord(input.policy) ? input.policy : {};
  list(policy.quotas).forEach((quota, n) => {
    const filter = isRecord(quota) ? quota.coaches : undefined;
    if (!isRecord(filter) || !isKey(filter.attribute)) return;
    const issue = coachFilterIssue({ ...filter, attribute: filter.attribute }, (key) => declared.get(key));
    if (issue !== null) report(['policy', 'quotas', n, 'coaches', ...issue.field], issue.message);
  });

  list(input.relations).forEach((relation, i) => {
    if (!isRecord(relation)) return;
    for (const end of ['from', 'to'] as const) {
      const id = relation[end];
      if (isKey(id) && !owner.has(id)) {
        report(['relations', i, end], unknown('person', id));
      }
    }
    if (typeof relation.from === 'string' && relation.from === relation.to) {
      report(['relations', i], 'a relation must join two different people');
    }
  });
  return issues;
}

function checkDeclarations(
  attributes: unknown,
  report: (path: Path, message: string) => void,
  defaultsFilled: boolean,
): Map<string, DeclaredAttribute> {
  // The knob an attribute's role does not use is present in a parsed cohort at its default.
  const given = (a: Record<string, unknown>, knob: 'credit' | 'weight') => knob in a && !(defaultsFilled && a[knob] === 1);
  const declared = new Map<string, DeclaredAttribute>();
  // Each key's look with letter case ignored, and where the first key that looks so is declared.
  const firstLooking = new Map<string, { key: string; at: string }>();
  list(attributes).forEach((a, i) => {
    if (!isRecord(a) || !isKey(a.key)) return;
    if (declared.has(a.key)) report(['attributes', i, 'key'], `attribute '${a.key}' is declared twice`);
    else {
      // Keys that differ only in Unicode form, letter case, invisible characters or spaces at
      // either end are one attribute to whoever reads a report (and to the CSV import): two
      // would split the values, and both halves would look unshared.
      const twin = firstLooking.get(lookalikeKey(a.key));
      if (twin !== undefined) {
        report(['attributes', i, 'key'], `attribute '${a.key}' differs from '${twin.key}' (at ${twin.at}) only in ${lookalikeDifference(a.key, twin.key)}: use one spelling`);
      } else firstLooking.set(lookalikeKey(a.key), { key: a.key, at: toJsonPath(['attributes', i, 'key']) });
    }
    if (a.role === 'identity') {
      if (given(a, 'credit')) report(['attributes', i, 'credit'], 'credit applies to profession attributes; use weight');
      if ('related' in a) report(['attributes', i, 'related'], 'related values apply to profession attributes');
    }
    if (a.role === 'profession' && given(a, 'weight')) {
      report(['attributes', i, 'weight'], 'weight applies to identity attributes; use credit');
    }
    let scale: DeclaredAttribute['scale'];
    if (isRecord(a.scale) && isNumber(a.scale.min) && isNumber(a.scale.max)) {
      if (a.scale.min >= a.scale.max) report(['attributes', i, 'scale'], 'scale.min must be below scale.max');
      // Closeness divides by the span: one too wide for a double would make every score NaN.
      else if (!Number.isFinite(a.scale.max - a.scale.min)) report(['attributes', i, 'scale'], `the span scale.max − scale.min overflows (${a.scale.min} to ${a.scale.max}): use a narrower scale`);
      else scale = { min: a.scale.min, max: a.scale.max };
    }
    if (!declared.has(a.key)) declared.set(a.key, { kind: a.kind, role: a.role, scale });
  });
  return declared;
}

function checkIds(input: Raw, report: (path: Path, message: string) => void): Map<string, (typeof sections)[number]> {
  const owner = new Map<string, (typeof sections)[number]>();
  const firstAt = new Map<string, string>();
  // Each id's look (see sameLookingKey), and the first id that looks so.
  const firstLooking = new Map<string, string>();
  for (const section of sections) {
    list(input[section]).forEach((record, i) => {
      if (!isRecord(record) || !isKey(record.id)) return;
      const first = firstAt.get(record.id);
      if (first !== undefined) {
        report([section, i, 'id'], `duplicate id '${record.id}' (first used at ${first})`);
        return;
      }
      // Ids that differ only in Unicode form (é as one code point or as e + accent), invisible
      // characters or spaces at either end look the same in every report, and a reference
      // typed either way would find only one of them. Letter case shows, so it may differ.
      const at = toJsonPath([section, i, 'id']);
      const look = sameLookingKey(record.id);
      const twin = firstLooking.get(look);
      if (twin !== undefined) {
        report([section, i, 'id'], `id '${record.id}' differs from '${twin}' (at ${firstAt.get(twin)}) only in ${lookalikeDifference(record.id, twin)}: use one spelling`);
      } else firstLooking.set(look, record.id);
      owner.set(record.id, section);
      firstAt.set(record.id, at);
    });
  }
  return owner;
}

function checkValues(
  values: unknown,
  path: Path,
  declared: ReadonlyMap<string, DeclaredAttribute>,
  role: 'profession' | undefined,
  report: (path: Path, message: string) => void,
): void {
  if (!isRecord(values)) return;
  for (const [key, value] of Object.entries(values)) {
    if (!isKey(key)) continue;
    const at = [...path, key];
    const declaration = declared.get(key);
    if (declaration === undefined) {
      const meant = [...declared.keys()].find((k) => lookalikeKey(k) === lookalikeKey(key));
      report(at, meant === undefined ? `attribute '${key}' is not declared` : `attribute '${key}' is not declared: '${meant}' differs from it only in ${lookalikeDifference(key, meant)}`);
      continue;
    }
    if (role !== undefined && declaration.role !== role) {
      report(at, `attribute '${key}' is not a ${role} attribute`);
      continue;
    }
    // Values of no valid shape at all are the schema's to report.
    if (typeof value !== 'string' && typeof value !== 'number' && !isStringList(value)) continue;
    const { kind, scale } = declaration;
    if ((kind === 'categorical' || kind === 'text') && typeof value !== 'string') {
      report(at, `attribute '${key}' is ${kind}: expected a string`);
    } else if (kind === 'set' && !Array.isArray(value)) {
      report(at, `attribute '${key}' is a set: expected a list of strings`);
    } else if (kind === 'numeric') {
      if (!isNumber(value)) report(at, `attribute '${key}' is numeric: expected a number`);
      else if (scale !== undefined && (value < scale.min || value > scale.max)) {
        report(at, `value ${value} is outside the scale [${scale.min}, ${scale.max}]`);
      }
    }
  }
}

const isLoad = (x: unknown): x is number => isBoundedInt(x, 0, MAX_LOAD);

function checkLoad(coach: Raw, i: number, report: (path: Path, message: string) => void): void {
  const { capacity, minLoad } = coach;
  // Only loads the schema accepts: one it refuses (1e308, -1, 2.5) has its issue already, and "exceeds capacity" would be a second.
  if (isLoad(capacity) && isLoad(minLoad) && minLoad > capacity) {
    report(['coaches', i, 'minLoad'], `minLoad ${minLoad} exceeds capacity ${capacity}`);
  }
}

function checkCoachReferences(
  coachee: Raw,
  i: number,
  owner: ReadonlyMap<string, string>,
  isCoach: (id: string) => boolean,
  unknown: (what: string, id: string) => string,
  report: (path: Path, message: string) => void,
): void {
  const checkCoach = (id: unknown, path: Path) => {
    if (!isKey(id)) return false;
    if (!owner.has(id)) report(path, unknown('coach', id));
    else if (!isCoach(id)) report(path, `'${id}' is not a coach`);
    else return true;
    return false;
  };
  const preferred = new Set<string>();
  list(coachee.preferences).forEach((id, j) => {
    if (!checkCoach(id, ['coachees', i, 'preferences', j])) return;
    if (preferred.has(id as string)) report(['coachees', i, 'preferences', j], `coach '${String(id)}' is ranked twice`);
    preferred.add(id as string);
  });
  list(coachee.avoid).forEach((id, j) => {
    if (!checkCoach(id, ['coachees', i, 'avoid', j])) return;
    if (preferred.has(id as string)) {
      report(['coachees', i, 'avoid', j], `coach '${String(id)}' is both preferred and avoided`);
    }
  });
  if (coachee.currentCoach !== undefined) checkCoach(coachee.currentCoach, ['coachees', i, 'currentCoach']);
}
