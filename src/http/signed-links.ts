import { createHmac, timingSafeEqual } from 'node:crypto';
import type { UploadTarget } from '../domain/imports/file-upload';

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

/**
 * Minutes are forwarded to governing bodies and opened next term or next year: their links last
 * three years, and a cluster lead can withdraw every link made before a moment
 * (`/minutes withdraw links`, see `minutesLinkIssuedAt`).
 */
export const MINUTES_LINK_LIFETIME_MS = 3 * 365 * 24 * 3_600_000;

/** When a minutes link was made, from its expiry. */
export const minutesLinkIssuedAt = (expires: string | undefined) =>
  Number(expires) - MINUTES_LINK_LIFETIME_MS;

export function minutesLinks(
  baseUrl: string,
  secret: string,
  clusterId: string,
  meetingId: string,
  now: Date,
) {
  const expires = now.getTime() + MINUTES_LINK_LIFETIME_MS;
  const query = `expires=${expires}&sig=${signature(secret, minutesSubject(clusterId, meetingId), expires)}`;
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

/** A personal-data export is a file about someone: its link lasts an hour, enough to open it. */
export const EXPORT_LINK_LIFETIME_MS = 3_600_000;

export type ExportSubject =
  | { kind: 'school'; clusterId: string; schoolId: string }
  | { kind: 'person'; tenantId: string; userId: string };

export const exportPath = (subject: ExportSubject) =>
  subject.kind === 'school'
    ? `privacy/school/${encodeURIComponent(subject.clusterId)}/${encodeURIComponent(subject.schoolId)}`
    : `privacy/person/${encodeURIComponent(subject.tenantId)}/${encodeURIComponent(subject.userId)}`;

/** The export as JSON (everything, as stored) and as a page to read or print. */
export function exportLinks(baseUrl: string, secret: string, subject: ExportSubject, now: Date) {
  const expires = now.getTime() + EXPORT_LINK_LIFETIME_MS;
  const query = `expires=${expires}&sig=${signature(secret, exportPath(subject), expires)}`;
  const path = `${withoutTrailingSlash(baseUrl)}/${exportPath(subject)}`;
  return { json: `${path}/export.json?${query}`, html: `${path}/export.html?${query}` };
}

/**
 * An upload link lets one cluster lead send one kind of file to their cluster from a browser
 * (Teams cannot attach files to a bot in a channel). It acts as that lead, so it is sent to them
 * alone (their personal chat) and lasts an hour; the lead check is made again on upload.
 */
export const UPLOAD_LINK_LIFETIME_MS = 3_600_000;

export const uploadSubject = (s: UploadTarget) =>
  ['upload', s.kind, s.tenantId, s.placeKey, s.userId, s.option].map(encodeURIComponent).join('/');

export function uploadLink(baseUrl: string, secret: string, subject: UploadTarget, now: Date): string {
  const expires = now.getTime() + UPLOAD_LINK_LIFETIME_MS;
  const query = new URLSearchParams({
    tenant: subject.tenantId,
    place: subject.placeKey,
    user: subject.userId,
    option: subject.option,
    expires: String(expires),
    sig: signature(secret, uploadSubject(subject), expires),
  });
  return `${withoutTrailingSlash(baseUrl)}/uploads/${subject.kind}?${query}`;
}
