import { positions } from './positions.js';
import { perMatchCache } from './perMatchCache.js';
import type { PairBan, PairFlag, Policy, PolicyContext } from './policy.js';

/**
 * Role conflicts from the relation graph (the "hat problem"):
 * - the coach evaluates or manages the coachee: penalised and flagged "disclose the dual
 *   role" (or banned with `dualRole: 'ban'`);
 * - the coach has a channel to someone who evaluates or manages the coachee (is close to
 *   them by family, closeTo or sameTeam, reports to them, or oversees them): penalised more
 *   than an open dual role, since the coachee may fear they talk;
 * - the coach coached the coachee before: allowed, penalised or banned;
 * - coach and coachee in the same team: a mild penalty.
 * A pair that carries several conflicts pays each penalty; a coach who both evaluates and
 * manages the coachee (a line manager) holds one dual role, penalised and flagged once, so
 * that an open line manager never costs more than the hidden channel of a coach close to the
 * evaluator, as the domain ranks them.
 */
export const roleConflictPolicy: Policy = {
  name: 'role-conflicts',
  flagCodes: ['discloseDualRole', 'closeToEvaluator', 'previouslyCoached', 'sameTeam'],
  apply: ({ cohort, features, settings, relations }) => {
    const { pairs } = features;
    const found = conflictFindings(relations, settings, [features.coacheeIds, features.coachIds], () => findConflicts({ cohort, features, settings, relations }));
    const penalty = new Float64Array(pairs.size);
    for (const { row, col, amount } of found.penalties) {
      // Outside the candidate pairs a penalty only lowers a pair nobody evaluates; the flag stays.
      const at = pairs.indexOf(row, col);
      if (at >= 0) penalty[at] = penalty[at]! - amount;
    }
    return { terms: [{ key: 'roleConflicts', label: 'role conflicts', values: penalty }], bans: found.bans, flags: found.flags };
  },
};

/** A coach reachable from an evaluator, and how. */
interface Channel {
  readonly col: number;
  readonly person: string;
  readonly how: string;
}

interface ConflictFindings {
  readonly bans: PairBan[];
  readonly flags: PairFlag[];
  readonly penalties: { row: number; col: number; amount: number }[];
}

/** Bans, flags and penalties by pair from the relations alone: the same for every chunk of pairs. */
const conflictFindings = perMatchCache<ConflictFindings>();

function findConflicts({ cohort, features, settings, relations }: PolicyContext): ConflictFindings {
  const { row: rowOf, col: colOf } = positions(features);
  const bans: PairBan[] = [];
  const flags: PairFlag[] = [];
  const penalties: { row: number; col: number; amount: number }[] = [];
  const names = new Map<string, string>();
  for (const p of [...cohort.people, ...cohort.coaches, ...cohort.coachees]) names.set(p.id, p.name);
  const nameOf = (id: string) => names.get(id) ?? id;
  const penalise = (row: number, col: number, amount: number, code: string, message: string) => {
    penalties.push({ row, col, amount });
    flags.push({ row, col, code, message });
  };

  // Each pair's dual roles (evaluates, manages), in the relations' order: one finding per pair.
  const dualRoles = new Map<number, { row: number; col: number; types: string[] }>();
  const cols = features.coachIds.length;
  for (const { from, to, type } of cohort.relations) {
    // Directed types read coach → coachee; sameTeam is symmetric and stored either way round.
    const row = rowOf.get(to) ?? rowOf.get(from);
    const col = colOf.get(from) ?? colOf.get(to);
    if (row === undefined || col === undefined) continue;
    const coachId = features.coachIds[col]!;
    const coacheeId = features.coacheeIds[row]!;
    const directed = from === coachId && to === coacheeId;
    const coach = nameOf(coachId);
    const coachee = nameOf(coacheeId);
    if ((type === 'evaluates' || type === 'manages') && directed) {
      const known = dualRoles.get(row * cols + col);
      if (known === undefined) dualRoles.set(row * cols + col, { row, col, types: [type] });
      else if (!known.types.includes(type)) known.types.push(type);
    } else if (type === 'previouslyCoached' && directed && settings.previouslyCoached !== 'allow') {
      const what = `${coach} coached ${coachee} before`;
      if (settings.previouslyCoached === 'ban') bans.push({ row, col, code: 'previouslyCoached', reason: what });
      else penalise(row, col, settings.previouslyCoachedPenalty, 'previouslyCoached', what);
    } else if (type === 'sameTeam' && (directed || (from === coacheeId && to === coachId))) {
      penalise(row, col, settings.sameTeamPenalty, 'sameTeam', `${coach} and ${coachee} work in the same team`);
    }
  }

  for (const { row, col, types } of dualRoles.values()) {
    const what = `${nameOf(features.coachIds[col]!)} also ${[...types].sort().join(' and ')} ${nameOf(features.coacheeIds[row]!)}`;
    if (settings.dualRole === 'ban') bans.push({ row, col, code: 'dualRole', reason: `${what} (dual roles are banned)` });
    else penalise(row, col, settings.dualRolePenalty, 'discloseDualRole', `${what}: disclose which hat is on`);
  }

  // A coach with a channel to someone who evaluates or manages the coachee: close to them,
  // reporting to them, or overseeing them (each talks with the evaluator about work). An
  // evaluator's coaches are found once, not per coachee: a manager's reports are many, and
  // most of them are no coach.
  const channelsOf = new Map<string, readonly Channel[]>();
  const coachChannels = (evaluator: string): readonly Channel[] => {
    const known = channelsOf.get(evaluator);
    if (known !== undefined) return known;
    const found: Channel[] = [];
    const ways: (readonly [readonly string[], string])[] = [
      [relations.closeTo(evaluator), 'is close to'],
      [relations.overseenBy(evaluator), 'reports to'],
      [relations.evaluatorsOf(evaluator), 'oversees'],
    ];
    for (const [people, how] of ways) {
      for (const person of people) {
        const col = colOf.get(person);
        if (col !== undefined) found.push({ col, person, how });
      }
    }
    channelsOf.set(evaluator, found);
    return found;
  };
  for (let row = 0; row < features.coacheeIds.length; row++) {
    const coacheeId = features.coacheeIds[row]!;
    const seen = new Set<number>();
    for (const evaluator of relations.evaluatorsOf(coacheeId)) {
      for (const { col, person, how } of coachChannels(evaluator)) {
        if (seen.has(col)) continue;
        seen.add(col);
        penalise(row, col, settings.closeToEvaluatorPenalty, 'closeToEvaluator', `${nameOf(person)} ${how} ${nameOf(evaluator)}, who evaluates or manages ${nameOf(coacheeId)}`);
      }
    }
  }
  return { bans, flags, penalties };
}
