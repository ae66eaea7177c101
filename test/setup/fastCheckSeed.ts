import fc from 'fast-check';

/**
 * Property tests draw from one fixed seed, so CI cannot fail by the luck of the draw (two
 * tolerances found that way were fixed; random runs should find such things, not CI).
 * `COACHMATCH_FC_SEED=random` (or a number) explores other draws, with `COACHMATCH_FC_SCALE`
 * for more runs; a failure prints its seed and path to replay it.
 */
const chosen = process.env.COACHMATCH_FC_SEED;
if (chosen !== 'random') fc.configureGlobal({ seed: chosen === undefined ? 20_261_201 : Number(chosen) });
