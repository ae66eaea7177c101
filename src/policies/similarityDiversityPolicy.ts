import { coacheeType } from './coacheeType.js';
import { similarityWeights } from './identityBalance.js';
import { pairTerm } from './pairTerm.js';
import type { PairBan, Policy, UtilityTerm } from './policy.js';

/**
 * Similarity against diversity, by coachee type. A coachee weighs common ground by
 * `2(1 − b)·w_cg` and difference by `2b·w_diff`, where b is their insiderness scaled so that
 * the insider threshold sits at ½ (see identityBalance): every pioneer weighs common ground
 * above difference (relative to the weights), every insider the reverse. An insider's coach below
 * `minDifferenceForInsiders` costs `minDifferencePenalty` per unit short; with
 * `hardMinDifference` such pairs are banned, waived for an insider whom the ban would leave
 * with no allowed coach.
 */
export const similarityDiversityPolicy: Policy = {
  name: 'similarity-diversity',
  apply: ({ features, settings }) => {
    const { minDifferenceForInsiders: minDifference } = settings;
    const s = features.insiderness;
    const { pairs, byPair } = features;
    const diff = byPair.difference;
    const terms: UtilityTerm[] = [
      pairTerm('commonGround', 'common ground', byPair.commonGround, pairs, (i) => similarityWeights(s[i]!, settings).commonGround),
      pairTerm('difference', 'difference', diff, pairs, (i) => similarityWeights(s[i]!, settings).difference),
    ];
    const shortfall = new Float64Array(pairs.size);
    const bans: PairBan[] = [];
    for (let i = 0; i < pairs.rows; i++) {
      if (pairs.rowStart[i] === pairs.rowStart[i + 1] || coacheeType(s[i]!, settings) !== 'insider' || minDifference <= 0) continue;
      for (let p = pairs.rowStart[i]!; p < pairs.rowStart[i + 1]!; p++) {
        const short = minDifference - diff[p]!;
        if (short <= 0) continue;
        shortfall[p] = -settings.minDifferencePenalty * short;
        if (settings.hardMinDifference) {
          bans.push({
            row: i,
            col: pairs.colIndex[p]!,
            code: 'insufficientDifference',
            reason: `too similar for an insider (difference ${diff[p]!.toFixed(2)} < ${minDifference})`,
            waivable: true,
          });
        }
      }
    }
    terms.push({ key: 'insiderTooSimilar', label: 'insider below minimum difference', values: shortfall });
    return { terms, bans };
  },
};
