import { peopleToRefresh } from '../cards/card-refresh';
import type { GuestApprovalCardData } from '../cards/guest-approval-card';
import { NO_DRAFTS, type ReminderCardData, type ReminderDrafts } from '../cards/reminder-card';
import { agendaFor } from '../domain/agenda/agenda-for';
import { halfTermName } from '../domain/calendar/academic-year';
import { schoolDays } from '../domain/calendar/school-days';
import { whoMay } from '../domain/clusters/who-may';
import { slotDay } from '../domain/reminders/reminder-slots';
import type { GuestRequest } from '../domain/rsvp/guest-request';
import { type MeetingAttendance, staleness } from '../domain/rsvp/meeting-attendance';
import type { Tally } from '../domain/rsvp/rsvp';
import { formatLocalDate, formatLondon, londonWallClock } from '../domain/time/london-time';

export const RSVP_VERBS = {
  answer: 'rsvp',
  refresh: 'rsvpRefresh',
  guestRequest: 'guestRequest',
  guestDecision: 'guestDecision',
} as const;

const ANSWER_WORDS = { attending: 'attending', apologies: 'apologies', deputy: 'sending a deputy' } as const;

/** What a chair needs first: "4 of 6 schools represented (1 by a deputy) · 1 apology · 1 not answered". */
export function headcount(tally: Tally): string {
  const represented = tally.attending.length + tally.deputies.length;
  const total = represented + tally.apologies.length + tally.noAnswer.length;
  const deputies = tally.deputies.length ? ` (${tally.deputies.length} by a deputy)` : '';
  const apologies = `${tally.apologies.length} ${tally.apologies.length === 1 ? 'apology' : 'apologies'}`;
  return `${represented} of ${total} schools represented${deputies} · ${apologies} · ${tally.noAnswer.length} not answered`;
}

export function describeTally(tally: Tally): string {
  const parts = [
    `**${headcount(tally)}**`,
    tally.attending.length ? `Attending: ${tally.attending.join(', ')}.` : '',
    tally.deputies.length
      ? `Deputies: ${tally.deputies.map((d) => `${d.school} (${d.name}, ${d.role})`).join(', ')}.`
      : '',
    tally.apologies.length
      ? `Apologies: ${tally.apologies.map((a) => (a.reason ? `${a.school} (${a.reason})` : a.school)).join(', ')}.`
      : '',
    tally.noAnswer.length ? `No answer yet: ${tally.noAnswer.join(', ')}.` : '',
    tally.guests.some((g) => g.status === 'approved')
      ? `Guests: ${tally.guests
          .filter((g) => g.status === 'approved')
          .map((g) => `${g.name} (${g.role}) with ${g.school}`)
          .join(', ')}.`
      : '',
    tally.guests.some((g) => g.status === 'pending')
      ? `Guests waiting for the host's agreement: ${tally.guests
          .filter((g) => g.status === 'pending')
          .map((g) => `${g.name} (${g.role}) with ${g.school}`)
          .join(', ')}.`
      : '',
  ];
  return parts.filter(Boolean).join('\n\n');
}

export function countTally(tally: Tally): string {
  return `Answers so far: ${headcount(tally)}.`;
}

/**
 * The reminder card as one person sees it: their school's answer, and the full tally if they
 * chair or host the meeting or lead the cluster. Without a viewer: the shared post everyone sees
 * until their own view loads.
 */
