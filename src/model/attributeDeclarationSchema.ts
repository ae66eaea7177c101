import { z } from 'zod';
import type { DeepReadonly } from './deepReadonly.js';
import { MAX_ID_LENGTH, MAX_NAME_LENGTH, boundedString } from './textLimits.js';

/** A numeric attribute's range, e.g. `{ min: 18, max: 80 }` for age in years. */
export const numericScaleSchema = z
  .strictObject({ min: z.number(), max: z.number() })
  .describe('Inclusive range of the values; min < max.');

/**
 * Partial credit between values of a profession attribute: values in the same group are
 * "related" (e.g. roles `trainer`, `learning designer`, `L&D consultant`) and earn
 * `credit` × the attribute's own credit when they are not equal.
 */
export const relatedValuesSchema = z.strictObject({
  groups: z
    .array(z.array(boundedString(MAX_NAME_LENGTH, 'a value').min(1)).min(2))
    .describe('Groups of values that count as related to each other.'),
  credit: z
    .number()
    .min(0)
    .max(1)
    .default(0.5)
    .describe('Share of the attribute credit a related (not equal) value earns. Default 0.5.'),
});

const common = {
  key: boundedString(MAX_ID_LENGTH, 'an attribute key')
    .min(1)
    // Parsed JSON keeps a "__proto__" key, but any object built from it drops the key: the
    // attribute would be declared yet never read.
    .refine((key) => key !== '__proto__', { message: '"__proto__" cannot name an attribute (JavaScript objects drop that key): rename it' })
    .describe('Name of the attribute as used in `attributes` records.'),
  label: boundedString(MAX_NAME_LENGTH, 'a label').min(1).optional().describe('Human label used in explanations; default: the key.'),
  role: z
    .enum(['identity', 'profession'])
    .describe(
      'identity: used for common ground, difference and insiderness. profession: used for aspiration fit.',
    ),
  weight: z
    .number()
    .min(0)
    // As policy weights are: 1e308 passed here and made every pair's utility infinite.
    .max(1_000_000)
    .default(1)
    .describe('Identity attributes only: relative weight in common ground, difference and insiderness. Default 1.'),
  credit: z
    .number()
    .min(0)
    .max(1)
    .default(1)
    .describe('Profession attributes only: aspiration fit earned by an exact match on this attribute. Default 1.'),
};

const categoricalDeclaration = z.strictObject({
  ...common,
  kind: z.literal('categorical'),
  related: relatedValuesSchema.optional(),
});
const textDeclaration = z.strictObject({
  ...common,
  kind: z.literal('text'),
  related: relatedValuesSchema.optional(),
});
const setDeclaration = z.strictObject({
  ...common,
  kind: z.literal('set'),
  related: relatedValuesSchema.optional(),
});
const numericDeclaration = z.strictObject({
  ...common,
  kind: z.literal('numeric'),
  scale: numericScaleSchema,
  sharedWithin: z
    .number()
    .min(0)
    .optional()
    .describe(
      'Two values at most this far apart count as shared common ground (e.g. 5 years of age). Default: a tenth of the scale.',
    ),
});

/**
 * Zod schema of one attribute declaration. The cohort declares its attributes (attributes are
 * data, not hard-coded fields) so an HR department can bring its own. The output fills
 * `label` (default: the key) and, for numeric attributes, `sharedWithin` (default: a tenth of
 * the scale's span).
 */
export const attributeDeclarationSchema = z
  .discriminatedUnion('kind', [categoricalDeclaration, textDeclaration, setDeclaration, numericDeclaration])
  // For editors validating with `coachmatch schema`: each role's knob only (crossCheckCohort refuses the other).
  .meta({
    allOf: [
      { if: { properties: { role: { const: 'identity' } } }, then: { not: { required: ['credit'] } } },
      { if: { properties: { role: { const: 'profession' } } }, then: { not: { required: ['weight'] } } },
    ],
  })
  .transform((d) =>
    d.kind === 'numeric'
      ? { ...d, label: d.label ?? d.key, sharedWithin: d.sharedWithin ?? (d.scale.max - d.scale.min) / 10 }
      : { ...d, label: d.label ?? d.key },
  );

/**
 * A declared attribute, with defaults filled. Narrow on `kind`: numeric declarations always
 * carry `scale` and `sharedWithin`.
 *
 * - `categorical`: a string from an open set (gender, nationality, sector); equal or not.
 * - `text`: a free string compared case- and space-insensitively (home town).
 * - `set`: a list of strings (hobbies, languages); overlap is Jaccard.
 * - `numeric`: a number within `scale` (age); closeness is 1 − |a − b| / span.
 */
export type AttributeDeclaration = DeepReadonly<z.output<typeof attributeDeclarationSchema>>;

/** A numeric attribute declaration (always has `scale` and `sharedWithin`). */
export type NumericAttributeDeclaration = Extract<AttributeDeclaration, { kind: 'numeric' }>;

/** The four kinds of attribute values. */
export type AttributeKind = AttributeDeclaration['kind'];

/** What an attribute is used for: identity (common ground, difference, insiderness) or profession (aspiration fit). */
export type AttributeRole = AttributeDeclaration['role'];

/** Range of a numeric attribute. */
export type NumericScale = Readonly<z.output<typeof numericScaleSchema>>;

/** Related-values declaration of a profession attribute. */
export type RelatedValues = DeepReadonly<z.output<typeof relatedValuesSchema>>;
