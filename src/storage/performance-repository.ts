import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type {
  AreaResults,
  OfstedOutcomes,
  PerformanceTarget,
  SchoolResults,
} from '../domain/performance/results';
import type { PerformanceData, PerformanceStore } from '../services/performance-port';
import { type Entity, readRow, row } from './cluster-rows';
import { translateStorageError } from './storage-error-translation';
import { toTableKey } from './table-key';

/**
 * Benchmarking rows live in the cluster's partition of `Clusters`, under prefixes the working
 * set leaves out (a turn about meetings never reads them):
 * `perf|<year>|<urn>|published|entered`, `perfarea|<year>|<LA code or england>`, `ofsted|<urn>`,
 * `perftarget|<year>|<school id or cluster>|<measure>`.
 */
export const performanceKeys = {
  school: (r: SchoolResults) =>
    `perf|${r.year}|${toTableKey(r.urn)}|${r.source === 'school-entered' ? 'entered' : 'published'}`,
  area: (r: AreaResults) => `perfarea|${r.year}|${r.area.kind === 'la' ? r.area.code : 'england'}`,
  ofsted: (o: OfstedOutcomes) => `ofsted|${toTableKey(o.urn)}`,
  target: (t: PerformanceTarget) => `perftarget|${t.year}|${toTableKey(t.for)}|${t.measure}`,
};

const MAX_PER_TRANSACTION = 100;

export class PerformanceRepository implements PerformanceStore {
  constructor(private readonly clusters: TableClient) {}

  async load(clusterId: string): Promise<PerformanceData> {
    const data: PerformanceData = { schools: [], areas: [], ofsted: [], targets: [] };
    const filter = `${odata`PartitionKey eq ${clusterId}`} and ((RowKey ge 'ofsted|' and RowKey lt 'ofsted}') or (RowKey ge 'perf' and RowKey lt 'perg'))`;
    try {
      for await (const entity of this.clusters.listEntities<Entity>({ queryOptions: { filter } })) {
        const key = entity.rowKey;
        if (key.startsWith('perf|')) data.schools.push(readRow<SchoolResults>('perf', entity));
        else if (key.startsWith('perfarea|')) data.areas.push(readRow<AreaResults>('perfarea', entity));
        else if (key.startsWith('perftarget|'))
          data.targets.push(readRow<PerformanceTarget>('perftarget', entity));
        else if (key.startsWith('ofsted|')) data.ofsted.push(readRow<OfstedOutcomes>('ofsted', entity));
      }
    } catch (error) {
      throw translateStorageError(error, `the performance data of cluster ${clusterId}`);
    }
    return data;
  }

  async save(clusterId: string, data: Partial<PerformanceData>): Promise<void> {
    const rows: Entity[] = [
      ...(data.schools ?? []).map((r) => row(clusterId, performanceKeys.school(r), r)),
      ...(data.areas ?? []).map((r) => row(clusterId, performanceKeys.area(r), r)),
      ...(data.ofsted ?? []).map((o) => row(clusterId, performanceKeys.ofsted(o), o)),
      ...(data.targets ?? []).map((t) => row(clusterId, performanceKeys.target(t), t)),
    ];
    const actions = rows.map((entity): TransactionAction => ['upsert', entity, 'Replace']);
    try {
      for (let i = 0; i < actions.length; i += MAX_PER_TRANSACTION)
        await this.clusters.submitTransaction(actions.slice(i, i + MAX_PER_TRANSACTION));
    } catch (error) {
      throw translateStorageError(error, `the performance data of cluster ${clusterId}`);
    }
  }
}
