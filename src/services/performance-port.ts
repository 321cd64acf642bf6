import type {
  AreaResults,
  OfstedOutcomes,
  PerformanceTarget,
  SchoolResults,
} from '../domain/performance/results';

/** A cluster's benchmarking data: kept apart from its working set, read when the table is asked for. */
export interface PerformanceData {
  schools: SchoolResults[];
  areas: AreaResults[];
  ofsted: OfstedOutcomes[];
  targets: PerformanceTarget[];
}

export interface PerformanceStore {
  /** Everything of the cluster's benchmarking: one query. */
  load(clusterId: string): Promise<PerformanceData>;
  /** Creates or replaces these rows (each school × year × source, area × year, school's Ofsted, target). */
  save(clusterId: string, data: Partial<PerformanceData>): Promise<void>;
}
