import type { OfstedOutcomes } from '../../domain/performance/results';
import type { Row } from './read-ees';

/** Ofsted's report-card areas (November 2025 framework), in its own words. */
const REPORT_CARD_AREAS = [
  'Inclusion',
  'Curriculum and teaching',
  'Achievement',
  'Attendance and behaviour',
  'Personal development and wellbeing',
  'Leadership and governance',
  'Early years (where applicable)',
  'Post-16 provision (where applicable)',
];

/** "16/03/2026" → "2026-03-16"; "NULL" or blank → undefined. */
const dateOf = (cell: string | undefined) => {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec((cell ?? '').trim());
  return match ? `${match[3]}-${match[2]?.padStart(2, '0')}-${match[1]?.padStart(2, '0')}` : undefined;
};
const present = (cell: string | undefined) => {
  const text = (cell ?? '').trim();
  return text && text.toUpperCase() !== 'NULL' ? text : undefined;
};

/** A school's latest inspections: report card and legacy grade kept apart, never converted. */
export function ofstedOutcomesOf(row: Row, asAt: string): OfstedOutcomes {
  const urn = (row.URN ?? '').trim();
  const outcome: OfstedOutcomes = { urn, asAt };
  const cardDate = dateOf(row['Inspection start date']);
  if (cardDate) {
    const areas: Record<string, string> = {};
    for (const area of REPORT_CARD_AREAS) {
      const grade = present(row[area]);
      if (grade) areas[area.replace(/ \(where applicable\)$/, '')] = grade;
    }
    const safeguarding = present(row['Safeguarding standards']);
    outcome.reportCard = { date: cardDate, areas, ...(safeguarding ? { safeguarding } : {}) };
  }
  const gradedDate = dateOf(row['Inspection start date of latest OEIF graded inspection']);
  const overall = Number(present(row['Latest OEIF overall effectiveness']));
  if (gradedDate && [1, 2, 3, 4].includes(overall))
    outcome.graded = { date: gradedDate, overall: overall as 1 | 2 | 3 | 4 };
  const ungradedDate = dateOf(row['Date of latest ungraded inspection']);
  const ungraded = present(row['Ungraded inspection overall outcome']);
  if (ungradedDate && ungraded) outcome.ungraded = { date: ungradedDate, outcome: ungraded };
  return outcome;
}

/** "… latest inspections as at 31 Oct 2026" → "31 Oct 2026". */
export const asAtOf = (titleLine: string) => /as at (.+)$/i.exec(titleLine.trim())?.[1] ?? 'date not given';
