import type { SendOutcome } from '../services/notices-port';

/** What a failed send told us, read from whatever the chat SDK threw. */
export interface SendFailure {
  status?: number;
  retryAfterSeconds?: number;
  message: string;
}

export interface SendPolicyOptions {
  maxAttempts: number;
  sleep: (ms: number) => Promise<void>;
  random?: () => number;
}

const RETRYABLE = new Set([412, 500, 502, 503, 504]);
const GONE = new Set([403, 404]);
const MAX_WAIT_MS = 60_000;

/**
 * Sends with Teams' retry rules: on 429 wait for Retry-After (else back off exponentially with
 * jitter); retry 412/5xx; never retry 403/404 (the bot was removed or the person has gone).
 */
export async function sendWithPolicy(
  send: () => Promise<string | undefined>,
  describe: (error: unknown) => SendFailure,
  options: SendPolicyOptions,
): Promise<SendOutcome> {
  const random = options.random ?? Math.random;
  let last: SendFailure = { message: 'not sent' };
  for (let attempt = 1; attempt <= options.maxAttempts; attempt++) {
    try {
      const activityId = await send();
      return activityId ? { ok: true, activityId } : { ok: true };
    } catch (error) {
      last = describe(error);
      if (last.status !== undefined && GONE.has(last.status)) {
        return { ok: false, reason: 'gone', detail: `${last.status}: ${last.message}` };
      }
      const retryable = last.status === 429 || (last.status !== undefined && RETRYABLE.has(last.status));
      if (!retryable || attempt === options.maxAttempts) break;
      const backoff = Math.min(MAX_WAIT_MS, 1_000 * 2 ** (attempt - 1)) * (0.5 + random() / 2);
      const wait =
        last.status === 429 && last.retryAfterSeconds !== undefined
          ? Math.min(MAX_WAIT_MS, last.retryAfterSeconds * 1_000)
          : backoff;
      await options.sleep(wait);
    }
  }
  return { ok: false, reason: 'failed', detail: `${last.status ?? 'error'}: ${last.message}` };
}
