/** The shared seeded generator, under the name the tests use. */
export { mulberry32 as seededRandom } from '../../fixtures/synthetic/mulberry32.js';
