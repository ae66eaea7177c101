import { pairTerm } from './pairTerm.js';
import type { Policy } from './policy.js';

/**
 * Relevance: the coach's job against the job the coachee aims for, and the support the
 * coach offers against what the coachee needs (socio-emotional support as a floor).
 */
export const fitPolicy: Policy = {
  name: 'fit',
  apply: ({ features, settings }) => ({
    terms: [
      pairTerm('aspiration', 'aspiration fit', features.byPair.aspiration, features.pairs, () => settings.weights.aspiration),
      pairTerm('support', 'support fit', features.byPair.support, features.pairs, () => settings.weights.support),
    ],
  }),
};
