import { DATE_PATTERN } from './free-text-dates';
import { type Mention, nameWithAgeOrYear, nameWithBirthDate, pupilsWithNeeds } from './pupil-mentions';
import { findUpn } from './upn';

export { isValidUpn } from './upn';

/**
 * Pupil data is shared only live in meetings and never stored (seed 002). Every free-text value
 * the bot stores passes this guard: first where it is typed (so the refusal names the field and
 * the card keeps the text), and again on its way to storage (`guardRowsForPupilData`), so a field
 * added later cannot forget it. `today` is the injected clock's: a birth date is one that makes
 * someone of school age now.
 */
export type PupilDataFinding = { kind: 'upn' | 'date-of-birth' | Mention['kind']; text: string };

/** "DOB 12/03/2015", "date of birth: 3 May 2016", "born 12.3.15", "d.o.b. 2015-03-12". */
const DATE_OF_BIRTH = new RegExp(
  String.raw`\b(?:d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|born(?:\s+on)?)\s*[:\-–]?\s*(?:${DATE_PATTERN})`,
  'i',
);

const WHAT_WAS_FOUND: Record<PupilDataFinding['kind'], string> = {
  upn: 'a Unique Pupil Number (UPN)',
  'date-of-birth': 'a date of birth, which identifies a pupil',
  'name-and-birth-date': "a name next to a date that would make them of school age (a pupil's date of birth)",
  'name-and-age': "a name with a pupil's age or year group",
  'pupils-and-needs': "pupils' names with their attainment or needs",
};

/** The first clear pupil identifier in the text, if any. */
export function findPupilData(text: string, today: Date): PupilDataFinding | undefined {
  const upn = findUpn(text);
  if (upn) return { kind: 'upn', text: upn };
  const dob = DATE_OF_BIRTH.exec(text);
  if (dob) return { kind: 'date-of-birth', text: dob[0] };
  return nameWithBirthDate(text, today) ?? nameWithAgeOrYear(text) ?? pupilsWithNeeds(text);
}

/** The refusal for a finding in a named field, in words a head can act on. */
export function pupilDataRefusal(field: string, finding: PupilDataFinding): string {
  return (
    `the ${field} contains ${WHAT_WAS_FOUND[finding.kind]}: "${finding.text}". Pupil data is shared only live in ` +
    'meetings and is never stored, so nothing was saved. Please take it out and try again'
  );
}

/** Checks the named fields; the refusal says which field, what was found, and why nothing was saved. */
export function refusePupilData(fields: Record<string, string | undefined>, today: Date): string | undefined {
  for (const [field, value] of Object.entries(fields)) {
    const finding = value ? findPupilData(value, today) : undefined;
    if (finding) return pupilDataRefusal(field, finding);
  }
  return undefined;
}
