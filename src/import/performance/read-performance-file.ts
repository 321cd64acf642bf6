import { csvRecords } from './csv-records';
import { collector } from './performance-collector';
import { FORMAT_NAMES, pupilColumnsIn, recogniseFormat } from './performance-formats';
import type { ImportScope, PerformanceImport } from './performance-import';
import { rowOf } from './read-ees';

export type { ImportScope, PerformanceImport } from './performance-import';

export type ImportOutcome = { ok: true; value: PerformanceImport } | { ok: false; problem: string };

const HEADER_WITHIN = 3;

/** Reads a public performance file as it streams in, keeping only the cluster's rows. */
export async function readPerformanceFile(
  chunks: AsyncIterable<string> | Iterable<string>,
  scope: ImportScope,
): Promise<ImportOutcome> {
  const before: string[][] = [];
  let header: string[] | undefined;
  let collect: ReturnType<typeof collector> | undefined;
  for await (const record of csvRecords(chunks)) {
    if (collect && header) {
      collect(rowOf(header, record));
      continue;
    }
    const pupils = pupilColumnsIn(record);
    if (pupils.length > 0)
      return fail(
        `this file has pupil-level columns (${pupils.join(', ')}). Clusterbot keeps aggregates only and never stores data on individual pupils, so nothing was imported`,
      );
    const format = recogniseFormat(record);
    if (!format) {
      before.push(record);
      if (before.length >= HEADER_WITHIN) break;
      continue;
    }
    if (format === 'legacy-ks2' && !scope.year)
      return fail('say which school year this file is for, for example **/performance import 2023-24**');
    header = record;
    collect = collector(format, scope, before.map((r) => r.join(',')).join(' '));
  }
  if (!collect)
    return fail(`this is not a file Clusterbot knows. It reads: ${Object.values(FORMAT_NAMES).join('; ')}`);
  return { ok: true, value: collect.result() };
}

const fail = (problem: string): ImportOutcome => ({ ok: false, problem });
