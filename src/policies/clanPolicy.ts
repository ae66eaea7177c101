import { positions } from './positions.js';
import { perMatchCache } from './perMatchCache.js';
import type { PairBan, PairFlag, Policy } from './policy.js';

/** Bans (or flags) from the relations alone: the same for every chunk of pairs. */
const clanFindings = perMatchCache<{ bans: PairBan[]; flags: PairFlag[] }>();

/**
 * The coachee's clan: a coach within `clanDepth` family/closeTo steps of the coachee is
 * banned (or penalised with `clanBan: false`). The clan already follows the coachee; the
 * coach should be an independent person (the boss's-daughter case in the domain notes).
 */
export const clanPolicy: Policy = {
  name: 'clan',
  apply: ({ cohort, features, settings, relations }) => {
    const { pairs } = features;
    const found = clanFindings(relations, settings, [features.coacheeIds, features.coachIds], () => {
      const { col: colOf } = positions(features);
      const names = new Map<string, string>();
      for (const p of [...cohort.people, ...cohort.coaches, ...cohort.coachees]) names.set(p.id, p.name);
      const bans: PairBan[] = [];
      const flags: PairFlag[] = [];
      for (let row = 0; row < features.coacheeIds.length; row++) {
        const clan = relations.clanOf(features.coacheeIds[row]!, settings.clanDepth);
        for (const [member, path] of clan) {
          const col = colOf.get(member);
          if (col === undefined) continue;
          const chain = path.map((id) => names.get(id) ?? id).join(' → ');
          if (settings.clanBan) bans.push({ row, col, code: 'clan', reason: `in the coachee's clan (${chain})` });
          else flags.push({ row, col, code: 'clan', message: `in the coachee's clan (${chain})` });
        }
      }
      return { bans, flags };
    });
    const penalty = new Float64Array(pairs.size);
    for (const { row, col } of found.flags) {
      const at = pairs.indexOf(row, col);
      if (at >= 0) penalty[at] = -settings.clanPenalty;
    }
    return { terms: [{ key: 'clan', label: 'clan', values: penalty }], bans: found.bans, flags: found.flags };
  },
};
