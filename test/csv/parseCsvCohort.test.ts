import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvCohort } from '../../src/csv/parseCsvCohort.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { thrownError } from '../helpers/issuePaths.js';
import { coacheeHeader, coachHeader, csv, issuesOf } from './support.js';

const coachLines = [
  'id,name,capacity,socioEmotional,network,autonomy,career,attr:gender,attr:age,attr:hobbies,minLoad,active,type',
  'c1,Joke Dijkstra,2,5,3,2,5,female,41,chess|jazz,1,yes,Internal',
  'c2,"Elif Aydın, MSc",1,4,4,3,4,female,34,cooking,,,',
  'c3,"Kees ""KC"" Broek",1,4,4,3,4,male,61,,,no,external',
];
const coacheeLines = [
  'id,name,socioEmotional,network,autonomy,career,attr:gender,attr:age,aspiration:sector,preferences,avoid,priority,currentCoach',
  's1,Zoë de Vries,3,3,2,4,female,24,healthcare,c2|c1,,"1,5",',
  's2,Loïc Mertens,3,2,4,3,male,27,,,c1,,c2',
];
const relationLines = ['from,to,type,fromName,toName', 'boss,s1,Evaluates,Dr. Roel Mertens,', 'c1,boss,closeTo,,Dr. Roel Mertens'];
const files = {
  coaches: csv('coaches.csv', ...coachLines),
  coachees: csv('coachees.csv', ...coacheeLines),
  relations: csv('relations.csv', ...relationLines),
};
const support = (a: number, b: number, c: number, d: number) => ({ socioEmotional: a, network: b, autonomy: c, career: d });

/** The cohort document the CSV files above describe, written by hand. */
const expectedDocument = {
  attributes: [
    { key: 'age', kind: 'numeric', role: 'identity', scale: { min: 24, max: 61 } },
    { key: 'gender', kind: 'categorical', role: 'identity' },
    { key: 'hobbies', kind: 'set', role: 'identity' },
    { key: 'sector', kind: 'categorical', role: 'profession' },
  ],
  coaches: [
    { id: 'c1', name: 'Joke Dijkstra', capacity: 2, minLoad: 1, active: true, type: 'internal', support: support(5, 3, 2, 5), attributes: { gender: 'female', age: 41, hobbies: ['chess', 'jazz'] } },
    { id: 'c2', name: 'Elif Aydın, MSc', capacity: 1, support: support(4, 4, 3, 4), attributes: { gender: 'female', age: 34, hobbies: ['cooking'] } },
    { id: 'c3', name: 'Kees "KC" Broek', capacity: 1, active: false, type: 'external', support: support(4, 4, 3, 4), attributes: { gender: 'male', age: 61 } },
  ],
  coachees: [
    { id: 's1', name: 'Zoë de Vries', needs: support(3, 3, 2, 4), attributes: { gender: 'female', age: 24 }, aspiration: { sector: 'healthcare' }, preferences: ['c2', 'c1'], priority: 1.5 },
    { id: 's2', name: 'Loïc Mertens', needs: support(3, 2, 4, 3), attributes: { gender: 'male', age: 27 }, avoid: ['c1'], currentCoach: 'c2' },
  ],
  people: [{ id: 'boss', name: 'Dr. Roel Mertens' }],
  relations: [
    { from: 'boss', to: 's1', type: 'evaluates' },
    { from: 'boss', to: 'c1', type: 'closeTo' },
  ],
};

const encode = (text: string) => new TextEncoder().encode(text);

