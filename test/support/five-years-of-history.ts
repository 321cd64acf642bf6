import { ClusterRepository } from '../../src/storage/cluster-repository';
import { RsvpRepository } from '../../src/storage/rsvp-repository';
import type { TableStorage } from '../../src/storage/table-storage';

const YEARS = ['2021-22', '2022-23', '2023-24', '2024-25', '2025-26'];

/**
 * Gives a stored cluster five past school years of what a busy cluster accumulates: six
 * meetings a year with published minutes (long ones), proposals and published agendas, forty
 * actions, answers from every school, and a change log of about 120 lines a year.
 */
export async function addFiveYearsOfHistory(tables: TableStorage, clusterId: string): Promise<void> {
  const store = new ClusterRepository(tables.table('clusters'), tables.table('clusterLinks'));
  const rsvps = new RsvpRepository(tables.table('clusters'));
  const current = await store.load(clusterId);
  if (!current) throw new Error(`no cluster ${clusterId}`);
  const schools = current.value.schools;
  const person = { at: new Date('2022-01-01T10:00:00Z'), by: '29:lead', byName: 'Lead' };
  let actionNumber = 1000;
  for (const [y, year] of YEARS.entries()) {
    const startYear = 2021 + y;
    for (let halfTerm = 1; halfTerm <= 6; halfTerm++) {
      const meetingId = `${year}#${halfTerm}`;
      const at = new Date(Date.UTC(startYear, 8 + halfTerm, 10, 13, 30));
      const actions = Array.from({ length: 7 }, (_, i) => ({
        id: `A${actionNumber++}`,
        title: `Share the writing moderation outcomes, item ${i + 1}`,
        ownerSchoolId: schools[i % schools.length]?.id ?? '',
        due: `${startYear + 1}-01-15`,
        status: 'done',
        createdAt: at,
        createdBy: '29:lead',
        meetingId,
        history: [{ ...person, at, status: 'done' }],
      }));
      const stored = await store.load(clusterId);
      await store.write(clusterId, stored?.version ?? '', {
        profile: stored?.value.profile ?? current.value.profile,
        minutes: [
          {
            meetingId,
            attendance: schools.map((s) => ({ schoolId: s.id, mark: 'present' as const })),
            guests: [],
            notes: Array.from({ length: 8 }, (_, i) => ({
              item: `Item ${i + 1}`,
              notes: 'Discussed at length. '.repeat(40),
            })),
            decisions: ['Agreed to share the moderation outcomes.'],
            pendingActions: [],
            actionIds: actions.map((a) => a.id),
            savedAt: at,
            savedBy: '29:lead',
            savedByName: 'Lead',
            published: { at, by: '29:lead', byName: 'Lead' },
          },
        ],
        proposals: Array.from({ length: 5 }, (_, i) => ({
          id: `P${y * 100 + halfTerm * 10 + i}`,
          meetingId,
          text: `Proposal ${i + 1}`,
          proposedBy: '29:lead',
          proposedByName: 'Lead',
          at,
          status: 'accepted' as const,
          order: i,
        })),
        publishedAgendas: [
          {
            meetingId,
            items: [{ kind: 'standing' as const, text: 'Welcome' }],
            publishedAt: at,
            publishedBy: '29:lead',
            publishedByName: 'Lead',
          },
        ],
        actions: actions as never,
        changeLog: Array.from({ length: 20 }, (_, i) => ({
          ...person,
          at: new Date(at.getTime() - i * 60_000),
          kind: 'agenda',
          summary: `Change ${i + 1}`,
        })),
      });
      await Promise.all(
        schools.map((s) =>
          rsvps.create(clusterId, {
            meetingId,
            schoolId: s.id,
            current: {
              answer: { kind: 'attending' },
              by: '29:head',
              byName: 'Head',
              at,
              key: `k-${meetingId}-${s.id}`,
            },
            history: [],
          }),
        ),
      );
    }
  }
}
