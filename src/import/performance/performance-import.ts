import type { AreaResults, OfstedOutcomes, SchoolResults } from '../../domain/performance/results';
import type { PerformanceFormat } from './performance-formats';

/** Which rows to keep: the cluster's schools (by URN) and the LAs they are in; the rest is dropped as read. */
export interface ImportScope {
  urns: ReadonlySet<string>;
  laCodes: ReadonlySet<string>;
  /** The school year of a legacy file (its rows do not say). */
  year?: string;
}

export interface PerformanceImport {
  format: PerformanceFormat;
  schools: SchoolResults[];
  areas: AreaResults[];
  ofsted: OfstedOutcomes[];
  /** Rows kept, per URN. */
  matched: Map<string, number>;
  /** Rows dropped, by why. */
  skipped: Map<string, number>;
}
