import type { AreaResults, OfstedOutcomes, SchoolResults } from '../../domain/performance/results';
import type { PerformanceFormat } from './performance-formats';
import type { ImportScope, PerformanceImport } from './performance-import';
import { cohortOf, figuresOfTidyRow, isAllPupils, type Row, yearOfRow } from './read-ees';
import { figuresOfLegacyRow, legacyRecordType } from './read-legacy-ks2';
import { asAtOf, ofstedOutcomesOf } from './read-ofsted-mi';

/**
 * What each format's rows add to the import, row by row: only the cluster's schools and the LAs
 * they are in are kept (so memory is bounded by the cluster, not the file); the rest is counted
 * as left out, with why.
 */
type Collector = ((row: Row) => void) & { result(): PerformanceImport };

export function collector(format: PerformanceFormat, scope: ImportScope, title: string): Collector {
  const schools = new Map<string, SchoolResults>();
  const areas = new Map<string, AreaResults>();
  const ofsted: OfstedOutcomes[] = [];
  const matched = new Map<string, number>();
  const skipped = new Map<string, number>();
  const laCodes = new Set(scope.laCodes);
  const skip = (why: string) => skipped.set(why, (skipped.get(why) ?? 0) + 1);
  const keep = (urn: string) => matched.set(urn, (matched.get(urn) ?? 0) + 1);
  const school = (urn: string, year: string, source: SchoolResults['source']) => {
    const key = `${urn}|${year}`;
    const found = schools.get(key) ?? { urn, year, figures: {}, source };
    schools.set(key, found);
    return found;
  };
  const area = (key: AreaResults['area'], year: string, source: AreaResults['source']) => {
    const id = `${key.kind === 'la' ? key.code : 'england'}|${year}`;
    const found = areas.get(id) ?? { area: key, year, figures: {}, source };
    areas.set(id, found);
    return found;
  };
  const ours = (urn: string | undefined) => {
    if (urn && scope.urns.has(urn.trim())) return urn.trim();
    skip('schools not in this cluster (not stored)');
    return undefined;
  };
  const rows: Record<PerformanceFormat, (row: Row) => void> = {
    'ees-school-performance': (row) => {
      const urn = ours(row.school_urn);
      const year = yearOfRow(row);
      if (!urn || !year) return;
      if (!isAllPupils(row)) return skip('breakdowns by pupil group');
      const result = school(urn, year, 'ees');
      result.laCode = (row.school_laestab ?? '').slice(0, 3);
      laCodes.add(result.laCode);
      Object.assign(result.figures, figuresOfTidyRow(row));
      keep(urn);
    },
    'ees-school-information': (row) => {
      const urn = ours(row.school_urn);
      const year = yearOfRow(row);
      if (!urn || !year) return;
      const result = school(urn, year, 'ees');
      result.laCode = (row.school_laestab ?? '').slice(0, 3);
      const cohort = cohortOf(row.telig);
      if (cohort !== undefined) result.cohort = cohort;
      keep(urn);
    },
    'ees-area-performance': (row) => {
      const year = yearOfRow(row);
      const group = row.establishment_type_group;
      if (!year || !isAllPupils(row) || (group && group !== 'All state funded'))
        return skip('other breakdowns');
      const national = (row.geographic_level ?? '') === 'National';
      const code = (row.old_la_code ?? '').trim();
      if (!national && !laCodes.has(code)) return skip('local authorities none of the schools is in');
      const result = area(
        national ? { kind: 'england' } : { kind: 'la', code, name: row.la_name ?? code },
        year,
        'ees',
      );
      Object.assign(result.figures, figuresOfTidyRow(row));
      if ((row.subject ?? '').toLowerCase() === 'reading, writing and maths') {
        const cohort = cohortOf(row.eligible_pupil_count);
        if (cohort !== undefined) result.cohort = cohort;
      }
    },
    'legacy-ks2': (row) => {
      const year = scope.year ?? '';
      const type = legacyRecordType(row);
      if (type === 'other') return skip('rows that are neither a school, an LA nor England');
      if (type === 'england')
        return void Object.assign(area({ kind: 'england' }, year, 'legacy').figures, figuresOfLegacyRow(row));
      if (type === 'la') {
        const code = (row.LEA ?? '').trim();
        if (!laCodes.has(code)) return skip('local authorities none of the schools is in');
        return void Object.assign(
          area({ kind: 'la', code, name: row.SCHNAME ?? code }, year, 'legacy').figures,
          figuresOfLegacyRow(row),
        );
      }
      const urn = ours(row.URN);
      if (!urn) return;
      const result = school(urn, year, 'legacy');
      result.laCode = (row.LEA ?? '').trim();
      laCodes.add(result.laCode);
      const cohort = cohortOf(row.TELIG);
      if (cohort !== undefined) result.cohort = cohort;
      Object.assign(result.figures, figuresOfLegacyRow(row));
      keep(urn);
    },
    'ofsted-mi': (row) => {
      const urn = ours(row.URN);
      if (!urn) return;
      ofsted.push(ofstedOutcomesOf(row, asAtOf(title)));
      keep(urn);
    },
  };
  const collect = rows[format] as Collector;
  collect.result = () => ({
    format,
    schools: [...schools.values()],
    areas: [...areas.values()],
    ofsted,
    matched,
    skipped,
  });
  return collect;
}
