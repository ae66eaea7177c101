import type { Cohort } from '../model/cohort.js';
import type { RelationType } from '../model/relationSchema.js';

/** Relation types that make two people part of the same clan. */
const clanTypes: ReadonlySet<RelationType> = new Set(['family', 'closeTo']);
/** Relation types through which a coach could talk with an evaluator behind the coachee's back. */
const closeTypes: ReadonlySet<RelationType> = new Set(['family', 'closeTo', 'sameTeam']);

/**
 * The cohort's relations indexed for the questions policies ask: who evaluates or manages
 * whom, who is close to whom, and who is within k family/closeTo steps of whom.
 */
export interface RelationIndex {
  /** Directed relation types from `from` to `to`. */
  typesFrom(from: string, to: string): ReadonlySet<RelationType>;
  /** People who evaluate or manage `person`. */
  evaluatorsOf(person: string): readonly string[];
  /** People whom `person` evaluates or manages. */
  overseenBy(person: string): readonly string[];
  /** People linked to `person` by family, closeTo or sameTeam. */
  closeTo(person: string): readonly string[];
  /**
   * Everyone within `maxDepth` family/closeTo steps of `person`, each with the chain of
   * people that links them (from `person` to the member, inclusive).
   */
  clanOf(person: string, maxDepth: number): ReadonlyMap<string, readonly string[]>;
}

/** Builds a {@link RelationIndex} from a parsed cohort. */
export function buildRelationIndex(cohort: Cohort): RelationIndex {
  const directed = new Map<string, Set<RelationType>>();
  // Sets keep the first-seen order and drop repeats in constant time: a manager of thousands
  // of reports would otherwise cost a scan of the list per report.
  const evaluatorSets = new Map<string, Set<string>>();
  const overseenSets = new Map<string, Set<string>>();
  const closeSets = new Map<string, Set<string>>();
  const clanSets = new Map<string, Set<string>>();
  const push = (map: Map<string, Set<string>>, key: string, value: string) => {
    const set = map.get(key);
    if (set === undefined) map.set(key, new Set([value]));
    else set.add(value);
  };
  for (const { from, to, type } of cohort.relations) {
    const key = `${from}\u0000${to}`;
    const set = directed.get(key) ?? new Set<RelationType>();
    set.add(type);
    directed.set(key, set);
    if (type === 'evaluates' || type === 'manages') {
      push(evaluatorSets, to, from);
      push(overseenSets, from, to);
    }
    if (closeTypes.has(type)) {
      push(closeSets, from, to);
      push(closeSets, to, from);
    }
    if (clanTypes.has(type)) {
      push(clanSets, from, to);
      push(clanSets, to, from);
    }
  }
  const asLists = (sets: Map<string, Set<string>>) => new Map([...sets].map(([key, set]) => [key, [...set]]));
  const evaluators = asLists(evaluatorSets);
  const overseen = asLists(overseenSets);
  const close = asLists(closeSets);
  const clan = asLists(clanSets);
  const empty: ReadonlySet<RelationType> = new Set();
  const clanOf = (person: string, maxDepth: number): Map<string, string[]> => {
    const paths = new Map<string, string[]>([[person, [person]]]);
    let frontier = [person];
    for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
      const next: string[] = [];
      for (const member of frontier) {
        for (const other of clan.get(member) ?? []) {
          if (paths.has(other)) continue;
          paths.set(other, [...paths.get(member)!, other]);
          next.push(other);
        }
      }
      frontier = next;
    }
    paths.delete(person);
    return paths;
  };
  return {
    typesFrom: (from, to) => directed.get(`${from}\u0000${to}`) ?? empty,
    evaluatorsOf: (person) => evaluators.get(person) ?? [],
    overseenBy: (person) => overseen.get(person) ?? [],
    closeTo: (person) => close.get(person) ?? [],
    clanOf,
  };
}
