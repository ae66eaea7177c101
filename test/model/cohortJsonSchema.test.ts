import { describe, expect, it } from 'vitest';
import { cohortJsonSchema } from '../../src/model/cohortJsonSchema.js';

describe(cohortJsonSchema, () => {
  const schema = cohortJsonSchema() as any;
  it('is a draft 2020-12 object schema requiring coaches and coachees', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(expect.arrayContaining(['coaches', 'coachees']));
  });
  it('describes the document as written: defaulted fields are optional', () => {
    expect(schema.required).not.toContain('people');
    const coach = schema.properties.coaches.items;
    expect(coach.required).toEqual(expect.arrayContaining(['id', 'name', 'capacity', 'support']));
    expect(coach.required).not.toContain('active');
  });
  it('rejects unknown fields, as parsing does', () => {
    expect(schema.additionalProperties).toBe(false);
  });
});
