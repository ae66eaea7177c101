import type { Cohort } from '../model/cohort.js';
import { loadHighsBackend } from './loadHighsBackend.js';
import type { QuotaBackend } from './quotaBackend.js';

/**
 * The backend `coachmatch match` and `POST /match` solve a cohort's quotas with, so both give
 * the same matching: HiGHS, loaded on the first cohort with quotas (once per process or
 * worker thread). Undefined without quotas: such a cohort never waits for the WebAssembly.
 */
export async function quotaBackendFor(cohort: Cohort): Promise<QuotaBackend | undefined> {
  // HiGHS solves quota programs of realistic size; javascript-lp-solver does not (bench/QUOTAS.md).
  return (cohort.policy?.quotas?.length ?? 0) > 0 ? loadHighsBackend() : undefined;
}
