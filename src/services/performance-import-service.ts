import type { Actor } from '../domain/actor';
import type { ClusterPlace } from '../domain/clusters/cluster';
import { LEADS_ONLY, whoMay } from '../domain/clusters/who-may';
import type { InvisibleCharacter } from '../domain/imports/file-upload';
import { fail, type Outcome, succeed } from '../domain/outcome';
import type { SchoolResults } from '../domain/performance/results';
import { InvisibleCharacterFilter } from '../import/invisible-characters';
import { decodedChunks } from '../import/performance/csv-records';
import { FORMAT_NAMES } from '../import/performance/performance-formats';
import { readPerformanceFile } from '../import/performance/read-performance-file';
import { type ClusterWorkspace, NO_CLUSTER } from './cluster-workspace';
import type { PerformanceStore } from './performance-port';
import type { PublishedDataSource } from './published-data-port';

export interface ImportReport {
  format: string;
  matched: Array<{ school: string; rows: number }>;
  skipped: Array<{ why: string; rows: number }>;
  unmatched: string[];
  /** Invisible characters taken out as the file was read, by line. */
  invisible: InvisibleCharacter[];
}

/** Public performance files in (cluster leads): pasted, or fetched from the EES public API. */
export class PerformanceImportService {
  constructor(
    private readonly workspace: ClusterWorkspace,
    private readonly store: PerformanceStore,
    private readonly published?: PublishedDataSource,
  ) {}

  /** The configured EES data sets, fetched and imported one after another (leads). */
  async fetchPublished(
    place: Pick<ClusterPlace, 'tenantId' | 'placeKey'>,
    actor: Actor,
  ): Promise<Outcome<Array<{ dataSet: string; report: Outcome<ImportReport> }>>> {
    const source = this.published;
    if (!source)
      return fail(
        'fetching from the EES public API is not set up here (the IT team sets EES_KS2_DATA_SETS). Paste the files with **/performance import** instead',
      );
    const reports: Array<{ dataSet: string; report: Outcome<ImportReport> }> = [];
    for (const dataSet of source.dataSets) {
      try {
        const report = await this.importFile(place, decodedChunks(source.csv(dataSet)), actor);
        if (!report.ok && reports.length === 0 && !report.problem.startsWith('this is not a file'))
          return report;
        reports.push({ dataSet, report });
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        reports.push({ dataSet, report: fail(`it could not be fetched (${why})`) });
      }
    }
    return succeed(reports);
  }

  async importFile(
    place: Pick<ClusterPlace, 'tenantId' | 'placeKey'>,
    chunks: AsyncIterable<string> | Iterable<string>,
    actor: Actor,
    year?: string,
  ): Promise<Outcome<ImportReport>> {
    const stored = await this.workspace.read(place);
    if (!stored) return fail(NO_CLUSTER);
    const cluster = stored.value;
    if (!whoMay.lead(cluster, actor.userId)) return fail(LEADS_ONLY(cluster));
    const members = cluster.schools.filter((s) => s.urn);
    if (members.length === 0)
      return fail('none of the schools has a URN yet: add them with /school import (a GIAS export has them)');
    const clusterId = cluster.profile.id;
    const existing = await this.store.load(clusterId);
    const laCodes = new Set(existing.schools.map((r) => r.laCode).filter((c): c is string => !!c));
    const invisible = new InvisibleCharacterFilter();
    const read = await readPerformanceFile(invisible.cleanAll(chunks), {
      urns: new Set(members.map((s) => s.urn ?? '')),
      laCodes,
      ...(year ? { year } : {}),
    });
    if (!read.ok) return read;
    const { value } = read;
    await this.store.save(clusterId, {
      schools: value.schools.map((r) => merged(existing.schools, r)),
      areas: value.areas,
      ofsted: value.ofsted,
    });
    const nameOf = (urn: string) => members.find((s) => s.urn === urn)?.name ?? urn;
    return succeed({
      format: FORMAT_NAMES[value.format],
      matched: [...value.matched].map(([urn, rows]) => ({ school: nameOf(urn), rows })),
      skipped: [...value.skipped].map(([why, rows]) => ({ why, rows })),
      unmatched: members.filter((s) => !value.matched.has(s.urn ?? '')).map((s) => s.name),
      invisible: invisible.found,
    });
  }
}

/** A new file's figures join what is stored for the school and year (a cohort file adds cohorts). */
function merged(existing: readonly SchoolResults[], incoming: SchoolResults): SchoolResults {
  const stored = existing.find(
    (r) => r.urn === incoming.urn && r.year === incoming.year && r.source !== 'school-entered',
  );
  if (!stored) return incoming;
  return {
    ...stored,
    ...incoming,
    figures: { ...stored.figures, ...incoming.figures },
    ...((incoming.cohort ?? stored.cohort) !== undefined ? { cohort: incoming.cohort ?? stored.cohort } : {}),
  };
}
