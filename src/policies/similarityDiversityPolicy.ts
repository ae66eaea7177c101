import { coacheeType } from './coacheeType.js';
import { similarityWeights } from './identityBalance.js';
import { pairTerm } from './pairTerm.js';
import type { PairBan, PairFlag, Policy, UtilityTerm } from './policy.js';

const UNKNOWN_MESSAGE = 'difference unknown: no identity attribute is known for both; not counted as too similar';

/**
 * Similarity against diversity, by coachee type. A coachee weighs common ground by
 * `2(1 − b)·w_cg` and difference by `2b·w_diff`, where b is their insiderness scaled so that
 * the insider threshold sits at ½ (see identityBalance): every pioneer weighs common ground
 * above its nominal weight and difference below, every insider the reverse. An insider's coach
 * below `minDifferenceForInsiders` costs `minDifferencePenalty` per unit short and is flagged
 * `insufficientDifference` (so a `flaggedPairs` quota can count or cap such pairs); with
 * `hardMinDifference` such pairs are banned instead, waived for an insider whom the ban would
 * leave with no allowed coach, and then the chosen pair's flag says the hard minimum was waived.
 * A pair with no identity attribute known on both sides has an unknown difference: its 0 is
 * no evidence of sameness (CSV cohorts often miss fields), so it gets no shortfall and no ban,
 * only the flag `differenceUnknown` for coordinators (and quotas) to see.
 */
export const similarityDiversityPolicy: Policy = {
  name: 'similarity-diversity',
  flagCodes: ['insufficientDifference', 'differenceUnknown'],
  apply: ({ features, settings }) => {
    const { minDifferenceForInsiders: minDifference } = settings;
    const s = features.insiderness;
    const { pairs, byPair } = features;
    const diff = byPair.difference;
    const known = byPair.differenceKnown;
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
        const col = pairs.colIndex[p]!;
        if (known[p] === 0) {
          flags.push({ row: i, col, code: 'differenceUnknown', message: UNKNOWN_MESSAGE });
          continue;
        }
        const short = minDifference - diff[p]!;
        if (short <= 0) continue;
        shortfall[p] = -settings.minDifferencePenalty * short;
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
