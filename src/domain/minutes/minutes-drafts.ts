import { type ClusterAction, openAction } from '../actions/cluster-action';
import type { Actor } from '../actor';
import { type ClusterSnapshot, schoolNamer } from '../clusters/cluster';
import { isMemberOn } from '../rota/plan-rota';
import type { PlannedMeeting } from '../rota/rota-types';
import type { MeetingAttendance } from '../rsvp/meeting-attendance';
import { attendanceFromAnswers, type MeetingMinutes } from './meeting-minutes';
import { agendaItemsOf } from './minutes-rules';

/** A fresh start for a meeting's minutes: attendance from the answers, approved guests, the agenda's items. */
export function draftMinutes(
  cluster: ClusterSnapshot,
  meeting: PlannedMeeting,
  answered: Pick<MeetingAttendance, 'answers' | 'guests'>,
  actor: Actor,
  now: Date,
): MeetingMinutes {
  const members = cluster.schools
    .filter((s) => isMemberOn(s, meeting.date))
    .sort((a, b) => a.position - b.position);
  const schoolName = schoolNamer(cluster);
  return {
    meetingId: meeting.id,
    attendance: attendanceFromAnswers(members, answered.answers, answered.guests),
    guests: answered.guests
      .filter((g) => g.status === 'approved')
      .map((g) => `${g.name}, ${g.role} (${schoolName(g.schoolId)})`),
    notes: agendaItemsOf(cluster, meeting, now).map((item) => ({ item, notes: '' })),
    decisions: [],
    pendingActions: [],
    actionIds: [],
    savedAt: now,
    savedBy: actor.userId,
    savedByName: actor.name,
  };
}

/**
 * Publishing: the pending actions become the cluster's actions (numbered on from `firstNumber`)
 * and the minutes record who published them and when. A correction keeps the earlier post's id.
 */
export function publishMinutes(
  minutes: MeetingMinutes,
  firstNumber: number,
  actor: Actor,
  now: Date,
): { minutes: MeetingMinutes; actions: ClusterAction[] } {
  const actions = minutes.pendingActions.map((a, i) =>
    openAction(
      {
        id: `A${firstNumber + i}`,
        title: a.title,
        ownerSchoolId: a.schoolId,
        ownerPerson: a.ownerPerson,
        due: a.due,
        meetingId: minutes.meetingId,
      },
      actor,
      now,
    ),
  );
  const activityId = minutes.published?.activityId;
  return {
    actions,
    minutes: {
      ...minutes,
      pendingActions: [],
      actionIds: [...minutes.actionIds, ...actions.map((a) => a.id)],
      published: { at: now, by: actor.userId, byName: actor.name, ...(activityId ? { activityId } : {}) },
    },
  };
}
