import type { SupportKind } from '../model/supportKinds.js';

/** Record fields a CSV column can fill directly, per file (see {@link sectionFields}). */
export type CsvField =
  | 'id'
  | 'name'
  | 'capacity'
  | 'minLoad'
  | 'active'
  | 'type'
  | 'preferences'
  | 'avoid'
  | 'priority'
  | 'currentCoach'
  | 'from'
  | 'to'
  | 'fromName'
  | 'toName';

/**
 * What one CSV column fills in the cohort document: a record field, one of the four support
 * scores (`support` of a coach, `needs` of a coachee), an attribute, an aspiration, or
 * nothing (an ignored column).
 */
export type ColumnTarget =
  | { readonly kind: 'field'; readonly field: CsvField }
  | { readonly kind: 'support'; readonly key: SupportKind }
  | { readonly kind: 'attribute'; readonly key: string }
  | { readonly kind: 'aspiration'; readonly key: string }
  | { readonly kind: 'ignore' };
