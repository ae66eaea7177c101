import { coacheeType } from './coacheeType.js';
import { similarityWeights } from './identityBalance.js';
import { pairTerm } from './pairTerm.js';
import type { PairBan, PairFlag, Policy, UtilityTerm } from './policy.js';

/**
 * Similarity against diversity, by coachee type. A coachee weighs common ground by
 * `2(1 − b)·w_cg` and difference by `2b·w_diff`, where b is their insiderness scaled so that
 * the insider threshold sits at ½ (see identityBalance): every pioneer weighs common ground
 * above its nominal weight and difference below, every insider the reverse. An insider's coach
 * below `minDifferenceForInsiders` costs `minDifferencePenalty` per unit short and is flagged
 * `insufficientDifference` (so a `flaggedPairs` quota can count or cap such pairs); with
 * `hardMinDifference` such pairs are banned instead, waived for an insider whom the ban would
 * leave with no allowed coach, and then the chosen pair's flag says the hard minimum was waived.
 */
export const similarityDiversityPolicy: Policy = {
  name: 'similarity-diversity',
  flagCodes: ['insufficientDifference'],
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
    const flags: PairFlag[] = [];
    for (let i = 0; i < pairs.rows; i++) {
      if (pairs.rowStart[i] === pairs.rowStart[i + 1] || coacheeType(s[i]!, settings) !== 'insider' || minDifference <= 0) continue;
      for (let p = pairs.rowStart[i]!; p < pairs.rowStart[i + 1]!; p++) {
        const short = minDifference - diff[p]!;
        if (short <= 0) continue;
        shortfall[p] = -settings.minDifferencePenalty * short;
        const col = pairs.colIndex[p]!;
        const what = `too similar for an insider: difference ${diff[p]!.toFixed(2)}, below the minimum ${minDifference}`;
        // Hard mode: a ban, not a flag (a banned pair is never chosen); combinePolicies turns a
        // waived ban into the flag, with the waiver in its message.
        if (settings.hardMinDifference) {
          bans.push({
            row: i,
            col,
            code: 'insufficientDifference',
            reason: `too similar for an insider (difference ${diff[p]!.toFixed(2)} < ${minDifference})`,
            waivable: true,
            waivedMessage: `${what}; the hard minimum was waived, since every coach with places is too similar or banned for this coachee`,
          });
        } else {
          flags.push({ row: i, col, code: 'insufficientDifference', message: what });
        }
      }
    }
    terms.push({ key: 'insiderTooSimilar', label: 'insider below minimum difference', values: shortfall });
    return { terms, bans, flags };
  },
};
