/**
 * Which public file a header row belongs to. A file whose header names pupils (UPN, names, dates
 * of birth) is refused whole: the partnership shares aggregates only.
 */
export type PerformanceFormat =
  | 'ees-school-performance'
  | 'ees-school-information'
  | 'ees-area-performance'
  | 'legacy-ks2'
  | 'ofsted-mi';

export const FORMAT_NAMES: Record<PerformanceFormat, string> = {
  'ees-school-performance': 'DfE KS2 school performance (Explore Education Statistics)',
  'ees-school-information': 'DfE KS2 school information, with cohorts (Explore Education Statistics)',
  'ees-area-performance': 'DfE KS2 local authority and national performance (Explore Education Statistics)',
  'legacy-ks2': 'DfE KS2 performance tables download (england_ks2final)',
  'ofsted-mi': "Ofsted's management information on school inspections",
};

const PUPIL_COLUMNS =
  /^(upn|unique pupil number|forename|surname|legal surname|legal forename|first ?name|last ?name|pupil ?name|date of birth|dob|candidate number|uln)$/i;

export function pupilColumnsIn(header: readonly string[]): string[] {
  return header.filter((column) => PUPIL_COLUMNS.test(column.trim()));
}

export function recogniseFormat(header: readonly string[]): PerformanceFormat | undefined {
  const has = (name: string) => header.some((column) => column.trim().toLowerCase() === name.toLowerCase());
  if (has('school_urn') && has('subject') && has('expected_standard_pupil_percent'))
    return 'ees-school-performance';
  if (has('school_urn') && has('telig')) return 'ees-school-information';
  if (has('geographic_level') && has('old_la_code') && has('subject')) return 'ees-area-performance';
  if (has('RECTYPE') && has('URN')) return 'legacy-ks2';
  if (has('URN') && (has('Latest OEIF overall effectiveness') || has('Inspection start date')))
    return 'ofsted-mi';
  return undefined;
}
