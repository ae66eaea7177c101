import { describe, expect, it } from 'vitest';
import { parseCsvCohort } from '../../src/csv/parseCsvCohort.js';
import { parseSweepSpec } from '../../src/scenarios/parseSweepSpec.js';
import { auditStability } from '../../src/stable/auditStability.js';
import { thrownKindAndPaths } from '../helpers/issuePaths.js';

// Valid with the default mapping: in the case below only the mapping is wrong.
const minimalCsv = {
  coaches: { name: 'coaches.csv', content: 'id,name,capacity,socioEmotional,network,autonomy,career\nk1,K,1,3,3,3,3\n' },
  coachees: { name: 'coachees.csv', content: 'id,name,socioEmotional,network,autonomy,career\ne1,E,3,3,3,3\n' },
};

describe('library entry points called without types', () => {
  const cases: [string, () => unknown][] = [
    ['auditStability with a null assignment', () => auditStability({ rows: 1, cols: 1, rowPrefs: [[0]], colPrefs: [[0]] }, null as never)],
    ['parseCsvCohort(null)', () => parseCsvCohort(null as never)],
    ['parseCsvCohort with files as plain strings', () => parseCsvCohort({ coaches: 'id,name\n', coachees: 'id\n' } as never)],
    ['parseCsvCohort with a mapping that is not an object', () => parseCsvCohort(minimalCsv, 7 as never)],
    ['parseSweepSpec({})', () => parseSweepSpec({} as never)],
  ];
  for (const [name, run] of cases) {
    it(`${name}: a CoachmatchError of bad input`, () => {
      // A TypeError is rethrown by thrownKindAndPaths, failing the test.
      expect(['invalidArgument', 'invalidCohort']).toContain(thrownKindAndPaths(run).kind);
    });
  }
});
