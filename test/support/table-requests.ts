import type { TableStorage } from '../../src/storage/table-storage';

/**
 * Counts the HTTP requests made to Table storage (every table the bot uses), so a test or the
 * bench can say how many a turn costs. `reset()` starts a new count.
 */
export function countTableRequests(tables: TableStorage) {
  const counter = {
    count: 0,
    reset() {
      counter.count = 0;
    },
  };
  for (const name of ['clusters', 'clusterLinks', 'boards', 'conversations', 'deliveries'] as const) {
    tables.table(name).pipeline.addPolicy({
      name: 'count-table-requests',
      sendRequest: (request, next) => {
        counter.count++;
        return next(request);
      },
    });
  }
  return counter;
}
