import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cohortIssues } from '../helpers/issuePaths.js';

const alumni = () => JSON.parse(readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8'));
const issuesOf = cohortIssues;

// Each issue says why in words a coordinator reads, not zod's "Invalid input".
describe('issue wording', () => {
  it('calls a field left out required, saying what it takes', () => {
    const doc = alumni();
    delete doc.coaches[0].capacity;
    delete doc.attributes.find((a: { kind: string }) => a.kind === 'numeric').scale;
    expect(issuesOf(doc)).toEqual(
      expect.arrayContaining([
        { path: '$.coaches[0].capacity', message: 'required: a number' },
        { path: expect.stringMatching(/^\$\.attributes\[\d+\]\.scale$/), message: 'required: an object' },
      ]),
    );
  });

  it('says what an attribute value may be when it is none of them', () => {
    const doc = alumni();
    doc.coaches[0].attributes.age = null;
    doc.coaches[1].attributes.hobbies = ['reading', 7];
    expect(issuesOf(doc)).toEqual([
      { path: '$.coaches[0].attributes.age', message: 'expected a string, a number or a list of strings, got null' },
      { path: '$.coaches[1].attributes.hobbies', message: 'a set value is a list of at most 1000 strings, each at most 1000 characters long' },
    ]);
  });
});
