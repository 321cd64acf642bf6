/**
 * One import in a process of its own, so its peak memory is its own: streams `file` through the
 * performance importer for a 12-school cluster and prints time, rows kept and peak RSS as JSON.
 */
import { createReadStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { decodedChunks } from '../src/import/performance/csv-records';
import { readPerformanceFile } from '../src/import/performance/read-performance-file';

async function main() {
  const [file, year] = process.argv.slice(2);
  if (!file) throw new Error('usage: import-child <file> [year]');
  const urns = new Set(Array.from({ length: 12 }, (_, i) => String(100_000 + i * 997)));
  const start = performance.now();
  const outcome = await readPerformanceFile(
    decodedChunks(createReadStream(file, { highWaterMark: 64 * 1024 })),
    {
      urns,
      laCodes: new Set(),
      ...(year ? { year } : {}),
    },
  );
  if (!outcome.ok) throw new Error(outcome.problem);
  const kept = [...outcome.value.matched.values()].reduce((a, b) => a + b, 0);
  console.log(
    JSON.stringify({ ms: performance.now() - start, kept, peakRssMb: process.resourceUsage().maxRSS / 1024 }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