export function reminderCardData(
  attendance: MeetingAttendance,
  now: Date,
  viewer?: { userId: string },
  note?: string,
  drafts: Partial<ReminderDrafts> = {},
): ReminderCardData {
  // A card is re-rendered for the meeting as it is now (a moved meeting shows its new date);
  // `note` explains any change to the person who clicked.
  const { cluster, meeting, answers, tally } = attendance;
  const person = viewer ? cluster.people.find((p) => p.userId === viewer.userId) : undefined;
  const school = cluster.schools.find((s) => s.id === person?.schoolId);
  // Reasons for apologies are for the chair's eyes.
  const seesTally = viewer !== undefined && whoMay.chair(cluster, meeting, viewer.userId);
  const stale = staleness(meeting, meeting.date, now);
  // The reminder carries the published agenda, or the draft until the chair publishes.
  const agenda =
    cluster.publishedAgendas.find((p) => p.meetingId === meeting.id)?.items ??
    agendaFor(cluster, meeting, now);
  const papers = agenda.filter((i) => i.paper).map((i) => `[${i.text}](${i.paper?.url})`);
  let status: string;
  if (note) status = note;
  else if (stale) status = `Answers are closed: ${stale}.`;
  else if (!viewer) status = countTally(tally);
  else if (!school)
    status = `You are not listed for a school in ${cluster.profile.name}, so you can't answer for one. Link yourself with /join.`;
  else {
    const answer = answers.find((a) => a.schoolId === school.id)?.current;
    const guests = attendance.guests
      .filter((g) => g.schoolId === school.id)
      .map((g) => ` Guest ${g.name}: ${g.status === 'pending' ? 'waiting for the host' : g.status}.`)
      .join('');
    status = answer
      ? `Your school (${school.name}): ${answer.answer.kind === 'deputy' ? `sending ${answer.answer.name}, ${answer.answer.role}` : ANSWER_WORDS[answer.answer.kind]}. Answered by ${answer.byName}, ${formatLondon(answer.at)}. You can change this until the meeting starts.`
      : guests
        ? `Your school (${school.name}): attending, since you asked to bring a guest (answer otherwise if that changes).`
        : `Your school (${school.name}) has not answered yet.`;
    status += guests;
  }
  return {
    clusterId: cluster.profile.id,
    meetingId: meeting.id,
    meetingDate: meeting.date,
    answerVerb: RSVP_VERBS.answer,
    refreshVerb: RSVP_VERBS.refresh,
    guestVerb: RSVP_VERBS.guestRequest,
    userIds: peopleToRefresh(cluster.people),
    title: `${cluster.profile.name} heads' meeting · ${formatLondon(meeting.startsAt)}–${londonWallClock(meeting.endsAt).time}`,
    intro: meeting.host
      ? `${halfTermName(meeting.halfTerm)} meeting, hosted and chaired by ${meeting.host.name}. Please answer for your school by ${formatLocalDate(slotDay(meeting.date, 'nudge', schoolDays(cluster.calendars)))}.`
      : `${halfTermName(meeting.halfTerm)} meeting.`,
    host: meeting.host ? `${meeting.host.name}${meeting.venue ? ` (venue: ${meeting.venue})` : ''}` : '–',
    chair: meeting.host?.name ?? '–',
    minutes: meeting.minuteTaker?.name ?? '–',
    boardRep: meeting.boardRep?.name ?? '–',
    agenda: agenda.map((item, i) => ({ text: `${i + 1}. ${item.text}` })),
    papers: papers.length ? `Papers: ${papers.join(' · ')}` : 'No papers have been shared yet.',
    status,
    tally: seesTally && !stale ? describeTally(tally) : '',
    open: !stale,
    drafts: { ...NO_DRAFTS, ...drafts },
  };
}

/** The host's approve / decline card for one guest request. */
export function guestApprovalCardData(
  attendance: MeetingAttendance,
  request: GuestRequest,
  now: Date,
): GuestApprovalCardData {
  const { cluster, meeting } = attendance;
  const stale = staleness(meeting, meeting.date, now);
  const school = cluster.schools.find((s) => s.id === request.schoolId)?.name ?? 'a member school';
  const decided =
    request.status === 'pending'
      ? undefined
      : `${request.status === 'approved' ? 'Approved' : 'Declined'} by ${request.decidedByName ?? 'the host'}${request.decidedAt ? `, ${formatLondon(request.decidedAt)}` : ''}.`;
  return {
    clusterId: cluster.profile.id,
    meetingId: meeting.id,
    guestId: request.id,
    verb: RSVP_VERBS.guestDecision,
    title: `Guest request: ${cluster.profile.name} meeting ${formatLondon(meeting.startsAt)}`,
    explanation: `${meeting.host?.name ?? 'The host school'} hosts this meeting, so the host agrees guests beforehand.`,
    guestName: request.name,
    guestRole: request.role,
    school,
    askedBy: request.requestedByName,
    status: stale ? `Closed: ${stale}.` : (decided ?? 'Waiting for the host to approve or decline.'),
    open: !stale && request.status === 'pending',
  };
}
