import { describe, expect, it } from 'vitest';
import { parseMatchingFormat, renderMatchingAs } from '../../src/report/renderMatchingAs.js';
import { createEngine } from '../../src/composition/createEngine.js';
import { isErrorOfKind } from '../../src/errors.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { smallCohort } from './support.js';

describe(renderMatchingAs, () => {
  const matching = createEngine().match(parseCohort(smallCohort()));

  it('renders each format', () => {
    expect(JSON.parse(renderMatchingAs('json', matching))).toEqual(JSON.parse(JSON.stringify(matching)));
    expect(renderMatchingAs('md', matching, 'Round 1').startsWith('# Round 1')).toBe(true);
    expect(renderMatchingAs('html', matching, 'Round 1')).toContain('<title>Round 1</title>');
    expect(renderMatchingAs('csv', matching)).toContain('coacheeId,coacheeName');
  });

  it('accepts the four formats and rejects others', () => {
    expect(parseMatchingFormat(undefined)).toBe('json');
    expect(parseMatchingFormat('html')).toBe('html');
    try {
      parseMatchingFormat('pdf');
      throw new Error('expected a failure');
    } catch (error) {
      expect(isErrorOfKind(error, 'invalidArgument')).toBe(true);
    }
  });
});
