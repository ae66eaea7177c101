import { describe, expect, it } from 'vitest';
import { CoachmatchError } from '../../src/errors.js';
import { errorResponse } from '../../src/server/errorResponse.js';
import { jobFailureResponse } from '../../src/server/jobFailureResponse.js';
import { maxListedErrors } from '../../src/server/problemResponse.js';

describe(errorResponse, () => {
  it('answers an input error with 422, its summary line, the first issues and the count of all of them', () => {
    const issues = Array.from({ length: 1001 }, (_, n) => ({ path: `$.coaches[${n}].id`, message: 'unknown' }));
    const response = errorResponse(new CoachmatchError('invalidCohort', 'Invalid cohort: 5000 problems', issues, 5000));
    expect(response.status).toBe(422);
    const body = JSON.parse(response.body) as { detail: string; errors: unknown[]; errorCount: number };
    expect(body.detail).toBe('Invalid cohort: 5000 problems');
    expect(body.errors).toHaveLength(maxListedErrors);
    expect(body.errorCount).toBe(5000);
  });

  it('answers anything else with a bare 500 that does not echo its message', () => {
    const response = errorResponse(new Error('secret coachee name'));
    expect(response.status).toBe(500);
    expect(response.body).not.toContain('secret');
  });
});

describe(jobFailureResponse, () => {
  it('answers a job that failed with a bare 500 that does not echo its message (it may quote the input)', () => {
    const response = jobFailureResponse({ status: 'failed', message: "Cannot read properties of 'Ann Example'" });
    expect(response.status).toBe(500);
    expect(response.body).not.toContain('Ann Example');
  });
});
