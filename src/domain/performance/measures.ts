import { parseAcademicYear } from '../calendar/academic-year';

/**
 * What a partnership benchmarks, and how a figure that is not there says why. Published
 * figures come from the DfE (KS2) and Ofsted; phonics, KS1 and the partnership's own indicators
 * are entered by each school, and are marked so wherever they appear.
 */
export const MEASURES = {
  'ks2-rwm-expected': {
    label: 'KS2 reading, writing and maths: expected standard',
    unit: '%',
    source: 'published',
  },
  'ks2-rwm-higher': {
    label: 'KS2 reading, writing and maths: higher standard',
    unit: '%',
    source: 'published',
  },
  'ks2-reading-expected': { label: 'KS2 reading: expected standard', unit: '%', source: 'published' },
  'ks2-writing-expected': {
    label: 'KS2 writing (teacher assessment): expected standard',
    unit: '%',
    source: 'published',
  },
  'ks2-maths-expected': { label: 'KS2 maths: expected standard', unit: '%', source: 'published' },
  'ks2-gps-expected': {
    label: 'KS2 grammar, punctuation and spelling: expected standard',
    unit: '%',
    source: 'published',
  },
  'ks2-reading-score': { label: 'KS2 reading: average scaled score', unit: 'score', source: 'published' },
  'ks2-maths-score': { label: 'KS2 maths: average scaled score', unit: 'score', source: 'published' },
  'ks2-reading-progress': { label: 'KS2 reading progress', unit: 'progress', source: 'published' },
  'ks2-writing-progress': { label: 'KS2 writing progress', unit: 'progress', source: 'published' },
  'ks2-maths-progress': { label: 'KS2 maths progress', unit: 'progress', source: 'published' },
  'phonics-y1': { label: 'Year 1 phonics check: expected standard', unit: '%', source: 'school-entered' },
  'ks1-rwm-expected': {
    label: 'KS1 reading, writing and maths: expected standard',
    unit: '%',
    source: 'school-entered',
  },
  attendance: { label: 'Attendance', unit: '%', source: 'school-entered' },
} as const;

export type MeasureId = keyof typeof MEASURES;
export const MEASURE_IDS = Object.keys(MEASURES) as MeasureId[];

/** Why there is no figure, from the government's symbols and markers (never stored as 0). */
export const MISSING_REASONS = {
  suppressed: 'suppressed to protect confidentiality',
  'not-available': 'not available',
  'not-applicable': 'not applicable',
  'rounds-to-zero': 'below 0.5 (rounds to 0)',
  'low-reliability': 'low reliability (not published)',
  'no-entries': 'no pupils entered',
  'not-published': 'not published',
  'low-coverage': 'too few pupils with prior attainment',
  'new-school': 'a new school (no results yet)',
  'did-not-submit': 'the school did not submit results',
} as const;

export type MissingReason = keyof typeof MISSING_REASONS;

/** A figure, or the reason there is none. */
export type Figure = { value: number } | { missing: MissingReason };

const SYMBOLS: Record<string, MissingReason> = {
  c: 'suppressed',
  supp: 'suppressed',
  x: 'not-available',
  na: 'not-available',
  z: 'not-applicable',
  low: 'rounds-to-zero',
  u: 'low-reliability',
  ne: 'no-entries',
  np: 'not-published',
  lowcov: 'low-coverage',
  new: 'new-school',
  dns: 'did-not-submit',
};

/** A cell of a published file as a figure: "85", "85%", "-2.5", or a symbol; empty is no figure at all. */
export function readFigure(cell: string | undefined): Figure | undefined {
  const text = (cell ?? '').trim();
  if (text === '') return undefined;
  const symbol = SYMBOLS[text.toLowerCase()];
  if (symbol) return { missing: symbol };
  const number = Number(text.replace(/%$/, ''));
  return Number.isFinite(number) ? { value: number } : { missing: 'not-available' };
}

/** "202324" (EES) or "2023-24" or "2023-2024" → "2023-24". */
export function schoolYearOf(text: string): string | undefined {
  // EES writes 2023/24 as "202324"; every other spelling is the calendar's own.
  const compact = /^(\d{4})(\d{2})$/.exec(text.trim());
  return parseAcademicYear(compact ? `${compact[1]}-${compact[2]}` : text);
}

/** No KS2 progress measures were published for these years (no KS1 baseline after the pandemic). */
export const PROGRESS_NOT_PUBLISHED = new Set(['2023-24', '2024-25']);

/** The words people type for a measure: "rwm", "reading progress", "phonics", or its id. */
const MEASURE_WORDS: Record<string, MeasureId> = {
  rwm: 'ks2-rwm-expected',
  'rwm higher': 'ks2-rwm-higher',
  reading: 'ks2-reading-expected',
  writing: 'ks2-writing-expected',
  maths: 'ks2-maths-expected',
  gps: 'ks2-gps-expected',
  spag: 'ks2-gps-expected',
  'reading score': 'ks2-reading-score',
  'maths score': 'ks2-maths-score',
  'reading progress': 'ks2-reading-progress',
  'writing progress': 'ks2-writing-progress',
  'maths progress': 'ks2-maths-progress',
  phonics: 'phonics-y1',
  ks1: 'ks1-rwm-expected',
  attendance: 'attendance',
};

export const MEASURE_CHOICES = Object.keys(MEASURE_WORDS);

export function measureNamed(text: string): MeasureId | undefined {
  const words = text.trim().toLowerCase().replace(/\s+/g, ' ');
  return (
    MEASURE_WORDS[words] ?? (MEASURE_IDS.includes(words as MeasureId) ? (words as MeasureId) : undefined)
  );
}
