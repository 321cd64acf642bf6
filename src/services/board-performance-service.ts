import type { ClusterPlace } from '../domain/clusters/cluster';
import { fail, type Outcome, succeed } from '../domain/outcome';
import { boardPerformanceRows } from '../domain/performance/board-performance';
import type { MeasureId } from '../domain/performance/measures';
import { type PerformanceTable, performanceTable } from '../domain/performance/performance-table';
import { NO_BOARD } from './board-overview-service';
import { inParallel } from './in-parallel';
import type { PerformanceStore } from './performance-port';
import type { BoardStore, ClusterStore } from './ports';

const CLUSTERS_AT_ONCE = 4;

/** "/board performance": the board's clusters side by side, weighted aggregates only. */
export class BoardPerformanceService {
  constructor(
    private readonly boards: BoardStore,
    private readonly clusters: ClusterStore,
    private readonly performance: PerformanceStore,
  ) {}

  async overview(
    place: Pick<ClusterPlace, 'tenantId' | 'placeKey'>,
    choice: { year?: string; measure?: MeasureId },
  ): Promise<Outcome<{ boardName: string; table: PerformanceTable }>> {
    const boardId = await this.boards.findBoardId(place);
    const stored = boardId ? await this.boards.load(boardId) : undefined;
    if (!stored) return fail(NO_BOARD);
    const measure = choice.measure ?? 'ks2-rwm-expected';
    const read = await inParallel(stored.links, CLUSTERS_AT_ONCE, async (link) => {
      const [cluster, data] = await Promise.all([
        this.clusters.load(link.clusterId),
        this.performance.load(link.clusterId),
      ]);
      return cluster ? { cluster: cluster.value, data } : undefined;
    });
    const found = read.filter((r) => r !== undefined);
    const year =
      choice.year ?? [...new Set(found.flatMap((r) => r.data.schools.map((s) => s.year)))].sort().at(-1);
    if (!year) return fail('none of the board’s clusters has performance figures yet');
    const tables = found.map(({ cluster, data }) => ({
      name: cluster.profile.name,
      sharesEntered: cluster.profile.shareEnteredFiguresWithBoard === true,
      table: performanceTable({
        schools: cluster.schools.filter((s) => !s.leftOn),
        results: data.schools,
        areas: data.areas,
        ofsted: [],
        measure,
        year,
      }),
    }));
    const years = tables[0]?.table.years ?? [year];
    return succeed({
      boardName: stored.board.name,
      table: {
        measure,
        years,
        rows: boardPerformanceRows(tables),
        notes: [
          "Each cluster's figure is weighted by cohort; schools' own figures are never shown to the board.",
        ],
      },
    });
  }
}
