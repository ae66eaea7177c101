import { CoachmatchError, type InputIssue } from '../errors.js';
import { toJsonPath } from '../model/toJsonPath.js';
import type { CsvMapping, CsvSection } from './csvMapping.js';
import { csvDelimiters } from './detectDelimiter.js';

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const topKeys = new Set(['$schema', 'name', 'description', 'delimiter', 'listSeparator', 'attributes', 'columns', 'policy']);
const sections: readonly CsvSection[] = ['coaches', 'coachees', 'relations'];

/**
 * Checks the shape of a mapping config (already parsed from JSON) and returns it typed. The
 * `attributes` and `policy` sections are left to {@link parseCohort}, which checks them as part
 * of the cohort document (their problems are reported at `mapping.json:$.attributes[0].kind`);
 * column targets are checked against each file's columns when the files are read.
 *
 * @param name - the mapping file's name, used in problem paths.
 * @throws CoachmatchError of kind `invalidCohort`, every problem at `<name>:<JSON path>`.
 *
 * @example
 * ```ts
 * const mapping = parseCsvMapping(JSON.parse(text), 'mapping.json');
 * ```
 */
export function parseCsvMapping(input: unknown, name = 'mapping'): Partial<CsvMapping> {
  const issues: InputIssue[] = [];
  const report = (path: (string | number)[], message: string) => issues.push({ path: `${name}:${toJsonPath(path)}`, message });
  if (!isRecord(input)) {
    report([], 'expected an object');
    throw new CoachmatchError('invalidCohort', `Invalid CSV mapping ${name}`, issues);
  }
  for (const key of Object.keys(input)) if (!topKeys.has(key)) report([key], `unknown field '${key}'`);
  for (const key of ['name', 'description'] as const) {
    if (input[key] !== undefined && typeof input[key] !== 'string') report([key], 'expected a string');
  }
  if (input.delimiter !== undefined && !(csvDelimiters as readonly unknown[]).includes(input.delimiter)) {
    report(['delimiter'], 'expected ",", ";" or a tab');
  }
  if (input.listSeparator !== undefined && (typeof input.listSeparator !== 'string' || input.listSeparator.length === 0)) {
    report(['listSeparator'], 'expected a non-empty string');
  }
  if (input.attributes !== undefined && !Array.isArray(input.attributes)) report(['attributes'], 'expected a list of attribute declarations');
  if (input.policy !== undefined && !isRecord(input.policy)) report(['policy'], 'expected an object');
  if (input.columns !== undefined) {
    if (!isRecord(input.columns)) report(['columns'], 'expected an object with coaches, coachees and relations');
    else {
      for (const [section, columns] of Object.entries(input.columns)) {
        if (!(sections as readonly string[]).includes(section)) report(['columns', section], `unknown file '${section}': use coaches, coachees or relations`);
        else if (!isRecord(columns)) report(['columns', section], 'expected an object: header → target or null');
        else {
          for (const [header, target] of Object.entries(columns)) {
            if (target !== null && (typeof target !== 'string' || target.trim() === '')) {
              report(['columns', section, header], 'expected a target such as "name", "attr:gender" or null to ignore the column');
            }
          }
        }
      }
    }
  }
  if (issues.length > 0) throw new CoachmatchError('invalidCohort', `Invalid CSV mapping ${name}`, issues);
  return input as Partial<CsvMapping>;
}
