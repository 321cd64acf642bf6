/** Public data sets fetched rather than pasted (the EES public API in production, a fake in tests). */
export interface PublishedDataSource {
  /** The data sets configured for the cluster's KS2 figures, by id. */
  dataSets: readonly string[];
  /** One data set's CSV file as bytes arriving in pieces. @throws Error saying what went wrong, in words. */
  csv(dataSetId: string): AsyncIterable<Uint8Array>;
}
