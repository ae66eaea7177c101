import { z } from 'zod';

const score = z.number().min(1).max(5);

/**
 * Zod schema of a support profile: a 1–5 questionnaire score on each of the four kinds of
 * support. For a coach it is the support offered; for a coachee the support needed.
 */
export const supportProfileSchema = z
  .strictObject({
    socioEmotional: score.describe('Socio-emotional support (the foundation).'),
    network: score.describe('Network support.'),
    autonomy: score.describe('Autonomy support.'),
    career: score.describe('Career support.'),
  })
  .describe('1–5 questionnaire scores on the four kinds of support.');

/** Scores 1–5 on the four {@link supportKinds}. */
export type SupportProfile = Readonly<z.output<typeof supportProfileSchema>>;
