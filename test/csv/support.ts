import type { CsvSource } from '../../src/csv/csvSource.js';
import { CoachmatchError, isErrorOfKind, type InputIssue } from '../../src/errors.js';

/** A CSV source from lines of text (joined with `\n`). */
export const csv = (name: string, ...lines: string[]): CsvSource => ({ name, content: `${lines.join('\n')}\n` });

/** The issues a call throws as `invalidCohort` (fails the test when it does not throw). */
export function issuesOf(run: () => unknown): readonly InputIssue[] {
  try {
    run();
  } catch (error) {
    if (!isErrorOfKind(error, 'invalidCohort')) throw error;
    return (error as CoachmatchError).issues;
  }
  throw new Error('expected an invalidCohort error');
}

export const coachHeader = 'id,name,capacity,socioEmotional,network,autonomy,career';
export const coacheeHeader = 'id,name,socioEmotional,network,autonomy,career';
