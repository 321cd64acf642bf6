import { type ClusterSnapshot, schoolNamer } from '../clusters/cluster';
import type { PlannedMeeting } from '../rota/rota-types';
import { londonWallClock } from '../time/london-time';
import { type AgendaItem, buildAgenda } from './agenda';

/** The half term whose meeting reviews performance unless the cluster chooses another. */
const AUTUMN_2 = 2;

/** The agenda of a meeting as it stands: built from the cluster's plan, actions and proposals. */
export function agendaFor(cluster: ClusterSnapshot, meeting: PlannedMeeting, now: Date): AgendaItem[] {
  return buildAgenda({
    standingItems: cluster.profile.standingItems ?? [],
    ...(cluster.profile.foci?.[meeting.year]?.[meeting.halfTerm - 1]
      ? { focus: cluster.profile.foci[meeting.year]?.[meeting.halfTerm - 1] }
      : {}),
    performanceReview: meeting.halfTerm === (cluster.profile.performanceReviewHalfTerm ?? AUTUMN_2),
    actions: cluster.actions,
    proposals: cluster.proposals.filter((p) => p.meetingId === meeting.id),
    peerReviews: cluster.peerReviews,
    today: londonWallClock(now).date,
    schoolName: schoolNamer(cluster),
  });
}
