import { describe, expect, it } from 'vitest';
import { CoachmatchError, isErrorOfKind } from '../../src/errors.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { validateCohort } from '../../src/model/validateCohort.js';

const support = { socioEmotional: 3, network: 3, autonomy: 3, career: 3 };

/** A small valid cohort document; each test breaks one thing in a fresh copy. */
function base(): any {
  return {
    attributes: [
      { key: 'gender', kind: 'categorical', role: 'identity' },
      { key: 'age', kind: 'numeric', role: 'identity', scale: { min: 18, max: 70 } },
      { key: 'hobbies', kind: 'set', role: 'identity', weight: 0.5 },
      { key: 'role', kind: 'categorical', role: 'profession' },
    ],
    coaches: [
      { id: 'c2', name: 'Coach Two', capacity: 2, attributes: { gender: 'f', role: 'trainer' }, support },
      { id: 'c1', name: 'Coach One', capacity: 1, attributes: { age: 40, hobbies: ['jazz', 'chess', 'jazz'] }, support },
    ],
    coachees: [
      { id: 's2', name: 'Student Two', needs: support, aspiration: { role: 'trainer' }, preferences: ['c2', 'c1'], avoid: [] },
      { id: 's1', name: 'Student One', needs: support, avoid: ['c2', 'c1'] },
    ],
    people: [{ id: 'p1', name: 'Evaluator' }],
    relations: [
      { from: 'p1', to: 's1', type: 'evaluates' },
      { from: 's2', to: 'c1', type: 'closeTo' },
    ],
  };
}

/** The issues `parseCohort` throws for a document (fails the test when it does not throw). */
function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    parseCohort(input);
  } catch (e) {
    expect(isErrorOfKind(e, 'invalidCohort')).toBe(true);
    return [...(e as CoachmatchError).issues];
  }
  throw new Error('expected parseCohort to throw');
}
const pathsOf = (input: unknown) => issuesOf(input).map((i) => i.path);

