import type { ClusterProfile } from '../../src/domain/clusters/cluster';

/** A cluster's profile as /setup stores it: Roots, meeting on the third Tuesday, 13:30–15:30. */
export function sampleProfile(overrides: Partial<ClusterProfile> = {}): ClusterProfile {
  return {
    id: 'c1',
    name: 'Roots',
    pattern: { weekday: 2, week: 3, startTime: '13:30', endTime: '15:30' },
    boardRep: { kind: 'rotate-yearly' },
    place: { tenantId: 't', placeKey: '19:team', conversationId: '19:team' },
    createdAt: new Date('2026-09-01T09:00:00Z'),
    createdBy: '29:lead',
    nextPosition: 1,
    ...overrides,
  };
}
