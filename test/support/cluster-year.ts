import type { ClusterYear } from '../../src/domain/board/cluster-health';

/** A cluster's 2026-27 as the board reads it, seen on Mon 23 Nov 2026: nothing happened unless given. */
export function clusterYear(changes: Partial<ClusterYear> = {}): ClusterYear {
  return {
    clusterId: 'c1',
    name: 'Roots',
    year: '2026-27',
    meetings: [],
    membersOn: () => [],
    answers: [],
    guests: [],
    minutes: [],
    actions: [],
    peerReviews: [],
    today: '2026-11-23',
    yearStart: '2026-09-01',
    yearEnd: '2027-08-31',
    ...changes,
  };
}
