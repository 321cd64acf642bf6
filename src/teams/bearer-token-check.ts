/**
 * Cheap refusals before the SDK validates a Bot Framework token: what is not a signed JWT, is
 * unsigned (`alg: none`) or has expired can be refused without fetching Microsoft's keys, so
 * garbage is a 401 even when the keys cannot be fetched. Anything that passes still goes through
 * the SDK's full check (signature, issuer, audience); this only ever says no.
 */
const CLOCK_SKEW_SECONDS = 5 * 60;

function decodePart(part: string | undefined): Record<string, unknown> | undefined {
  if (!part || !/^[A-Za-z0-9_-]+$/.test(part)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Why the header cannot carry a valid token, or undefined when the SDK should decide. */
export function bearerTokenProblem(
  authorization: string | undefined,
  nowSeconds: number,
): string | undefined {
  if (!authorization) return 'no Authorization header';
  const match = /^Bearer ([^\s]+)$/.exec(authorization.trim());
  if (!match?.[1]) return 'not a Bearer token';
  const [headerPart, payloadPart, signature] = match[1].split('.');
  const header = decodePart(headerPart);
  const payload = decodePart(payloadPart);
  if (!header || !payload || !signature) return 'not a signed JWT';
  if (typeof header.alg !== 'string' || header.alg.toLowerCase() === 'none') return 'unsigned token';
  if (!header.alg.startsWith('RS')) return `token signed with ${header.alg}, not RSA`;
  if (typeof payload.exp === 'number' && payload.exp + CLOCK_SKEW_SECONDS < nowSeconds)
    return 'expired token';
  return undefined;
}
