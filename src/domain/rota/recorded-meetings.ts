import type { ClusterProfile } from '../clusters/cluster';
import type { PlannedMeeting } from './rota-types';

/**
 * A meeting before the cluster started with Clusterbot was not recorded here (no invitations,
 * answers or minutes): it is neither "held" on the rota nor a meeting with 0% attendance for a
 * board. A cluster that starts mid-year begins with its next meeting.
 */
export function recordedByClusterbot(
  meeting: Pick<PlannedMeeting, 'startsAt'>,
  profile: Pick<ClusterProfile, 'createdAt'>,
) {
  return meeting.startsAt.getTime() >= profile.createdAt.getTime();
}
