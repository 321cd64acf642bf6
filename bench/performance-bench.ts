/**
 * Benchmarking's speed goals: the performance table for a 93-school city (8 clusters) builds in
 * well under a second; importing a 20,000-row legacy file and a 1,000,000-row tidy file streams
 * with flat memory (peak RSS beside the same import of a tenth of the rows).
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MEASURE_IDS } from '../src/domain/performance/measures';
import { performanceTable } from '../src/domain/performance/performance-table';
import type { SchoolResults } from '../src/domain/performance/results';

type Row = [string, string];
const ROOT = join(__dirname, '..');
const YEARS = ['2022-23', '2023-24', '2024-25'];

function cityTables(): Row {
  const clusters = Array.from({ length: 8 }, (_, c) =>
    Array.from({ length: c < 5 ? 12 : 11 }, (_, i) => ({
      id: `s${c}-${i}`,
      name: `School ${c}-${i}`,
      urn: `${c * 100 + i}`,
    })),
  );
  const results: SchoolResults[] = clusters.flat().flatMap((school, i) =>
    YEARS.map((year) => ({
      urn: school.urn,
      year,
      laCode: '941',
      cohort: 3 + (i % 60),
      figures: Object.fromEntries(MEASURE_IDS.map((m, j) => [m, { value: (i * 7 + j * 3) % 100 }])),
      source: 'ees' as const,
    })),
  );
  const start = performance.now();
  for (const schools of clusters)
    for (const measure of MEASURE_IDS)
      performanceTable({ schools, results, areas: [], ofsted: [], measure, year: '2024-25' });
  return [
    `Performance tables, 93-school city (8 clusters × ${MEASURE_IDS.length} measures, 3 years)`,
    `${(performance.now() - start).toFixed(1)} ms (goal: well under 1,000 ms)`,
  ];
}

const TIDY_HEADER =
  'time_period,time_identifier,geographic_level,country_code,country_name,version,school_urn,school_laestab,school_name,breakdown_topic,breakdown,subject,expected_standard_pupil_percent,higher_standard_pupil_percent,average_scaled_score,progress_measure_score,progress_measure_lower_conf_interval,progress_measure_upper_conf_interval,absent_or_not_able_to_access_percent,working_towards_expected_standard_pupil_percent,absent_or_disapplied_percent,progress_measure_unadjusted,progress_measure_description';
const SUBJECTS = [
  '"Reading, writing and maths"',
  'Reading',
  'Writing',
  'Maths',
  '"Grammar, punctuation and spelling"',
];

async function writeFile(path: string, header: string, rows: number, row: (i: number) => string) {
  const out = createWriteStream(path);
  out.write(`${header}\n`);
  for (let i = 0; i < rows; i++)
    if (!out.write(`${row(i)}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((r) => out.end(() => r()));
}

function importRun(
  file: string,
  year?: string,
  child = 'import-child.ts',
): { ms: number; kept: number; peakRssMb: number } {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'bench', child), file, ...(year ? [year] : [])],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}');
}

export async function performanceBenchRows(): Promise<Row[]> {
  const rows: Row[] = [cityTables()];
  const dir = mkdtempSync(join(tmpdir(), 'clusterbot-bench-'));
  try {
    const tidyRow = (i: number) => {
      const urn = 100_000 + Math.floor(i / 5);
      return `202425,Academic year,School,E92000001,England,Final,${urn},941${String(urn % 10_000).padStart(4, '0')},School ${urn},All pupils,Total,${SUBJECTS[i % 5]},${i % 100},${i % 30},${100 + (i % 10)},z,z,z,z,z,z,z,z`;
    };
    const legacyColumns = Array.from({ length: 264 }, (_, i) => `EXTRA${i}`);
    const legacyHeader = `RECTYPE,LEA,ESTAB,URN,SCHNAME,TELIG,PTRWM_EXP,PTRWM_HIGH,READPROG,WRITPROG,MATPROG,PTREAD_EXP,PTMAT_EXP,PTGPS_EXP,PTWRITTA_EXP,READ_AVERAGE,MAT_AVERAGE,${legacyColumns.join(',')}`;
    const legacyRow = (i: number) =>
      `1,941,${2000 + (i % 8000)},${100_000 + i},School ${i},${10 + (i % 50)},${i % 100}%,${i % 20}%,NP,NP,NP,70%,71%,72%,73%,104,103,${legacyColumns.map(() => 'x').join(',')}`;
    for (const [label, rowsInFile, make, header, year] of [
      ['tidy EES file', 1_000_000, tidyRow, TIDY_HEADER, undefined],
      ['tidy EES file', 100_000, tidyRow, TIDY_HEADER, undefined],
      ['legacy wide file (281 columns)', 20_000, legacyRow, legacyHeader, '2023-24'],
      ['legacy wide file (281 columns)', 2_000, legacyRow, legacyHeader, '2023-24'],
    ] as const) {
      const file = join(dir, `${label.split(' ')[0]}-${rowsInFile}.csv`);
      await writeFile(file, header, rowsInFile, make);
      const run = importRun(file, year);
      rows.push([
        `Import ${label}, ${rowsInFile.toLocaleString('en-GB')} rows (12-school cluster)`,
        `${(run.ms / 1000).toFixed(1)} s, ${run.kept} rows kept, peak RSS ${run.peakRssMb.toFixed(0)} MB`,
      ]);
      // The same file sent through the upload page: it streams end to end, so memory stays flat too.
      if (!year) {
        const sent = importRun(file, undefined, 'upload-child.ts');
        rows.push([
          `  … uploaded through the upload page (server and sender in one process)`,
          `${(sent.ms / 1000).toFixed(1)} s (${(sent.ms / run.ms).toFixed(2)}× from disk), ${sent.kept} rows kept, peak RSS ${sent.peakRssMb.toFixed(0)} MB`,
        ]);
      }
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (require.main === module)
  performanceBenchRows().then((rows) => {
    for (const [name, value] of rows) console.log(`${name}  ${value}`);
  });
