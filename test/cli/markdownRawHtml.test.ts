import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { alumniFixture, runInProcess, tempDir } from './support.js';

// Names, labels and values come from the cohort; a Markdown viewer would pass raw HTML through.
describe('Markdown reports', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());
  const doc = JSON.parse(readFileSync(alumniFixture, 'utf8'));
  doc.name = 'Cohort <script>alert(1)</script>';
  doc.attributes[0].label = '<b onmouseover=alert(2)>Gender</b>';
  for (const c of doc.coaches) c.name = `<img src=x onerror=alert(3)> ${c.name}`;
  for (const c of doc.coachees) c.name = `<script>alert(4)</script> ${c.name}`;
  const file = tmp.write('html-names.json', doc);

  const scenario = (name: string, policy?: unknown) => tmp.write(`${name}.json`, { name: `<i>${name}</i>`, base: file, ...(policy === undefined ? {} : { policy }) });
  const [baseline, diverse] = [scenario('baseline'), scenario('diverse', { preset: 'diversity-first' })];

  it('compare (and its sweep) writes a name\'s \'<\' as &lt; too', async () => {
    for (const argv of [['compare', baseline, diverse, '--format', 'md'], ['compare', baseline, '--sweep', 'weights.difference=0:1:2', '--format', 'md']]) {
      const run = await runInProcess(argv);
      expect(run.stdout.length).toBeGreaterThan(0);
      expect(run.stdout).not.toContain('<');
    }
  });

  for (const args of [['rematch', '--format', 'md', '--exit', doc.coachees.find((c: { currentCoach?: string }) => c.currentCoach !== undefined).id], ['match', '--format', 'md'], ['explain', '--format', 'md', '--coachee', doc.coachees[0].id], ['shortlist', '--format', 'md', '--k', '2']]) {
    it(`${args[0]} writes a name's '<' as &lt;, so no tag of the cohort's reaches a viewer`, async () => {
      const run = await runInProcess([args[0]!, file, ...args.slice(1)]);
      expect(run.stdout.length).toBeGreaterThan(0);
      expect(run.stdout).not.toContain('<');
      // Each report names someone or the cohort (rematch names coaches by id, but titles with the cohort's name).
      expect(run.stdout).toMatch(/&lt;img src=x onerror=alert\(3\)>|&lt;script>alert\(1\)/);
    });
  }
});
