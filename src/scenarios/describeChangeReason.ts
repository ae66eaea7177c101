import type { ChangeReason } from './comparison.js';

/** A change reason in words, e.g. "coach removed (coach-07)" or "difference +0.21". */
export function describeChangeReason(reason: ChangeReason): string {
  switch (reason.kind) {
    case 'pinned':
      return 'pinned';
    case 'coachRemoved':
      return `coach removed (${reason.coachId})`;
    case 'coachNotHere':
      return reason.addedInBaseline ? `${reason.coachId} not added here (added in the baseline)` : `${reason.coachId} not in this scenario's pool`;
    case 'banned':
      return `banned from ${reason.coachId}: ${reason.reasons.join('; ')}`;
    case 'unpinned':
      return `no longer pinned to ${reason.coachId}`;
    case 'capacity':
      return `${reason.coachId}'s capacity ${reason.from} → ${reason.to}`;
    case 'coachAdded':
      return `coach added (${reason.coachId})`;
    case 'coachNotInBaseline':
      return reason.removedInBaseline ? `${reason.coachId} not removed here (removed in the baseline)` : `${reason.coachId} not in the baseline's pool`;
    case 'banLifted':
      return `ban on ${reason.coachId} lifted (was: ${reason.reasons.join('; ')})`;
    case 'unplaced':
      return 'lost a place';
    case 'placed':
      return 'gained a place';
    case 'termMoved':
      return `${reason.label} ${reason.gain >= 0 ? '+' : ''}${reason.gain.toFixed(2)}`;
    case 'placesAdded':
      return `${reason.coachId} was full; its capacity ${reason.from} → ${reason.to}`;
    case 'placeFreed':
      return `a place freed at ${reason.coachId} (${reason.freedBy.join(', ')} left)`;
    case 'knockOn':
      return `knock-on: ${reason.coachId}'s place went to ${reason.takenBy.join(', ')}`;
    case 'rearranged':
      return 'rearranged: both coaches had room and no term moved';
  }
}
