import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from '../../src/domain/clusters/cluster';
import { buildRota } from '../../src/domain/rota/build-rota';
import { YEAR_2026_27 } from '../support/sample-calendar';
import { sampleProfile } from '../support/sample-profile';

const profile = sampleProfile({ nextPosition: 4 });
const schools = ['Aldermoor Farm', 'Cannon Park', 'Earlsdon'].map((name, i) => ({
  id: `s${i}`,
  name,
  position: i + 1,
}));
const cluster = (over: Partial<ClusterSnapshot> = {}): ClusterSnapshot => ({
  profile,
  schools,
  people: [],
  calendars: [YEAR_2026_27],
  meetingChanges: [],
  actions: [],
  proposals: [],
  publishedAgendas: [],
  minutes: [],
  peerReviews: [],
  ...over,
});

describe('the rota, built once for the same cluster in the same minute', () => {
  const now = new Date('2026-11-10T09:00:20Z');

  it('is the same rota for the same stored rows, and cannot be changed by whoever gets it', () => {
    const first = buildRota(cluster(), now);
    expect(buildRota(cluster(), new Date('2026-11-10T09:00:50Z'))).toBe(first);
    expect(Object.isFrozen(first.meetings)).toBe(true);
  });

  it('is built afresh when a school, the term dates or the minute differ', () => {
    const first = buildRota(cluster(), now);
    const joined = [...schools, { id: 's3', name: 'Whoberley', position: 4 }];
    const withNewSchool = buildRota(cluster({ schools: joined }), now);
    expect(withNewSchool).not.toBe(first);
    expect(withNewSchool.meetings.some((m) => m.host?.name === 'Whoberley')).toBe(true);
    expect(buildRota(cluster({ calendars: [] }), now).meetings).toEqual([]);
    expect(buildRota(cluster(), new Date('2026-11-10T09:01:00Z'))).not.toBe(first);
  });
});
