import { describe, expect, it } from 'vitest';
import { findPupilData, isValidUpn, refusePupilData } from '../../src/domain/privacy/pupil-data-guard';

const TODAY = new Date('2026-12-02T10:00:00Z');

/** Builds a UPN with the right check letter for the 12 characters after it. */
function upnFor(rest: string): string {
  const letters = 'ABCDEFGHJKLMNPQRTUVWXYZ';
  let sum = 0;
  [...rest].forEach((c, i) => {
    sum += (/\d/.test(c) ? Number(c) : letters.indexOf(c)) * (i + 2);
  });
  return `${letters[sum % 23]}${rest}`;
}

describe('Unique Pupil Numbers (not User Principal Names)', () => {
  it('accepts the DfE example and other correctly checked UPNs', () => {
    expect(isValidUpn('B801200005001')).toBe(true);
    expect(isValidUpn('b801200005001')).toBe(true);
    expect(isValidUpn(upnFor('331209823007'))).toBe(true);
  });

  it('accepts temporary UPNs, whose last character is a letter', () => {
    const temporary = upnFor('80120000500A');
    expect(temporary).toMatch(/^[A-Z]\d{11}A$/);
    expect(isValidUpn(temporary)).toBe(true);
  });

  it('rejects strings that only look like UPNs', () => {
    expect(isValidUpn('C801200005001')).toBe(false); // wrong check letter
    expect(isValidUpn('B80120000500')).toBe(false); // 12 characters
    expect(isValidUpn('B8012000050011')).toBe(false); // 14 characters
    expect(isValidUpn('I801200005001')).toBe(false); // I is never a check letter
    expect(isValidUpn(upnFor('80120000500A').replace(/A$/, 'O'))).toBe(false); // O is not in the letter set
  });
});

describe('finding pupil data in free text', () => {
  it('finds a valid UPN inside a sentence', () => {
    expect(findPupilData('Can we discuss B801200005001 at the meeting?', TODAY)).toEqual({
      kind: 'upn',
      text: 'B801200005001',
    });
  });

  it('lets through text that merely looks similar', () => {
    for (const text of [
      'Order ref C801200005001 for the Year 6 books',
      'Call 01632 960001 or 07700 900123',
      'URN 103692, LA 331',
      'Meet in room B12 at 13:30',
      'Ofsted visit on 12/03/2026',
    ]) {
      expect(findPupilData(text, TODAY)).toBeUndefined();
    }
  });

  it('finds a date of birth next to its marker', () => {
    expect(findPupilData('Jamie (DOB 12/03/2015) needs support', TODAY)).toEqual({
      kind: 'date-of-birth',
      text: 'DOB 12/03/2015',
    });
    expect(findPupilData('date of birth: 3 May 2016', TODAY)?.kind).toBe('date-of-birth');
    expect(findPupilData('born 12.3.15 in Coventry', TODAY)?.kind).toBe('date-of-birth');
    expect(findPupilData('d.o.b. 2015-03-12', TODAY)?.kind).toBe('date-of-birth');
  });

  it('explains a refusal: which field, what was found, and that nothing was saved', () => {
    expect(refusePupilData({ venue: 'Hall', reason: 'Meeting about B801200005001' }, TODAY)).toBe(
      'the reason contains a Unique Pupil Number (UPN): "B801200005001". Pupil data is shared only live in meetings and is never stored, so nothing was saved. Please take it out and try again',
    );
    expect(refusePupilData({ reason: 'Ofsted inspection' }, TODAY)).toBeUndefined();
  });
});
