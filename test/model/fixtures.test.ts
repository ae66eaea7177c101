import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildFeatureTables } from '../../src/features/buildFeatureTables.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { resolvePolicy } from '../../src/model/resolvePolicy.js';

const load = (name: string) => parseCohort(JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')));

describe('fixtures/alumni-programme.json', () => {
  const cohort = load('alumni-programme.json');
  const tables = buildFeatureTables(cohort);
  const policy = resolvePolicy(cohort.policy);

  it('is a valid cohort of at least 60 students and 25 alumni coaches with room for all', () => {
    expect(cohort.coachees.length).toBeGreaterThanOrEqual(60);
    expect(cohort.coaches.length).toBeGreaterThanOrEqual(25);
    const capacity = cohort.coaches.filter((c) => c.active).reduce((s, c) => s + c.capacity, 0);
    expect(capacity).toBeGreaterThanOrEqual(cohort.coachees.length);
  });
  it('mixes nationalities, genders and social backgrounds', () => {
    const values = (key: string) => new Set(cohort.coachees.map((c) => c.attributes[key]));
    expect(values('nationality').size).toBeGreaterThanOrEqual(5);
    expect(values('gender').size).toBeGreaterThanOrEqual(2);
    expect(values('socialBackground')).toContain('first-generation');
  });
  it('has a few insiders and many pioneers under the default policy', () => {
    const insiders = [...tables.insiderness].filter((x) => x >= policy.insiderThreshold).length;
    expect(insiders).toBeGreaterThanOrEqual(3);
    expect(insiders).toBeLessThan(cohort.coachees.length / 3);
  });
  it('has a small group of scarce coaches', () => {
    const scarce = [...tables.coachRarity].filter((x) => x >= 0.9).length;
    expect(scarce).toBeGreaterThanOrEqual(3);
    expect(scarce).toBeLessThanOrEqual(10);
  });
  it('has evaluator, closeness-to-evaluator and family relations', () => {
    const types = new Set(cohort.relations.map((r) => r.type));
    for (const t of ['evaluates', 'closeTo', 'family', 'manages', 'previouslyCoached']) expect(types).toContain(t);
    const coachIds = new Set(cohort.coaches.map((c) => c.id));
    expect(cohort.relations.some((r) => r.type === 'evaluates' && coachIds.has(r.from))).toBe(true);
  });
  it('has some preferences and avoid lists', () => {
    expect(cohort.coachees.filter((c) => c.preferences.length > 0).length).toBeGreaterThanOrEqual(5);
    expect(cohort.coachees.filter((c) => c.avoid.length > 0).length).toBeGreaterThanOrEqual(3);
  });
});

describe('fixtures/hr-department.json', () => {
  const cohort = load('hr-department.json');

  it('is a valid cohort of about 40 employees and 12 coaches with room for all', () => {
    expect(cohort.coachees.length).toBe(40);
    expect(cohort.coaches.length).toBe(12);
    const capacity = cohort.coaches.filter((c) => c.active).reduce((s, c) => s + c.capacity, 0);
    expect(capacity).toBeGreaterThanOrEqual(cohort.coachees.length);
  });
  it('has internal coaches who manage coachees, and external coaches', () => {
    const internal = new Set(cohort.coaches.filter((c) => c.type === 'internal').map((c) => c.id));
    const coachees = new Set(cohort.coachees.map((c) => c.id));
    expect(cohort.coaches.some((c) => c.type === 'external')).toBe(true);
    expect(cohort.relations.filter((r) => r.type === 'manages' && internal.has(r.from) && coachees.has(r.to)).length).toBeGreaterThanOrEqual(3);
  });
});
