import { clanFollowers } from './clanFollowers.js';
import { positions } from './positions.js';
import { perMatchCache } from './perMatchCache.js';
import type { PairBan, PairFlag, Policy } from './policy.js';

/** Bans (or flags) from the relations alone: the same for every chunk of pairs. */
const clanFindings = perMatchCache<{ bans: PairBan[]; flags: PairFlag[] }>();

/**
 * The coachee's clan: a coach within `clanDepth` family/closeTo steps of the coachee, or one
 * whom the coachee or a clan member evaluates or manages within those steps (see
 * clanFollowers), is banned (or penalised with `clanBan: false`). The clan already follows the
 * coachee; the coach should be an independent person (the boss's-daughter case in the domain
 * notes), not one of the boss's family, friends or reports.
 */
export const clanPolicy: Policy = {
  name: 'clan',
  flagCodes: ['clan'],
  apply: ({ cohort, features, settings, relations }) => {
    const { pairs } = features;
    const found = clanFindings(relations, settings, [features.coacheeIds, features.coachIds], () => {
      const { col: colOf } = positions(features);
      const names = new Map<string, string>();
      for (const p of [...cohort.people, ...cohort.coaches, ...cohort.coachees]) names.set(p.id, p.name);
      const nameOf = (id: string) => names.get(id) ?? id;
      const bans: PairBan[] = [];
      const flags: PairFlag[] = [];
      const found = (row: number, col: number, what: string) => {
        if (settings.clanBan) bans.push({ row, col, code: 'clan', reason: what });
        else flags.push({ row, col, code: 'clan', message: what });
      };
      for (let row = 0; row < features.coacheeIds.length; row++) {
        const coachee = features.coacheeIds[row]!;
        const clan = relations.clanOf(coachee, settings.clanDepth);
        for (const [member, path] of clan) {
          const col = colOf.get(member);
          if (col !== undefined) found(row, col, `in the coachee's clan (${path.map(nameOf).join(' → ')})`);
        }
        for (const [follower, { overseer, link, chain }] of clanFollowers(relations, coachee, clan, settings.clanDepth)) {
          const col = colOf.get(follower);
          if (col === undefined) continue;
          const who = overseer === coachee ? 'the coachee' : `the coachee's clan (${chain.map(nameOf).join(' → ')})`;
          found(row, col, `answers to ${who}: ${nameOf(overseer)} ${link} ${nameOf(follower)}`);
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
