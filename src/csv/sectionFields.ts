import type { CsvSection } from './csvMapping.js';
import type { CsvField } from './columnTarget.js';

/** The record fields each CSV file may carry; the first ones listed for a file are required. */
export const sectionFields: Readonly<Record<CsvSection, readonly CsvField[]>> = Object.freeze({
  coaches: ['id', 'name', 'capacity', 'minLoad', 'active', 'type'],
  coachees: ['id', 'name', 'preferences', 'avoid', 'priority', 'currentCoach'],
  relations: ['from', 'to', 'type', 'fromName', 'toName'],
});

/** The fields a file must have a column for (the support scores come on top for coaches and coachees). */
export const requiredFields: Readonly<Record<CsvSection, readonly CsvField[]>> = Object.freeze({
  coaches: ['id', 'name', 'capacity'],
  coachees: ['id', 'name'],
  relations: ['from', 'to', 'type'],
});
