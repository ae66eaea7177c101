import { describe, expect, it } from 'vitest';
import { coachLoadChart } from '../../src/report/coachLoadChart.js';
import type { CoachLoad } from '../../src/engine/matching.js';

const coach = (n: number, capacity: number, load: number): CoachLoad => ({ coachId: `c${n}`, coachName: `Coach ${n}`, load, capacity, minLoad: 0, coacheeIds: [] });

describe('coachLoadChart', () => {
  it('draws 200,000 coaches (a spread over them overflowed the call stack)', () => {
    const coaches = Array.from({ length: 200_000 }, (_, n) => coach(n, 1 + (n % 3), n % 2));
    expect(() => coachLoadChart(coaches)).not.toThrow();
  });
});
