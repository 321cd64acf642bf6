import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Download links for a cluster's calendar that work without signing in (calendar programs and
 * browsers fetch them directly) but can't be guessed or kept for ever: an HMAC over the cluster
 * id and an expiry time.
 */
export const ROTA_LINK_LIFETIME_MS = 7 * 24 * 3_600_000;

/** `subject` is what the link opens: a cluster id (its rota), or `<cluster id>/minutes/<meeting id>`. */
export function signature(secret: string, subject: string, expires: number): string {
  return createHmac('sha256', secret).update(`${subject}.${expires}`).digest('base64url');
}

/** Minutes links last as long: a head forwards the file, the link itself is only for downloading. */
export function minutesLinks(
  baseUrl: string,
  secret: string,
  clusterId: string,
  meetingId: string,
  now: Date,
) {
  const expires = now.getTime() + ROTA_LINK_LIFETIME_MS;
  const sig = signature(secret, minutesSubject(clusterId, meetingId), expires);
  const path = `${baseUrl.replace(/\/+$/, '')}/clusters/${encodeURIComponent(clusterId)}/minutes/${encodeURIComponent(meetingId)}`;
  return {
    html: `${path}.html?expires=${expires}&sig=${sig}`,
    markdown: `${path}.md?expires=${expires}&sig=${sig}`,
  };
}

/** The board's figures as CSV, for a spreadsheet. */
export function boardCsvLink(baseUrl: string, secret: string, boardId: string, now: Date): string {
  const expires = now.getTime() + ROTA_LINK_LIFETIME_MS;
  const sig = signature(secret, boardSubject(boardId), expires);
  return `${baseUrl.replace(/\/+$/, '')}/boards/${encodeURIComponent(boardId)}/overview.csv?expires=${expires}&sig=${sig}`;
}

export const boardSubject = (boardId: string) => `board/${boardId}`;

export const minutesSubject = (clusterId: string, meetingId: string) => `${clusterId}/minutes/${meetingId}`;

export function rotaLink(baseUrl: string, secret: string, clusterId: string, now: Date): string {
  const expires = now.getTime() + ROTA_LINK_LIFETIME_MS;
  const base = baseUrl.replace(/\/+$/, '');
  return `${base}/clusters/${encodeURIComponent(clusterId)}/rota.ics?expires=${expires}&sig=${signature(secret, clusterId, expires)}`;
}

export function verifyLink(
  secret: string,
  subject: string,
  expires: string | undefined,
  sig: string | undefined,
  now: Date,
): 'valid' | 'expired' | 'invalid' {
  const expiry = Number(expires);
  if (!sig || !Number.isSafeInteger(expiry)) return 'invalid';
  const expected = Buffer.from(signature(secret, subject, expiry));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  return expiry < now.getTime() ? 'expired' : 'valid';
}
