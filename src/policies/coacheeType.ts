import type { PolicySettings } from '../model/policySettings.js';

/** Insider or pioneer, from insiderness against the policy's threshold. */
export type CoacheeType = 'insider' | 'pioneer';

/** Classifies a coachee: insiders are at home among the coaches, pioneers are newcomers. */
export function coacheeType(insiderness: number, settings: PolicySettings): CoacheeType {
  return insiderness >= settings.insiderThreshold ? 'insider' : 'pioneer';
}
