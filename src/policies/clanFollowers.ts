import type { RelationIndex } from './relationIndex.js';

/** A person who follows the coachee's clan: someone the coachee or a clan member evaluates or manages. */
export interface ClanFollower {
  /** Who oversees the follower: the coachee or a clan member. */
  readonly overseer: string;
  /** How: 'manages' when the overseer manages the follower, else 'evaluates'. */
  readonly link: 'manages' | 'evaluates';
  /** The chain from the coachee to the overseer, inclusive (just the coachee when it is the coachee). */
  readonly chain: readonly string[];
}

/**
 * The people who answer to the coachee or to the coachee's clan, within `maxDepth` steps in
 * all: the clan's own links take all but the last step, the manages/evaluates link the last.
 * Such a person depends on the clan, so cannot be the independent coach the domain asks for
 * (the boss's daughter's coach should not be one of the boss's reports). Clan members
 * themselves are left out: they are in the clan already. The first overseer found, nearest
 * first and then in the relations' order, names the link. `clan` is `relations.clanOf(person, maxDepth)`.
 */
export function clanFollowers(relations: RelationIndex, person: string, clan: ReadonlyMap<string, readonly string[]>, maxDepth: number): ReadonlyMap<string, ClanFollower> {
  const overseers: [string, readonly string[]][] = [[person, [person]]];
  // Nearest first: a clan member at depth d reaches followers at depth d + 1.
  for (const [member, chain] of [...clan].sort((a, b) => a[1].length - b[1].length)) {
    if (chain.length - 1 < maxDepth) overseers.push([member, chain]);
  }
  const followers = new Map<string, ClanFollower>();
  for (const [overseer, chain] of overseers) {
    for (const follower of relations.overseenBy(overseer)) {
      if (follower === person || clan.has(follower) || followers.has(follower)) continue;
      const link = relations.typesFrom(overseer, follower).has('manages') ? 'manages' : 'evaluates';
      followers.set(follower, { overseer, link, chain });
    }
  }
  return followers;
}
