import type { Actor } from '../domain/actor';
import { changeRecord } from '../domain/clusters/change-record';
import type { ClusterPlace, ClusterSnapshot, School } from '../domain/clusters/cluster';
import { fail, type Outcome, succeed } from '../domain/outcome';
import type { MeasureId } from '../domain/performance/measures';
import { type PerformanceTable, performanceTable } from '../domain/performance/performance-table';
import { type ClusterWorkspace, NO_CLUSTER, requireLead } from './cluster-workspace';
import type { PerformanceData, PerformanceStore } from './performance-port';

/** Benchmarking: the table (members) and whether the board sees school-entered figures (leads). */
export class PerformanceService {
  constructor(
    private readonly workspace: ClusterWorkspace,
    private readonly store: PerformanceStore,
  ) {}

  /** Whether the board sees the cluster's school-entered figures: a lead's choice, off by default. */
  async setSharing(place: Pick<ClusterPlace, 'tenantId' | 'placeKey'>, actor: Actor, share: boolean) {
    return this.workspace.change(place, (cluster, now) => {
      const refused = requireLead<boolean>(cluster, actor);
      if (refused) return refused;
      return succeed({
        write: {
          profile: { ...cluster.profile, shareEnteredFiguresWithBoard: share },
          changeLog: [
            changeRecord(
              actor,
              now,
              'performance',
              `${share ? 'Shared' : 'Stopped sharing'} school-entered figures with the board.`,
            ),
          ],
        },
        value: share,
      });
    });
  }

  /** The table for a year and measure (by default the latest year with published figures). */
  async table(
    place: Pick<ClusterPlace, 'tenantId' | 'placeKey'>,
    choice: { year?: string; measure?: MeasureId },
  ): Promise<Outcome<{ cluster: ClusterSnapshot; table: PerformanceTable; data: PerformanceData }>> {
    const stored = await this.workspace.read(place);
    if (!stored) return fail(NO_CLUSTER);
    const cluster = stored.value;
    const data = await this.store.load(cluster.profile.id);
    const years = [...new Set(data.schools.map((r) => r.year))].sort();
    const year = choice.year ?? years.at(-1);
    if (!year)
      return fail(
        'no performance figures yet. A cluster lead can add them with **/performance import** (DfE and Ofsted files)',
      );
    const schools = cluster.schools.filter((s: School) => !s.leftOn);
    const measure = choice.measure ?? 'ks2-rwm-expected';
    return succeed({
      cluster,
      data,
      table: performanceTable({
        schools,
        results: data.schools,
        areas: data.areas,
        ofsted: data.ofsted,
        measure,
        year,
      }),
    });
  }
}
