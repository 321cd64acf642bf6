import type { PublishedDataSource } from '../services/published-data-port';

/**
 * The Explore Education Statistics public API: a data set downloads as CSV
 * (`GET {api}/data-sets/{id}/csv`), streamed as bytes: the importer decodes it and keeps only the
 * cluster's rows, as with a pasted file.
 */
export function eesApiSource(
  apiUrl: string,
  dataSets: readonly string[],
  timeoutMs = 120_000,
): PublishedDataSource {
  return {
    dataSets,
    async *csv(dataSetId: string) {
      const response = await fetch(`${apiUrl}/data-sets/${encodeURIComponent(dataSetId)}/csv`, {
        headers: { accept: 'text/csv' },
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok || !response.body)
        throw new Error(`the EES public API answered ${response.status} for data set ${dataSetId}`);
      yield* response.body as unknown as AsyncIterable<Uint8Array>;
    },
  };
}
