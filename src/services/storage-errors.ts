/**
 * Storage failures the services understand, whatever the store. Repositories translate their
 * SDK's errors into these so nothing above src/storage has to know Azure's status codes.
 */

/** Someone else changed the record since we read it (an ETag mismatch). Re-read and try again. */
export class ConcurrentUpdateError extends Error {
  override readonly name = 'ConcurrentUpdateError';
  constructor(readonly what: string) {
    super(`${what} was changed by someone else at the same time`);
  }
}

/** A record with this key already exists (someone else created it first). */
export class AlreadyExistsError extends Error {
  override readonly name = 'AlreadyExistsError';
  constructor(readonly what: string) {
    super(`${what} already exists`);
  }
}

/** Storage cannot be reached or answered with something we did not expect. */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
}

/**
 * Runs a read-modify-write until it lands without a conflict. Each attempt must re-read, so a
 * retry always works from the latest stored version and no update is lost.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>, maxAttempts = 8): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      const conflict = error instanceof ConcurrentUpdateError || error instanceof AlreadyExistsError;
      if (!conflict || tries >= maxAttempts) {
        throw error;
      }
      // Jitter spreads writers that collided so they do not collide again on the next attempt.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** Math.min(tries, 5)));
    }
  }
}
