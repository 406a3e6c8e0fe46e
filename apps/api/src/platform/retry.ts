/**
 * Re-deciding a change after losing a version race: how many tries before the
 * request answers 409, and a short random pause before each retry so that
 * many writers of one record (ten saves at once) do not keep colliding.
 */
export const CHANGE_TRIES = 8;

export function pauseBeforeRetry(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
}
