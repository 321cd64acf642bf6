import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Download links for a cluster's calendar that work without signing in (calendar programs and
 * browsers fetch them directly) but can't be guessed or kept for ever: an HMAC over the cluster
 * id and an expiry time.
 */
export const ROTA_LINK_LIFETIME_MS = 7 * 24 * 3_600_000;

export function signature(secret: string, clusterId: string, expires: number): string {
  return createHmac('sha256', secret).update(`${clusterId}.${expires}`).digest('base64url');
}

export function rotaLink(baseUrl: string, secret: string, clusterId: string, now: Date): string {
  const expires = now.getTime() + ROTA_LINK_LIFETIME_MS;
  const base = baseUrl.replace(/\/+$/, '');
  return `${base}/clusters/${encodeURIComponent(clusterId)}/rota.ics?expires=${expires}&sig=${signature(secret, clusterId, expires)}`;
}

export function verifyRotaLink(
  secret: string,
  clusterId: string,
  expires: string | undefined,
  sig: string | undefined,
  now: Date,
): 'valid' | 'expired' | 'invalid' {
  const expiry = Number(expires);
  if (!sig || !Number.isSafeInteger(expiry)) return 'invalid';
  const expected = Buffer.from(signature(secret, clusterId, expiry));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  return expiry < now.getTime() ? 'expired' : 'valid';
}
