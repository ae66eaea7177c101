import { z } from 'zod';

/**
 * `z.record(key, value)` that reports a "__proto__" key instead of dropping it: JSON.parse
 * keeps that key as data, but any object built from the record (zod's own output included)
 * loses it, so an id or attribute of that name would vanish without a word.
 */
export function keyedRecordSchema<K extends z.core.$ZodRecordKey, V extends z.ZodType>(key: K, value: V): z.ZodType<z.output<z.ZodRecord<K, V>>, z.input<z.ZodRecord<K, V>>> {
  // Typed as the record it checks: the step before it only reports, it changes nothing.
  return z.preprocess((input, context) => {
    if (typeof input === 'object' && input !== null && !Array.isArray(input) && Object.hasOwn(input, '__proto__')) {
      context.addIssue({ code: 'custom', message: '"__proto__" cannot be a key here (JavaScript objects drop it): rename it', path: ['__proto__'], input });
    }
    return input;
  }, z.record(key, value));
}
