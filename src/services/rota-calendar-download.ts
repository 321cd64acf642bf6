import type { Clock } from '../domain/clock';
import type { RotaService } from './rota-service';
import { verifyRotaLink } from './signed-links';

export type CalendarDownload =
  | { status: 200; filename: string; ics: string }
  | { status: 403 | 404 | 410; message: string };

/** Serves a signed rota link: checks the signature and expiry, then builds the ICS file. */
export function rotaCalendarDownload(rota: RotaService, secret: string, clock: Clock) {
  return async (clusterId: string, expires?: string, sig?: string): Promise<CalendarDownload> => {
    const check = verifyRotaLink(secret, clusterId, expires, sig, clock());
    if (check === 'invalid')
      return {
        status: 403,
        message: 'This calendar link is not valid. Ask Clusterbot for a new one with /rota ics.',
      };
    if (check === 'expired')
      return {
        status: 410,
        message: 'This calendar link has expired. Ask Clusterbot for a new one with /rota ics.',
      };
    const file = await rota.calendarFile(clusterId);
    if (!file.ok) return { status: 404, message: 'That cluster no longer exists.' };
    const safeName = file.value.name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'cluster';
    return { status: 200, filename: `${safeName}-rota.ics`, ics: file.value.ics };
  };
}
