/** Catch the AmiFindError a call must fail with, so tests can assert on its code and exit code. */
import { AmiFindError } from '../../src/errors.js';

/** The AmiFindError `p` rejects with; any other outcome fails the test. */
export async function rejection(p: Promise<unknown>): Promise<AmiFindError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AmiFindError) return e;
    throw e;
  }
  throw new Error('expected an AmiFindError, but it succeeded');
}

/** The AmiFindError `fn` throws; any other outcome fails the test. */
export function thrown(fn: () => unknown): AmiFindError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AmiFindError) return e;
    throw e;
  }
  throw new Error('expected an AmiFindError, but it returned');
}
