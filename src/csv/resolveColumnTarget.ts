import { supportKinds, type SupportKind } from '../model/supportKinds.js';
import type { ColumnTarget } from './columnTarget.js';
import type { CsvSection } from './csvMapping.js';
import { headerKey } from './headerKey.js';
import { sectionFields } from './sectionFields.js';

const prefixed = /^\s*(attr|attribute|aspiration|support|needs)\s*:\s*(.+?)\s*$/i;

/**
 * Recognises a column from its header (or from the target a mapping gives it):
 *
 * - a field of the file, by name: `id`, `name`, `capacity`, `minLoad`, `active`, `type`
 *   (coaches); `id`, `name`, `preferences`, `avoid`, `priority`, `currentCoach` (coachees);
 *   `from`, `to`, `type`, `fromName`, `toName` (relations);
 * - a support score: `socioEmotional`, `network`, `autonomy`, `career` (a coach's `support`,
 *   a coachee's `needs`), or explicitly `support:career` (coaches), `needs:career` (coachees);
 * - an attribute: `attr:<key>`, or the plain key when the mapping declares that attribute;
 * - an aspiration (coachees): `aspiration:<key>`.
 *
 * Names compare ignoring case, spaces, `_`, `-` and Unicode form (see {@link headerKey}); field names
 * win over a declared attribute of the same name. Returns undefined for an unknown column.
 *
 * @example
 * ```ts
 * resolveColumnTarget('Socio-emotional', 'coachees', []); // { kind: 'support', key: 'socioEmotional' }
 * resolveColumnTarget('gender', 'coaches', ['gender']);  // { kind: 'attribute', key: 'gender' }
 * ```
 */
export function resolveColumnTarget(header: string, section: CsvSection, declaredKeys: readonly string[]): ColumnTarget | undefined {
  const people = section !== 'relations';
  const declared = (key: string) => declaredKeys.find((k) => headerKey(k) === headerKey(key)) ?? key;
  const support = (name: string) => supportKinds.find((k) => headerKey(k) === headerKey(name));
  const match = prefixed.exec(header);
  if (match !== null) {
    const prefix = match[1]!.toLowerCase();
    const rest = match[2]!;
    if ((prefix === 'attr' || prefix === 'attribute') && people) return { kind: 'attribute', key: declared(rest) };
    if (prefix === 'aspiration' && section === 'coachees') return { kind: 'aspiration', key: declared(rest) };
    const kind: SupportKind | undefined = support(rest);
    if (kind === undefined) return undefined;
    if (prefix === 'support' && section === 'coaches') return { kind: 'support', key: kind };
    if (prefix === 'needs' && section === 'coachees') return { kind: 'support', key: kind };
    return undefined;
  }
  const field = sectionFields[section].find((f) => headerKey(f) === headerKey(header));
  if (field !== undefined) return { kind: 'field', field };
  if (!people) return undefined;
  const kind = support(header);
  if (kind !== undefined) return { kind: 'support', key: kind };
  const key = declaredKeys.find((k) => headerKey(k) === headerKey(header));
  return key === undefined ? undefined : { kind: 'attribute', key };
}
