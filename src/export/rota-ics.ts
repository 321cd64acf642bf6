import ICAL from 'ical.js';
import { halfTermName } from '../domain/calendar/academic-year';
import type { PlannedMeeting } from '../domain/rota/rota-types';

export interface RotaCalendarInput {
  clusterId: string;
  clusterName: string;
  meetings: readonly PlannedMeeting[];
  generatedAt: Date;
}

/**
 * The cluster's meetings as an iCalendar file that Outlook and Google Calendar import. Each
 * meeting keeps the same UID forever and SEQUENCE grows with each export, so importing again
 * updates the events instead of adding copies; cancelled meetings are sent as cancelled.
 * Times are written in UTC, computed from London wall-clock time, so they are right either side
 * of a clock change in every calendar program.
 */
export function rotaToIcs(input: RotaCalendarInput): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.addPropertyWithValue('prodid', '-//Clusterbot//Cluster rota//EN');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('method', 'PUBLISH');
  calendar.addPropertyWithValue('x-wr-calname', `${input.clusterName} heads' meetings`);
  calendar.addPropertyWithValue('x-wr-timezone', 'Europe/London');
  const sequence = Math.floor((input.generatedAt.getTime() - Date.UTC(2025, 0, 1)) / 60_000);

  for (const meeting of input.meetings) {
    const event = new ICAL.Component('vevent');
    event.addPropertyWithValue('uid', `${input.clusterId}-${meeting.id.replace('#', '-ht')}@clusterbot`);
    event.addPropertyWithValue('dtstamp', ICAL.Time.fromJSDate(input.generatedAt, true));
    event.addPropertyWithValue('dtstart', ICAL.Time.fromJSDate(meeting.startsAt, true));
    event.addPropertyWithValue('dtend', ICAL.Time.fromJSDate(meeting.endsAt, true));
    event.addPropertyWithValue('sequence', sequence);
    const where = meeting.venue ?? meeting.host?.name;
    event.addPropertyWithValue(
      'summary',
      `${input.clusterName} heads' meeting (${halfTermName(meeting.halfTerm)})${meeting.host ? ` at ${meeting.host.name}` : ''}`,
    );
    if (where) event.addPropertyWithValue('location', where);
    const lines = [
      meeting.host ? `Host and chair: ${meeting.host.name}` : undefined,
      meeting.minuteTaker ? `Minutes: ${meeting.minuteTaker.name}` : undefined,
      meeting.minuteTakerNote ? `(${meeting.minuteTakerNote})` : undefined,
      meeting.boardRep ? `Board representative: ${meeting.boardRep.name}` : undefined,
    ].filter(Boolean);
    if (lines.length > 0) event.addPropertyWithValue('description', lines.join('\n'));
    event.addPropertyWithValue('status', meeting.cancelled ? 'CANCELLED' : 'CONFIRMED');
    calendar.addSubcomponent(event);
  }
  return calendar.toString().replace(/\r?\n/g, '\r\n');
}
