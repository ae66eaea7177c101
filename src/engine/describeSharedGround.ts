import type { SharedGround } from '../features/sharedValue.js';

/** Names one piece of common ground in words: "Hobbies: jazz, chess", "Age: 24 and 27". */
export function describeSharedGround(shared: SharedGround): string {
  const value = Array.isArray(shared.value) ? shared.value.join(', ') : String(shared.value);
  return shared.coachValue === undefined ? `${shared.label}: ${value}` : `${shared.label}: ${value} and ${shared.coachValue}`;
}