describe(parseCohort, () => {
  describe('on a valid document', () => {
    it('sorts coaches, coachees, people and attributes canonically', () => {
      const c = parseCohort(base());
      expect(c.coaches.map((x) => x.id)).toEqual(['c1', 'c2']);
      expect(c.coachees.map((x) => x.id)).toEqual(['s1', 's2']);
      expect(c.attributes.map((a) => a.key)).toEqual(['age', 'gender', 'hobbies', 'role']);
    });
    it('fills the defaults', () => {
      const c = parseCohort(base());
      const coach = c.coaches[0]!;
      expect(coach).toMatchObject({ minLoad: 0, active: true, type: 'external' });
      expect(c.coachees[0]).toMatchObject({ priority: 1, preferences: [], aspiration: {} });
      expect(c.attributes.find((a) => a.key === 'age')).toMatchObject({ label: 'age', weight: 1, sharedWithin: 5.2 });
    });
    it('sorts and de-duplicates set values and avoid lists, but keeps the preference ranking', () => {
      const c = parseCohort(base());
      expect(c.coaches[0]!.attributes.hobbies).toEqual(['chess', 'jazz']);
      expect(c.coachees[0]!.avoid).toEqual(['c1', 'c2']);
      expect(c.coachees[1]!.preferences).toEqual(['c2', 'c1']);
    });
    it('puts text values in Unicode NFC, so an accent typed either way is one value', () => {
      const composed = 'Li\u00e8ge';
      const decomposed = 'Lie\u0300ge';
      const doc = base();
      doc.coaches[0].attributes.gender = decomposed;
      doc.coaches[1].attributes.hobbies = [decomposed, composed, 'jazz'];
      doc.coachees[0].aspiration = { role: decomposed };
      doc.attributes[3].related = { groups: [[decomposed, 'trainer']] };
      const c = parseCohort(doc);
      const coach = (id: string) => c.coaches.find((x) => x.id === id)!;
      expect(coach('c2').attributes.gender).toBe(composed);
      expect(coach('c1').attributes.hobbies).toEqual([composed, 'jazz']);
      expect(c.coachees.find((x) => x.id === 's2')!.aspiration.role).toBe(composed);
      const role = c.attributes.find((a) => a.key === 'role')!;
      expect('related' in role && role.related?.groups).toEqual([[composed, 'trainer']]);
    });
    it('stores symmetric relations from the smaller id and sorts relations', () => {
      const c = parseCohort(base());
      expect(c.relations).toEqual([
        { from: 'c1', to: 's2', type: 'closeTo' },
        { from: 'p1', to: 's1', type: 'evaluates' },
      ]);
    });
    it('drops duplicate relations, including a symmetric one written both ways', () => {
      const doc = base();
      doc.relations.push({ from: 'c1', to: 's2', type: 'closeTo' }, { from: 'p1', to: 's1', type: 'evaluates' });
      expect(parseCohort(doc).relations).toHaveLength(2);
    });
    it('does not depend on the order of records or relations', () => {
      const doc = base();
      const shuffled = { ...doc, coaches: [...doc.coaches].reverse(), coachees: [...doc.coachees].reverse(), relations: [...doc.relations].reverse() };
      expect(parseCohort(shuffled)).toEqual(parseCohort(doc));
    });
    it('returns a frozen cohort', () => {
      const c = parseCohort(base());
      expect(Object.isFrozen(c)).toBe(true);
      expect(Object.isFrozen(c.coaches[0]!.attributes)).toBe(true);
    });
  });

  describe('on bad input', () => {
    it('throws one invalidCohort error for a non-object', () => {
      expect(pathsOf(42)).toEqual(['$']);
    });
    it('reports a duplicate id across coaches, coachees and people', () => {
      const doc = base();
      doc.coachees[1].id = 'c1';
      doc.people[0].id = 'c2';
      expect(pathsOf(doc)).toEqual(expect.arrayContaining(['$.coachees[1].id', '$.people[0].id']));
    });
    it('reports a relation to an unknown person at its end', () => {
      const doc = base();
      doc.relations.push({ from: 'c1', to: 'nobody', type: 'family' }, { from: 'ghost', to: 's1', type: 'manages' });
      expect(pathsOf(doc)).toEqual(['$.relations[2].to', '$.relations[3].from']);
    });
    it('reports a relation from a person to themself', () => {
      const doc = base();
      doc.relations.push({ from: 'c1', to: 'c1', type: 'closeTo' });
      expect(pathsOf(doc)).toEqual(['$.relations[2]']);
    });
    it('reports an unknown relation type', () => {
      const doc = base();
      doc.relations[0].type = 'likes';
      expect(pathsOf(doc)).toEqual(['$.relations[0].type']);
    });
    it('reports preferences, avoid lists and current coaches naming an unknown coach or a non-coach', () => {
      const doc = base();
      doc.coachees[0].preferences = ['c2', 'zz'];
      doc.coachees[0].avoid = ['s1'];
      doc.coachees[1].currentCoach = 'p1';
      expect(pathsOf(doc)).toEqual(['$.coachees[0].preferences[1]', '$.coachees[0].avoid[0]', '$.coachees[1].currentCoach']);
    });
    it('reports a coach ranked twice or both preferred and avoided', () => {
      const doc = base();
      doc.coachees[0].preferences = ['c2', 'c2'];
      doc.coachees[0].avoid = ['c2'];
      expect(pathsOf(doc)).toEqual(['$.coachees[0].preferences[1]', '$.coachees[0].avoid[0]']);
    });
    it('reports an attribute key that is not declared', () => {
      const doc = base();
      doc.coaches[0].attributes.shoeSize = '42';
      doc.people[0].attributes = { 'home town': 'Heerlen' };
      expect(pathsOf(doc)).toEqual(['$.coaches[0].attributes.shoeSize', '$.people[0].attributes["home town"]']);
    });
    it('refuses "__proto__" as an attribute key, which objects built from the record would drop', () => {
      // As a file would give it: JSON.parse keeps "__proto__" as an own key.
      const doc = JSON.parse(JSON.stringify(base()).replace('"key":"gender"', '"key":"__proto__"').replace('"gender":"f"', '"__proto__":"f"'));
      const issues = issuesOf(doc);
      expect(issues.map((i) => i.path).sort()).toEqual(['$.attributes[0].key', '$.coaches[0].attributes.__proto__']);
      expect(issues[0]!.message).toMatch(/__proto__/);
    });
    it('reports a numeric scale that is upside down or whose span overflows', () => {
      const doc = base();
      doc.attributes.push({ key: 'height', kind: 'numeric', role: 'identity', scale: { min: 2, max: 1 } });
      doc.attributes.push({ key: 'wealth', kind: 'numeric', role: 'identity', scale: { min: -1e308, max: 1e308 } });
      const issues = issuesOf(doc);
      expect(issues.map((i) => i.path)).toEqual(['$.attributes[4].scale', '$.attributes[5].scale']);
      expect(issues[1]!.message).toMatch(/overflows/);
    });
    it('reports ids that differ only in Unicode form, and names the id a reference in the other form meant', () => {
      const composed = 'jos\u00e9';
      const decomposed = 'jose\u0301';
      const doc = base();
      doc.coaches[0].id = composed;
      doc.coaches[1].id = decomposed;
      doc.coachees[0].preferences = [];
      doc.coachees[1].avoid = [];
      doc.relations = [];
      expect(issuesOf(doc)).toEqual([{ path: '$.coaches[1].id', message: expect.stringContaining('only in its Unicode form') }]);
      // The Kelvin sign's NFC form is the plain letter K: an ASCII id can have a twin too.
      doc.coaches[0].id = '\u212A1';
      doc.coaches[1].id = 'K1';
      expect(issuesOf(doc)).toEqual([{ path: '$.coaches[1].id', message: expect.stringContaining('only in its Unicode form') }]);
      const other = base();
      other.coaches[0].id = composed;
      other.coachees[0].preferences = [decomposed];
      other.coachees[1].avoid = ['c1'];
      other.relations = [{ from: 'p1', to: 's1', type: 'evaluates' }, { from: decomposed, to: 's1', type: 'closeTo' }];
      const issues = issuesOf(other);
      expect(issues.map((i) => i.path)).toEqual(['$.coachees[0].preferences[0]', '$.relations[1].from']);
      for (const issue of issues) expect(issue.message).toContain(`'${composed}' differs from it only in its Unicode form`);
    });
    // Was: "nationalité" declared composed and decomposed passed as two attributes.
    it('reports attribute keys that differ only in Unicode form, letter case, invisible characters or spaces, and names the key a value meant', () => {
      for (const [first, second, difference] of [
        ['nationalit\u00e9', 'nationalite\u0301', 'its Unicode form (composed or decomposed accents)'],
        ['Team', 'team', 'letter case'],
        ['team', 'team\u200b', 'an invisible character (U+200B)'],
        ['team', 'team ', 'spaces at either end'],
      ]) {
        const doc = base();
        doc.attributes.push({ key: first, kind: 'categorical', role: 'identity' }, { key: second, kind: 'categorical', role: 'identity' });
        expect(issuesOf(doc)).toEqual([{ path: '$.attributes[5].key', message: `attribute '${second}' differs from '${first}' (at $.attributes[4].key) only in ${difference}: use one spelling` }]);
      }
      const doc = base();
      doc.coaches[0].attributes = { Gender: 'f' };
      expect(issuesOf(doc)).toEqual([{ path: '$.coaches[0].attributes.Gender', message: "attribute 'Gender' is not declared: 'gender' differs from it only in letter case" }]);
    });
    it('reports ids that differ only in invisible characters or spaces at either end, but not ids that differ in letter case', () => {
      const doc = base();
      doc.coachees[0].preferences = [];
      doc.coachees[1].avoid = [];
      doc.relations = [];
      doc.coaches[1].id = 'c2\u200b';
      expect(issuesOf(doc)).toEqual([{ path: '$.coaches[1].id', message: "id 'c2\u200b' differs from 'c2' (at $.coaches[0].id) only in an invisible character (U+200B): use one spelling" }]);
      doc.coaches[1].id = ' c2';
      expect(issuesOf(doc)).toEqual([{ path: '$.coaches[1].id', message: expect.stringContaining('only in spaces at either end') }]);
      doc.coaches[1].id = 'C2';
      expect(parseCohort(doc).coaches.map((c) => c.id).sort()).toEqual(['C2', 'c2']);
    });
    it('names the id a reference was likely meant to be when they differ only in letter case, invisible characters or spaces', () => {
      const doc = base();
      doc.coachees[0].preferences = ['C1', 'c1\u00ad'];
      doc.coachees[1].avoid = ['c1 '];
      doc.relations = [{ from: '\ufeffP1', to: 's1', type: 'evaluates' }];
      const issues = issuesOf(doc);
      expect(issues.map((i) => i.path)).toEqual(['$.coachees[0].preferences[0]', '$.coachees[0].preferences[1]', '$.coachees[1].avoid[0]', '$.relations[0].from']);
      expect(issues.map((i) => i.message.split(': ')[1])).toEqual([
        "'c1' differs from it only in letter case",
        "'c1' differs from it only in an invisible character (U+00AD)",
        "'c1' differs from it only in spaces at either end",
        "'p1' differs from it only in an invisible character (U+FEFF) and letter case",
      ]);
      // A reference like no id at all keeps the plain message.
      doc.coachees[1].avoid = ['c9'];
      expect(issuesOf(doc).find((i) => i.path === '$.coachees[1].avoid[0]')!.message).toBe("unknown coach 'c9'");
    });
    it('counts every problem but lists the first thousand, so a million bad ids give a short error', () => {
      const doc = base();
      doc.coachees[1].avoid = Array.from({ length: 5000 }, (_, i) => `ghost-${i}`);
      const issues = issuesOf(doc);
      expect(issues).toHaveLength(1001);
      expect(issues.at(-1)).toEqual({ path: '$', message: '… and 4000 more problems' });
      expect(() => parseCohort(doc)).toThrow(expect.objectContaining({ message: expect.stringMatching(/^Invalid cohort: 5000 problems/), issueCount: 5000 }));
    });
    it('keeps each problem short however long the text it is about: keys too long are named cut short, at their record', () => {
      const doc = base();
      const long = 'q'.repeat(1_000_000);
      doc.coaches[0].attributes[long] = 'x';
      doc.coaches[1][long] = 1;
      doc.coachees[0].preferences = [long];
      doc.coachees[1].avoid = Array.from({ length: 2000 }, () => long);
      doc.relations = [{ from: long, to: 's1', type: 'evaluates' }];
      const issues = issuesOf(doc);
      expect(issues.slice(0, 4)).toEqual([
        { path: '$.coaches[0].attributes', message: `an attribute key is 1000000 characters long; at most 256 are allowed ("${'q'.repeat(40)}…")` },
        { path: '$.coaches[1]', message: `unknown field "${'q'.repeat(40)}…" (1000000 characters)` },
        { path: '$.coachees[0].preferences[0]', message: 'an id is 1000000 characters long; at most 256 are allowed' },
        { path: '$.coachees[1].avoid[0]', message: 'an id is 1000000 characters long; at most 256 are allowed' },
      ]);
      // Reported once, by the schema: the cross-record checks, which would quote it, pass it by.
      expect(issues.every((i) => i.path.length + i.message.length < 200)).toBe(true);
    });
    it('reports a document it cannot read (a getter that throws, a revoked proxy) as an invalid cohort', () => {
      const doc = base();
      Object.defineProperty(doc.coaches[0], 'capacity', { enumerable: true, get: () => { throw new Error('no access'); } });
      expect(issuesOf(doc)).toEqual([{ path: '$', message: 'could not be read as plain data' }]);
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      expect(issuesOf(proxy)).toEqual([{ path: '$', message: 'could not be read as plain data' }]);
    });
    it('reports attribute values of the wrong kind', () => {
      const doc = base();
      doc.coaches[0].attributes.gender = 2;
      doc.coaches[1].attributes.age = 'forty';
      doc.coaches[1].attributes.hobbies = 'jazz';
      doc.coachees[0].attributes = { gender: ['f'] };
      expect(pathsOf(doc)).toEqual([
        '$.coaches[0].attributes.gender',
        '$.coaches[1].attributes.age',
        '$.coaches[1].attributes.hobbies',
        '$.coachees[0].attributes.gender',
      ]);
    });
    it('reports a numeric value outside its scale', () => {
      const doc = base();
      doc.coaches[1].attributes.age = 12;
      expect(pathsOf(doc)).toEqual(['$.coaches[1].attributes.age']);
    });
    it('reports an aspiration on an identity or undeclared attribute', () => {
      const doc = base();
      doc.coachees[0].aspiration = { gender: 'f', salary: 'high' };
      expect(pathsOf(doc)).toEqual(['$.coachees[0].aspiration.gender', '$.coachees[0].aspiration.salary']);
    });
    it('reports a negative or fractional capacity', () => {
      const doc = base();
      doc.coaches[0].capacity = -1;
      doc.coaches[1].capacity = 1.5;
      expect(pathsOf(doc)).toEqual(['$.coaches[0].capacity', '$.coaches[1].capacity']);
    });
    it('reports a minimum load above the capacity', () => {
      const doc = base();
      doc.coaches[0].minLoad = 3;
      expect(pathsOf(doc)).toEqual(['$.coaches[0].minLoad']);
    });
    it('reports support scores outside 1–5 and a missing needs profile', () => {
      const doc = base();
      doc.coaches[0].support = { ...support, career: 6 };
      delete doc.coachees[1].needs;
      expect(pathsOf(doc)).toEqual(['$.coaches[0].support.career', '$.coachees[1].needs']);
    });
    it('reports an unknown field at its own path', () => {
      const doc = base();
      doc.coaches[0].capacty = 3;
      expect(pathsOf(doc)).toEqual(['$.coaches[0].capacty']);
    });
    it('reports inconsistent attribute declarations', () => {
      const doc = base();
      doc.attributes.push(
        { key: 'gender', kind: 'categorical', role: 'identity' },
        { key: 'seniority', kind: 'numeric', role: 'identity', scale: { min: 5, max: 5 } },
        { key: 'town', kind: 'text', role: 'identity', credit: 0.5 },
        { key: 'sector', kind: 'categorical', role: 'profession', weight: 2 },
        { key: 'height', kind: 'numeric', role: 'identity' },
      );
      expect(pathsOf(doc)).toEqual([
        '$.attributes[8].scale',
        '$.attributes[4].key',
        '$.attributes[5].scale',
        '$.attributes[6].credit',
        '$.attributes[7].weight',
      ]);
    });
    // Was: weight 1e308 passed, and match failed with "utility of pair (0, 0) is not finite".
    it('bounds an attribute weight as policy weights are, at its path', () => {
      const doc = base();
      doc.attributes.push({ key: 'town', kind: 'text', role: 'identity', weight: 1e308 }, { key: 'team', kind: 'categorical', role: 'identity', weight: 1_000_000 });
      expect(pathsOf(doc)).toEqual(['$.attributes[4].weight']);
    });
    it('reports an unknown preset and out-of-range policy fields', () => {
      const doc = base();
      doc.policy = { preset: 'greedy', insiderThreshold: 2, weights: { aspiration: -1 } };
      expect(pathsOf(doc)).toEqual(['$.policy.preset', '$.policy.weights.aspiration', '$.policy.insiderThreshold']);
    });
    it('reports every problem at once, schema and cross-record alike', () => {
      const doc = base();
      doc.coaches[0].capacity = -2;
      doc.coaches[1].id = 'c2';
      doc.coachees[0].preferences = ['nope'];
      doc.coachees[1].attributes = { gender: 7 };
      doc.coachees[1].avoid = [];
      doc.relations[1].to = 'missing';
      const paths = pathsOf(doc);
      expect(paths).toHaveLength(5);
      expect(paths).toEqual(
        expect.arrayContaining([
          '$.coaches[0].capacity',
          '$.coaches[1].id',
          '$.coachees[0].preferences[0]',
          '$.coachees[1].attributes.gender',
          '$.relations[1].to',
        ]),
      );
    });
    it('throws a CoachmatchError whose message lists the problems', () => {
      const doc = base();
      doc.coaches[0].capacity = -2;
      expect(() => parseCohort(doc)).toThrow(CoachmatchError);
    });
  });
});

describe(validateCohort, () => {
  it('returns the canonical cohort when the document is valid', () => {
    const result = validateCohort(base());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.cohort).toEqual(parseCohort(base()));
  });
  it('returns the same issues parseCohort throws', () => {
    const doc = base();
    doc.coaches[0].capacity = -1;
    doc.relations[0].to = 'x';
    const result = validateCohort(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toEqual(issuesOf(doc));
  });
});
