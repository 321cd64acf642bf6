/**
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

/** The first real UPN in the text. */
export function findUpn(text: string): string | undefined {
  for (const match of text.matchAll(UPN_SHAPE)) if (isValidUpn(match[0])) return match[0];
  return undefined;
}
