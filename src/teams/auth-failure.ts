import { AuthenticationError } from 'botframework-connector';

/**
 * What a failed Bot Framework authentication means for the caller: a bad token is the
 * caller's problem (401); Microsoft's signing keys out of reach is ours, and passes (503, so
 * Teams retries). Never a 500.
 */
export type AuthFailure =
  | { kind: 'unauthorized'; reason: string }
  | { kind: 'keys-unavailable'; reason: string };

const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
]);

export function classifyAuthFailure(error: unknown): AuthFailure | undefined {
  if (!(error instanceof Error)) return undefined;
  const { name, message } = error;
  const code = (error as { code?: unknown }).code;
  const status = (error as { statusCode?: unknown }).statusCode;
  if (
    /^Failed to load (openID config|Keys)/.test(message) ||
    name === 'FetchError' ||
    NETWORK_CODES.has(String(code))
  ) {
    return { kind: 'keys-unavailable', reason: `${name}: ${message.slice(0, 120)}` };
  }
  if (
    error instanceof AuthenticationError ||
    name === 'JsonWebTokenError' ||
    name === 'TokenExpiredError' ||
    name === 'NotBeforeError' ||
    status === 401
  ) {
    return { kind: 'unauthorized', reason: `${name}: ${message.slice(0, 120)}` };
  }
  return undefined;
}