describe(parseCsvCohort, () => {
  describe('on valid files', () => {
    it('gives the cohort the equivalent JSON document gives', () => {
      expect(parseCsvCohort(files)).toEqual(parseCohort(expectedDocument));
    });

    it('reads semicolons, a byte-order mark, Windows line endings and bytes the same way', () => {
      const bytes = (name: string, lines: string[]) => ({ name, content: encode(`\uFEFF${lines.join('\r\n')}\r\n`) });
      const semicolons = {
        coaches: bytes('coaches.csv', [
          'id;name;capacity;socioEmotional;network;autonomy;career;attr:gender;attr:age;attr:hobbies;minLoad;active;type',
          'c1;Joke Dijkstra;2;5;3;2;5;female;41;chess|jazz;1;yes;Internal',
          'c2;Elif Aydın, MSc;1;4;4;3;4;female;34;cooking;;;',
          'c3;"Kees ""KC"" Broek";1;4;4;3;4;male;61;;;no;external',
        ]),
        coachees: bytes('coachees.csv', [
          'id;name;socioEmotional;network;autonomy;career;attr:gender;attr:age;aspiration:sector;preferences;avoid;priority;currentCoach',
          's1;Zoë de Vries;3;3;2;4;female;24;healthcare;c2|c1;;1,5;',
          's2;Loïc Mertens;3;2;4;3;male;27;;;c1;;c2',
        ]),
        relations: bytes('relations.csv', ['from;to;type;fromName;toName', 'boss;s1;Evaluates;Dr. Roel Mertens;', 'c1;boss;closeTo;;Dr. Roel Mertens']),
      };
      expect(parseCsvCohort(semicolons)).toEqual(parseCsvCohort(files));
    });

    it('does not depend on the order of the rows', () => {
      fc.assert(
        fc.property(fc.shuffledSubarray(coacheeLines.slice(1), { minLength: 2 }), fc.shuffledSubarray(coachLines.slice(1), { minLength: 3 }), (coachees, coaches) => {
          const shuffled = { ...files, coaches: csv('coaches.csv', coachLines[0]!, ...coaches), coachees: csv('coachees.csv', coacheeLines[0]!, ...coachees) };
          expect(parseCsvCohort(shuffled)).toEqual(parseCsvCohort(files));
        }),
        { numRuns: 20 },
      );
    });

    it('keeps any name as written, whatever quoting it needs', () => {
      const name = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map((s) => s.trim()).filter((s) => s.length > 0);
      fc.assert(
        fc.property(name, fc.constantFrom(',', ';'), (n, delimiter) => {
          const rows = [coachHeader.split(','), ['c1', n, '1', '3', '3', '3', '3']];
          const coaches = { name: 'coaches.csv', content: stringify(rows, { delimiter }) };
          const coachees = { name: 'coachees.csv', content: stringify([coacheeHeader.split(','), ['s1', 'Zoë', '3', '3', '3', '3']], { delimiter }) };
          expect(parseCsvCohort({ coaches, coachees }).coaches[0]!.name).toBe(n);
        }),
        { numRuns: 60 },
      );
    });

    it('follows the mapping: renamed and ignored columns, declared attributes, another list separator', () => {
      const cohort = parseCsvCohort(
        {
          coaches: csv('coaches.csv', `${coachHeader},Geslacht,hobbies,E-mail`, 'c1,Joke,2,5,3,2,5,vrouw,chess; jazz,joke@example.org'),
          coachees: csv('coachees.csv', `${coacheeHeader},Gewenst`, 's1,Zoë,3,3,2,4,trainer'),
        },
        {
          listSeparator: ';',
          delimiter: ',',
          attributes: [
            { key: 'gender', kind: 'categorical', role: 'identity' },
            { key: 'hobbies', kind: 'set', role: 'identity' },
            { key: 'role', kind: 'text', role: 'profession' },
          ],
          columns: { coaches: { Geslacht: 'gender', 'E-mail': null }, coachees: { Gewenst: 'aspiration:role' }, relations: {} },
        },
      );
      expect(cohort.coaches[0]!.attributes).toEqual({ gender: 'vrouw', hobbies: ['chess', 'jazz'] });
      expect(cohort.coachees[0]!.aspiration).toEqual({ role: 'trainer' });
      expect(cohort.attributes.find((a) => a.key === 'role')?.kind).toBe('text');
    });

    it('recognises headers whatever their case, spaces and dashes', () => {
      const cohort = parseCsvCohort({
        coaches: csv('coaches.csv', 'ID;Name;Capacity;Min load;Socio-emotional;Network;Autonomy;Career', 'c1;Joke;2;1;5;3;2;5'),
        coachees: csv('coachees.csv', 'Id;Name;needs:socio emotional;needs:network;needs:autonomy;needs:career;Current coach', 's1;Zoë;3;3;2;4;c1'),
      });
      expect(cohort.coaches[0]).toMatchObject({ minLoad: 1, support: support(5, 3, 2, 5) });
      expect(cohort.coachees[0]).toMatchObject({ currentCoach: 'c1', needs: support(3, 3, 2, 4) });
    });

    // Was: coaches' attr:Nationality and coachees' attr:nationality were two attributes, and
    // every coachee a pioneer on both, without a word.
    it('reads attribute headers that differ only in case or Unicode form as one attribute, spelt as the coaches file first has it', () => {
      const composed = 'Nationalit\u00e9';
      const decomposed = 'nationalite\u0301';
      for (const [coachKey, coacheeKey] of [['Nationality', 'nationality'], [composed, decomposed], [decomposed, composed.toUpperCase()]] as const) {
        const cohort = parseCsvCohort({
          coaches: csv('coaches.csv', `${coachHeader},attr:${coachKey}`, 'c1,Joke,2,5,3,2,5,Dutch'),
          coachees: csv('coachees.csv', `${coacheeHeader},attr: ${coacheeKey}`, 's1,Zoë,3,3,2,4,Dutch'),
        });
        expect(cohort.attributes.map((a) => a.key)).toEqual([coachKey]);
        expect(cohort.coaches[0]!.attributes).toEqual({ [coachKey]: 'Dutch' });
        expect(cohort.coachees[0]!.attributes).toEqual({ [coachKey]: 'Dutch' });
      }
      // Two such headers in one file fill one field: the second is reported.
      const coachees = csv('coachees.csv', coacheeHeader, 's1,Zoë,3,3,2,4');
      const issues = issuesOf(() => parseCsvCohort({ coachees, coaches: csv('coaches.csv', `${coachHeader},attr:${composed},attr:${decomposed}`, 'c1,Joke,2,5,3,2,5,NL,NL') }));
      expect(issues).toEqual([{ path: `coaches.csv:1:attr:${decomposed}`, message: `fills the same field as column 'attr:${composed}'` }]);
    });

    it('skips blank rows, including rows of empty cells', () => {
      const cohort = parseCsvCohort({
        coaches: csv('coaches.csv', coachHeader, '', 'c1,Joke,2,5,3,2,5', ',,,,,,'),
        coachees: csv('coachees.csv', coacheeHeader, 's1,Zoë,3,3,2,4', ''),
      });
      expect(cohort.coaches).toHaveLength(1);
    });
  });

  describe('on bad files', () => {
    const valid = { coaches: csv('coaches.csv', coachHeader, 'c1,Joke,2,5,3,2,5'), coachees: csv('coachees.csv', coacheeHeader, 's1,Zoë,3,3,2,4') };
    const pathsOf = (run: () => unknown) => issuesOf(run).map((i) => i.path);

    it('names file, line and column of a cell that is not a number, with the JSON path', () => {
      const issues = issuesOf(() => parseCsvCohort({ ...valid, coaches: csv('coaches.csv', coachHeader, 'c1,Joke,2,5,3,2,5', 'c2,Elif,three,5,3,2,5') }));
      expect(issues).toHaveLength(1);
      expect(issues[0]!.path).toBe('coaches.csv:3:capacity');
      expect(issues[0]!.message).toContain('$.coaches[1].capacity');
    });

    it('locates the cohort rules\' problems in the files: scores out of range, unknown coaches, duplicate ids, unknown people', () => {
      const issues = issuesOf(() =>
        parseCsvCohort({
          coaches: csv('coaches.csv', coachHeader, 'c1,Joke,2,5,3,2,9'),
          coachees: csv('coachees.csv', `${coacheeHeader},preferences`, 's1,Zoë,3,3,2,4,c1|c9', 'c1,Twin,3,3,2,4,'),
          relations: csv('relations.csv', 'from,to,type', 's1,nobody,closeTo'),
        }),
      );
      const paths = issues.map((i) => i.path);
      expect(paths).toContain('coaches.csv:2:career');
      expect(paths).toContain('coachees.csv:2:preferences');
      expect(paths).toContain('coachees.csv:3:id');
      expect(paths).toContain('relations.csv:2:to');
      const duplicate = issues.find((i) => i.path === 'coachees.csv:3:id')!;
      expect(duplicate.message).toContain('coaches.csv:2:id');
    });

    it('counts every problem of the cohort rules, also those parseCohort counts without listing', () => {
      const rows = Array.from({ length: 1500 }, (_, n) => `s${n},Zoë,3,3,2,4,ghost-${n}`);
      const failure = thrownError(() => parseCsvCohort({ coaches: csv('coaches.csv', coachHeader, 'c1,Joke,2,5,3,2,4'), coachees: csv('coachees.csv', `${coacheeHeader},preferences`, ...rows) }), 'invalidCohort');
      expect(failure.issueCount).toBe(1500);
      expect(failure.message).toMatch(/^Invalid cohort: 1500 problems/);
      expect(failure.issues.length).toBeLessThan(1500);
    });

    // Was: RangeError "Maximum call stack size exceeded" from issues.push(...issues) past about
    // 120,000 issues. Files are joined here: csv(name, ...rows) would itself overflow the stack.
    describe('with more problems than a call can take as arguments', () => {
      const lines = (header: string, count: number, row: (n: number) => string) => `${header}\n${Array.from({ length: count }, (_, n) => row(n)).join('\n')}\n`;

      it('counts 200,000 unreadable cells and lists the first 1,000', () => {
        const attributes = Array.from({ length: 10 }, (_, k) => ({ key: `a${k}`, kind: 'numeric' as const, role: 'identity' as const, scale: { min: 0, max: 1 } }));
        const header = `${coachHeader},${attributes.map((a) => a.key).join(',')}`;
        // 15 unreadable cells a row: capacity, the four support scores and ten attributes.
        const content = lines(header, 13_334, (n) => `c${n},C,${Array(15).fill('x').join(',')}`);
        const failure = thrownError(() => parseCsvCohort({ ...valid, coaches: { name: 'coaches.csv', content } }, { attributes }), 'invalidCohort');
        expect(failure.issueCount).toBe(200_010);
        expect(failure.issues).toHaveLength(1001);
        expect(failure.issues[0]!.path).toBe('coaches.csv:2:capacity');
        expect(failure.issues.at(-1)).toEqual({ path: '$', message: '… and 199010 more problems' });
      });

      // csv-parse builds an error object for every short row before relaxing it: 7-26 s measured
      // while other work shared the two cores, so the limit is generous (it guards a hang, not speed).
      it('counts 130,000 rows of the wrong length and lists the first 1,000', { timeout: 60_000 }, () => {
        const content = lines(coachHeader, 130_000, (n) => `c${n},C,1,3,3,3`);
        const failure = thrownError(() => parseCsvCohort({ ...valid, coaches: { name: 'coaches.csv', content } }), 'invalidCohort');
        expect(failure.issueCount).toBe(130_000);
        expect(failure.issues).toHaveLength(1001);
        expect(failure.issues[0]).toEqual({ path: 'coaches.csv:2', message: 'expected 7 fields as in the header, found 6' });
      });
    });

    it('keeps each problem short however long the cell or header it is about', () => {
      const long = 'x'.repeat(1_000_000);
      const issues = issuesOf(() =>
        parseCsvCohort({ ...valid, coaches: csv('coaches.csv', `${coachHeader},attr:${long}`, `c1,${long},${long},5,3,2,5,a`) }),
      );
      expect(issues).toEqual([{ path: 'coaches.csv:1:#8', message: `a header is 1000005 characters long ("attr:${'x'.repeat(35)}…"); at most 512 are allowed` }]);
      const cells = issuesOf(() => parseCsvCohort({ ...valid, coaches: csv('coaches.csv', coachHeader, `c1,${long},${long},5,3,2,5`) }));
      expect(cells).toEqual([
        { path: 'coaches.csv:2:capacity', message: `expected a number, got "${'x'.repeat(40)}…" ($.coaches[0].capacity)` },
        { path: 'coaches.csv:2:name', message: 'a name is 1000000 characters long; at most 1000 are allowed ($.coaches[0].name)' },
      ]);
    });

    // Was: "scale.min must be below scale.max", about a scale nobody wrote.
    it('says what to do when numbers are too large to infer a scale from', () => {
      for (const [a, b] of [['1e308', '1e308'], ['-1e308', '1e308']]) {
        const issues = issuesOf(() => parseCsvCohort({ ...valid, coaches: csv('coaches.csv', `${coachHeader},attr:wealth`, `c1,Joke,2,5,3,2,5,${a}`, `c2,Elif,2,5,3,2,5,${b}`) }));
        expect(issues).toEqual([
          { path: 'coaches.csv:1:attr:wealth', message: `numbers from ${Number(a)} to ${Number(b)} are too large to infer a scale from: declare attribute 'wealth' in the mapping with a scale, or as categorical` },
        ]);
      }
    });

    it('reports missing, unknown and doubled columns, and reads no row then', () => {
      const paths = pathsOf(() =>
        parseCsvCohort({
          // An unknown header twice is reported once (both would name coaches.csv:1:colour).
          coaches: csv('coaches.csv', 'id,name,socioEmotional,network,autonomy,career,colour,colour', 'c1,Joke,5,3,2,5,red,blue'),
          coachees: csv('coachees.csv', `${coacheeHeader},Name`, 's1,Zoë,3,3,2,4,Zoë'),
        }),
      );
      expect(paths).toEqual(['coaches.csv:1:colour', 'coaches.csv:1', 'coachees.csv:1:Name']);
    });

    it('reports a row with too many or too few fields by its line, counting line breaks inside quotes', () => {
      const paths = pathsOf(() => parseCsvCohort({ ...valid, coaches: csv('coaches.csv', coachHeader, 'c1,"Joke\nDijkstra",2,5,3,2,5', 'c2,Elif,2,5,3,2') }));
      expect(paths).toEqual(['coaches.csv:4']);
    });

    it('reports broken quoting by its line', () => {
      expect(pathsOf(() => parseCsvCohort({ ...valid, coachees: csv('coachees.csv', coacheeHeader, 's1,Zoë,3,3,2,4', 's2,"Loïc,3,3,2,4') }))).toEqual(['coachees.csv:3']);
    });

    it('reports a file that is not UTF-8 by its line', () => {
      const latin1 = new Uint8Array([...encode(`${coacheeHeader}\ns1,Zo`), 0xeb, ...encode(',3,3,2,4\n')]);
      expect(pathsOf(() => parseCsvCohort({ ...valid, coachees: { name: 'coachees.csv', content: latin1 } }))).toEqual(['coachees.csv:2']);
    });

    it('locates problems of the mapping in the mapping', () => {
      const paths = pathsOf(() =>
        parseCsvCohort(
          { ...valid, coaches: csv('coaches.csv', `${coachHeader},gender`, 'c1,Joke,2,5,3,2,5,female') },
          { attributes: [{ key: 'gender', kind: 'colour', role: 'identity' } as never] },
          'mapping.json',
        ),
      );
      expect(paths).toEqual(['mapping.json:$.attributes[0].kind']);
      const targets = pathsOf(() => parseCsvCohort(valid, { columns: { coaches: { Naam: 'name', capacity: 'capacityy' }, coachees: {}, relations: {} } }, 'mapping.json'));
      expect(targets).toContain('mapping.json:$.columns.coaches.capacity');
      expect(targets).toContain('mapping.json:$.columns.coaches.Naam');
    });

    it('checks attribute values against their declaration, at the cell', () => {
      const paths = pathsOf(() =>
        parseCsvCohort(
          { ...valid, coaches: csv('coaches.csv', `${coachHeader},age`, 'c1,Joke,2,5,3,2,5,140', 'c2,Elif,2,5,3,2,5,forty') },
          { attributes: [{ key: 'age', kind: 'numeric', role: 'identity', scale: { min: 18, max: 70 } }] },
        ),
      );
      expect(paths).toEqual(['coaches.csv:3:age', 'coaches.csv:2:age']);
    });

    it('reports every problem at once', () => {
      const issues = issuesOf(() =>
        parseCsvCohort({ ...valid, coaches: csv('coaches.csv', coachHeader, 'c1,,x,5,3,2,5', 'c2,Elif,2,0,3,2,5', 'c3,Ann,1,5,3,2,') }),
      );
      expect(issues.map((i) => i.path).sort()).toEqual(['coaches.csv:2:capacity', 'coaches.csv:2:name', 'coaches.csv:3:socioEmotional', 'coaches.csv:4:career']);
    });
  });
});
