import { academicYearStarting, startYearOf } from '../calendar/academic-year';
import { MEASURES, type MeasureId, PROGRESS_NOT_PUBLISHED } from './measures';
import { type AreaResults, OFSTED_GRADES, type OfstedOutcomes, type SchoolResults } from './results';
import { type Cell, clusterCell, HIDDEN_WHY, schoolCell } from './small-numbers';

export const CLUSTER_ROW_LABEL = 'Cluster (weighted by cohort)';

export interface TableRow {
  label: string;
  kind: 'school' | 'cluster' | 'la' | 'england';
  /** One cell per year, oldest first. */
  cells: Cell[];
  /** Latest year against the one before, where both are shown. */
  change?: number;
  ofsted?: string;
}

export interface PerformanceTable {
  measure: MeasureId;
  years: string[];
  rows: TableRow[];
  notes: string[];
}

export interface TableInput {
  schools: ReadonlyArray<{ id: string; name: string; urn?: string }>;
  results: readonly SchoolResults[];
  areas: readonly AreaResults[];
  ofsted: readonly OfstedOutcomes[];
  measure: MeasureId;
  /** The latest of the three years shown. */
  year: string;
}

const previousYear = (year: string) => academicYearStarting(startYearOf(year) - 1);

const change = (cells: Cell[]) => {
  const [before, latest] = cells.slice(-2);
  return before?.kind === 'value' && latest?.kind === 'value' ? latest.value - before.value : undefined;
};

/** Where progress was never published, say so rather than leave a blank. */
const explained = (cell: Cell, measure: MeasureId, year: string): Cell =>
  cell.kind === 'none' && measure.endsWith('-progress') && PROGRESS_NOT_PUBLISHED.has(year)
    ? { kind: 'missing', why: 'not published for 2023/24 or 2024/25 (no KS1 baseline)' }
    : cell;

/** The latest Ofsted outcome in its own framework. */
export function ofstedSummary(outcome: OfstedOutcomes | undefined): string | undefined {
  if (!outcome) return undefined;
  const card = outcome.reportCard;
  if (card)
    return `Report card ${card.date}: ${Object.entries(card.areas)
      .map(([a, g]) => `${a} ${g}`)
      .join('; ')}`;
  if (outcome.graded) {
    const ungraded = outcome.ungraded
      ? `; ungraded ${outcome.ungraded.date}: ${outcome.ungraded.outcome}`
      : '';
    return `${OFSTED_GRADES[outcome.graded.overall]} (graded ${outcome.graded.date})${ungraded}`;
  }
  return undefined;
}

/** Each school, the cluster (weighted), each LA the schools are in and England: three years. */
export function performanceTable(input: TableInput): PerformanceTable {
  const { measure } = input;
  const years = [previousYear(previousYear(input.year)), previousYear(input.year), input.year];
  const schoolEntered = MEASURES[measure].source === 'school-entered';
  // A school's year may have a published row and a school-entered one; each measure is in one.
  const cellOf = (key: string, year: string) => {
    const found = input.results.filter((r) => r.urn === key && r.year === year);
    const withFigure = found.find((r) => r.figures[measure] !== undefined);
    const cohort = withFigure?.enteredCohorts?.[measure] ?? found.find((r) => r.cohort !== undefined)?.cohort;
    return explained(schoolCell(withFigure?.figures[measure], cohort, schoolEntered), measure, year);
  };
  const schoolRows: TableRow[] = input.schools.map((school) => {
    const cells = years.map((year) => cellOf(school.urn ?? school.id, year));
    const ofsted = ofstedSummary(input.ofsted.find((o) => o.urn === school.urn));
    return { label: school.name, kind: 'school', cells, ...optional(change(cells), ofsted) };
  });
  const clusterCells = years.map((_, i) => clusterCell(schoolRows.map((row) => row.cells[i] as Cell)));
  const laCodes = [...new Set(input.results.map((r) => r.laCode).filter((c): c is string => !!c))];
  const areaRow = (kind: 'la' | 'england', label: string, match: (a: AreaResults) => boolean): TableRow => {
    const cells = years.map((year) => {
      const area = input.areas.find((a) => a.year === year && match(a));
      return explained(schoolCell(area?.figures[measure], undefined, false), measure, year);
    });
    return { label, kind, cells, ...optional(change(cells)) };
  };
  const laRows = laCodes.map((code) => {
    const name = input.areas.find((a) => a.area.kind === 'la' && a.area.code === code);
    const label = name?.area.kind === 'la' ? name.area.name : `LA ${code}`;
    return areaRow('la', label, (a) => a.area.kind === 'la' && a.area.code === code);
  });
  const hidden = schoolRows.filter((row) => row.cells.some((c) => c.kind === 'hidden')).length;
  return {
    measure,
    years,
    rows: [
      ...schoolRows,
      {
        label: 'Cluster (weighted by cohort)',
        kind: 'cluster',
        cells: clusterCells,
        ...optional(change(clusterCells)),
      },
      ...laRows,
      areaRow('england', 'England', (a) => a.area.kind === 'england'),
    ],
    notes: [
      schoolEntered
        ? 'Figures entered by each school (not published by the DfE).'
        : sourcesNote(input.results, years),
      ...(hidden > 0
        ? [
            `${hidden} school(s) had ${HIDDEN_WHY} in a year: their figure is not shown and the cluster's leaves them out.`,
          ]
        : []),
      'Figures from fewer than 11 pupils are marked as of low reliability.',
    ],
  };
}

const SOURCE_NAMES: Record<SchoolResults['source'], string> = {
  ees: 'DfE, Explore Education Statistics',
  legacy: 'DfE, performance tables download',
  'school-entered': 'entered by the school',
};

/** Where each year's figures come from: "Sources: DfE, Explore Education Statistics (2023-24, 2024-25)". */
function sourcesNote(results: readonly SchoolResults[], years: readonly string[]): string {
  const bySource = new Map<string, Set<string>>();
  for (const r of results)
    if (years.includes(r.year) && r.source !== 'school-entered')
      bySource.set(SOURCE_NAMES[r.source], (bySource.get(SOURCE_NAMES[r.source]) ?? new Set()).add(r.year));
  const parts = [...bySource].map(([name, ys]) => `${name} (${[...ys].sort().join(', ')})`);
  return `Sources: ${parts.length > 0 ? parts.join('; ') : 'none imported yet'}; Ofsted from its monthly management information.`;
}

function optional(changeBy: number | undefined, ofsted?: string) {
  return { ...(changeBy !== undefined ? { change: changeBy } : {}), ...(ofsted ? { ofsted } : {}) };
}
