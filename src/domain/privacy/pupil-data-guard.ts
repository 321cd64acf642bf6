/**
 * Pupil data is shared only live in meetings and never stored (seed 002). Every free-text field
 * the bot stores passes this guard first.
 *
 * A Unique Pupil Number (UPN: the DfE's 13-character pupil identifier, not a User Principal Name)
 * is: a check letter, a 3-digit LA code, a 4-digit establishment number, a 2-digit year and a
 * 3-character serial (a temporary UPN ends in a letter). The check letter is the sum of each
 * character's value times its position (2 to 13), mod 23, looked up in CHECK_LETTERS. Text that
 * only looks like a UPN (wrong check letter) is let through: it is not a UPN.
 */
const CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

const UPN_SHAPE = /\b([A-Z])(\d{11})([0-9A-Z])\b/gi;

/** The 13 characters form a real (full or temporary) UPN. */
export function isValidUpn(candidate: string): boolean {
  const upn = candidate.toUpperCase();
  if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(upn)) return false;
  const last = upn.charAt(12);
  // A temporary UPN's last character is a letter from the same 23-letter set; it counts as its index.
  if (/[A-Z]/.test(last) && !CHECK_LETTERS.includes(last)) return false;
  let sum = 0;
  for (let position = 2; position <= 13; position++) {
    const character = upn.charAt(position - 1);
    const value = /\d/.test(character) ? Number(character) : CHECK_LETTERS.indexOf(character);
    sum += value * position;
  }
  return CHECK_LETTERS.charAt(sum % 23) === upn.charAt(0);
}

export type PupilDataFinding = { kind: 'upn' | 'date-of-birth'; text: string };

const DATE = String.raw`\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{2,4}`;
/** "DOB 12/03/2015", "date of birth: 3 May 2016", "born 12.3.15", "d.o.b. 2015-03-12". */
const DATE_OF_BIRTH = new RegExp(
  String.raw`\b(?:d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|born(?:\s+on)?)\s*[:\-–]?\s*(?:${DATE})`,
  'i',
);

/** The first clear pupil identifier in the text, if any. */
export function findPupilData(text: string): PupilDataFinding | undefined {
  for (const match of text.matchAll(UPN_SHAPE)) {
    if (isValidUpn(match[0])) return { kind: 'upn', text: match[0] };
  }
  const dob = DATE_OF_BIRTH.exec(text);
  if (dob) return { kind: 'date-of-birth', text: dob[0] };
  return undefined;
}

/**
 * Checks the named fields; the refusal says which field, what was found, and why nothing was
 * saved, in words a head can act on.
 */
export function refusePupilData(fields: Record<string, string | undefined>): string | undefined {
  for (const [field, value] of Object.entries(fields)) {
    const finding = value ? findPupilData(value) : undefined;
    if (finding) {
      const what =
        finding.kind === 'upn' ? 'a Unique Pupil Number (UPN)' : 'a date of birth, which identifies a pupil';
      return (
        `the ${field} contains ${what}: "${finding.text}". Pupil data is shared only live in meetings and is never ` +
        'stored, so nothing was saved. Please take it out and try again'
      );
    }
  }
  return undefined;
}
