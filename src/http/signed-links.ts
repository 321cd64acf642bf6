import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Download links (calendar, minutes, board figures) that work without signing in (calendar
 * programs and browsers fetch them directly) but can't be guessed or kept for ever: an HMAC over
 * what the link opens and an expiry time.
 */
export const ROTA_LINK_LIFETIME_MS = 7 * 24 * 3_600_000;

/** `subject` is what the link opens: a cluster id (its rota), minutes, or a board's figures. */
export function signature(secret: string, subject: string, expires: number): string {
  return createHmac('sha256', secret).update(`${subject}.${expires}`).digest('base64url');
}

export const boardSubject = (boardId: string) => `board/${boardId}`;

export const minutesSubject = (clusterId: string, meetingId: string) => `${clusterId}/minutes/${meetingId}`;

/** The query every signed link carries: its expiry and the signature over subject and expiry. */
function signedQuery(secret: string, subject: string, now: Date): string {
  const expires = now.getTime() + ROTA_LINK_LIFETIME_MS;
  return `expires=${expires}&sig=${signature(secret, subject, expires)}`;
}

const withoutTrailingSlash = (baseUrl: string) => baseUrl.replace(/\/+$/, '');

/** Minutes links last as long: a head forwards the file, the link itself is only for downloading. */
export function minutesLinks(
  baseUrl: string,
  secret: string,
  clusterId: string,
  meetingId: string,
  now: Date,
) {
  const query = signedQuery(secret, minutesSubject(clusterId, meetingId), now);
  const path = `${withoutTrailingSlash(baseUrl)}/clusters/${encodeURIComponent(clusterId)}/minutes/${encodeURIComponent(meetingId)}`;
  return { html: `${path}.html?${query}`, markdown: `${path}.md?${query}` };
}

/** The board's figures as CSV, for a spreadsheet. */
export function boardCsvLink(baseUrl: string, secret: string, boardId: string, now: Date): string {
  const query = signedQuery(secret, boardSubject(boardId), now);
  return `${withoutTrailingSlash(baseUrl)}/boards/${encodeURIComponent(boardId)}/overview.csv?${query}`;
}

export function rotaLink(baseUrl: string, secret: string, clusterId: string, now: Date): string {
  const query = signedQuery(secret, clusterId, now);
  return `${withoutTrailingSlash(baseUrl)}/clusters/${encodeURIComponent(clusterId)}/rota.ics?${query}`;
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
