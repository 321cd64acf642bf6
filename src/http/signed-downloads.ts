import type { Clock } from '../domain/clock';
import { londonWallClock } from '../domain/time/london-time';
import { boardCsv } from '../export/board-csv';
import type { BoardOverviewService } from '../services/board-overview-service';
import type { MinutesService } from '../services/minutes-service';
import type { RotaService } from '../services/rota-service';
import { minutesDocument, minutesHtml, minutesMarkdown } from '../views/minutes-document';
import { boardSubject, minutesLinkIssuedAt, minutesSubject, verifyLink } from './signed-links';

/** A file behind a signed link, or why it cannot be had. */
export type SignedDownload =
  | { status: 200; filename: string; contentType: string; body: string; disposition: 'inline' | 'attachment' }
  | { status: 403 | 404 | 410; message: string };

function refusal(
  check: 'valid' | 'expired' | 'invalid',
  what: string,
  fresh: string,
): SignedDownload | undefined {
  if (check === 'invalid')
    return {
      status: 403,
      message: `This ${what} link is not valid. Ask Clusterbot for a new one with ${fresh}.`,
    };
  if (check === 'expired')
    return {
      status: 410,
      message: `This ${what} link has expired. Ask Clusterbot for a new one with ${fresh}.`,
    };
  return undefined;
}

const fileName = (name: string) => name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'cluster';

/** Serves a signed rota link: checks the signature and expiry, then builds the ICS file. */
export function rotaCalendarDownload(rota: RotaService, secret: string, clock: Clock) {
  return async (clusterId: string, expires?: string, sig?: string): Promise<SignedDownload> => {
    const refused = refusal(verifyLink(secret, clusterId, expires, sig, clock()), 'calendar', '/rota ics');
    if (refused) return refused;
    const file = await rota.calendarFile(clusterId);
    if (!file.ok) return { status: 404, message: 'That cluster no longer exists.' };
    return {
      status: 200,
      filename: `${fileName(file.value.name)}-rota.ics`,
      contentType: 'text/calendar; charset=utf-8',
      body: file.value.ics,
      disposition: 'attachment',
    };
  };
}

/**
 * Serves signed minutes links: the printable page opens in the browser (to print or save as PDF),
 * the Markdown file downloads. Only published minutes are ever served.
 */
export function minutesDownload(minutes: MinutesService, secret: string, clock: Clock) {
  return async (
    clusterId: string,
    meetingId: string,
    format: 'html' | 'md',
    expires?: string,
    sig?: string,
  ): Promise<SignedDownload> => {
    const check = verifyLink(secret, minutesSubject(clusterId, meetingId), expires, sig, clock());
    const refused = refusal(check, 'minutes', '/minutes');
    if (refused) return refused;
    const published = await minutes.published(clusterId, meetingId);
    if (!published.ok)
      return { status: 404, message: 'These minutes are not published (or no longer exist).' };
    const { cluster, meeting, minutes: stored } = published.value;
    const withdrawn = cluster.profile.minutesLinksWithdrawnAt;
    if (withdrawn && minutesLinkIssuedAt(expires) <= withdrawn.getTime())
      return {
        status: 410,
        message:
          'A cluster lead has withdrawn this link. Ask for a fresh copy: /minutes in the cluster’s channel.',
      };
    const doc = minutesDocument(cluster, meeting, stored);
    const name = `${fileName(doc.title.replace(/^Minutes: /, ''))}-minutes`;
    return format === 'html'
      ? {
          status: 200,
          filename: `${name}.html`,
          contentType: 'text/html; charset=utf-8',
          body: minutesHtml(doc),
          disposition: 'inline',
        }
      : {
          status: 200,
          filename: `${name}.md`,
          contentType: 'text/markdown; charset=utf-8',
          body: minutesMarkdown(doc),
          disposition: 'attachment',
        };
  };
}

/** Serves a signed link to a board's figures as CSV (the same figures as /board shows). */
export function boardCsvDownload(boards: BoardOverviewService, secret: string, clock: Clock) {
  return async (boardId: string, expires?: string, sig?: string): Promise<SignedDownload> => {
    const refused = refusal(
      verifyLink(secret, boardSubject(boardId), expires, sig, clock()),
      'board figures',
      '/board csv',
    );
    if (refused) return refused;
    const overview = await boards.overviewOf(boardId);
    if (!overview.ok) return { status: 404, message: 'That board no longer exists.' };
    return {
      status: 200,
      filename: `${fileName(overview.value.board.name)}-${londonWallClock(clock()).date}.csv`,
      contentType: 'text/csv; charset=utf-8',
      // A byte-order mark so Excel reads the names as UTF-8.
      body: `\ufeff${boardCsv(overview.value.healths)}`,
      disposition: 'attachment',
    };
  };
}
