import { z } from 'zod';
import { idSchema } from './idSchema.js';

/** Relation types. `evaluates`, `manages` and `previouslyCoached` are directed (from → to); the others are symmetric. */
export const relationTypes = ['evaluates', 'manages', 'family', 'closeTo', 'sameTeam', 'previouslyCoached'] as const;

/** The symmetric relation types; parsing stores them with `from` < `to`. */
export const symmetricRelationTypes: ReadonlySet<RelationType> = new Set<RelationType>(['family', 'closeTo', 'sameTeam']);

/** Zod schema of a typed edge between two people (coaches, coachees or people). */
export const relationSchema = z.strictObject({
  from: idSchema,
  to: idSchema,
  type: z
    .enum(relationTypes)
    .describe(
      'evaluates/manages/previouslyCoached: from → to. family/closeTo/sameTeam: symmetric.',
    ),
});

/** One of the {@link relationTypes}. */
export type RelationType = (typeof relationTypes)[number];

/**
 * A typed edge. Directed types read "from evaluates to", "from manages to", "from previously
 * coached to". Symmetric types (family, closeTo, sameTeam) are stored with `from` < `to`.
 */
export type Relation = Readonly<z.output<typeof relationSchema>>;
