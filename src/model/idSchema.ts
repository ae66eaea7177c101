import { MAX_ID_LENGTH, boundedString } from './textLimits.js';

/** Zod schema of a person id: a non-empty string, unique across coaches, coachees and people. */
export const idSchema = boundedString(MAX_ID_LENGTH, 'an id').min(1).describe('Unique across coaches, coachees and people.');
