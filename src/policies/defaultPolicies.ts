import { capacityPolicy } from './capacityPolicy.js';
import { clanPolicy } from './clanPolicy.js';
import { continuityPolicy } from './continuityPolicy.js';
import { fitPolicy } from './fitPolicy.js';
import type { Policy } from './policy.js';
import { preferencePolicy } from './preferencePolicy.js';
import { priorityPolicy } from './priorityPolicy.js';
import { roleConflictPolicy } from './roleConflictPolicy.js';
import { scarcityPolicy } from './scarcityPolicy.js';
import { similarityDiversityPolicy } from './similarityDiversityPolicy.js';

/** The built-in policies, in the order their terms appear in explanations. */
export const defaultPolicies: readonly Policy[] = Object.freeze([
  fitPolicy,
  similarityDiversityPolicy,
  scarcityPolicy,
  roleConflictPolicy,
  clanPolicy,
  preferencePolicy,
  continuityPolicy,
  priorityPolicy,
  capacityPolicy,
]);
