import { scarcityWeight } from './identityBalance.js';
import { pairTerm } from './pairTerm.js';
import type { Policy } from './policy.js';

/**
 * Scarcity: a coach with a rare background goes first to the pioneers who share it. The
 * bonus is the rarity of the shared ground in the pool, weighted by how much of a pioneer
 * the coachee is (1 − insiderness).
 */
export const scarcityPolicy: Policy = {
  name: 'scarcity',
  apply: ({ features, settings }) => ({
    terms: [
      pairTerm('scarcity', 'shared rare background', features.byPair.sharedRarity, features.pairs, (i) => scarcityWeight(features.insiderness[i]!, settings)),
    ],
  }),
};
