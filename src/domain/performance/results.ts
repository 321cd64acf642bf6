import type { Figure, MeasureId } from './measures';

/** One school's figures for one school year, as published or as the school entered them. */
export interface SchoolResults {
  urn: string;
  year: string;
  /** LA code (first three digits of the LAESTAB), to compare with the right LA. */
  laCode?: string;
  /** Eligible pupils (the KS2 cohort, `telig`): the weight for cluster figures. */
  cohort?: number;
  figures: Partial<Record<MeasureId, Figure>>;
  /** Cohorts of school-entered measures (each may differ: Year 1 for phonics, Year 2 for KS1). */
  enteredCohorts?: Partial<Record<MeasureId, number>>;
  source: 'ees' | 'legacy' | 'school-entered';
}

/** A local authority's or England's published figures for a year. */
export interface AreaResults {
  area: { kind: 'la'; code: string; name: string } | { kind: 'england' };
  year: string;
  cohort?: number;
  figures: Partial<Record<MeasureId, Figure>>;
  source: 'ees' | 'legacy';
}

/**
 * A school's latest Ofsted outcomes, each in its own framework: the report card (from November
 * 2025) and the legacy overall-effectiveness grade are kept apart and never converted.
 */
export interface OfstedOutcomes {
  urn: string;
  asAt: string;
  reportCard?: { date: string; areas: Record<string, string>; safeguarding?: string };
  graded?: { date: string; overall: 1 | 2 | 3 | 4 };
  ungraded?: { date: string; outcome: string };
}

export const OFSTED_GRADES = {
  1: 'Outstanding',
  2: 'Good',
  3: 'Requires improvement',
  4: 'Inadequate',
} as const;

/** A target a school (its head, or a lead) or the cluster set for a measure and year. */
export interface PerformanceTarget {
  /** A school's id, or "cluster". */
  for: string;
  measure: MeasureId;
  year: string;
  value: number;
  setBy: string;
  setAt: Date;
}
