import { z } from 'zod';

/** Zod schema of a person id: a non-empty string, unique across coaches, coachees and people. */
export const idSchema = z.string().min(1).describe('Unique across coaches, coachees and people.');
