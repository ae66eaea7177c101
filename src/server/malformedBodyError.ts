/**
 * Thrown in a job whose body is not JSON at all (not UTF-8, empty, a syntax error): the job
 * runner answers it as `malformedBody`, a 400, where a {@link CoachmatchError} is a 422.
 */
export class MalformedBodyError extends Error {
  override readonly name = 'MalformedBodyError';
}
