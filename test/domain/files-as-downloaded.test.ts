import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileCommandOf } from '../../src/commands/attached-file-imports';
import { decodeTextFile } from '../../src/import/decode-text-file';
import { guessFileKind, notATextFile, schoolYearOfFirstDate } from '../../src/import/file-kinds';
import { InvisibleCharacterFilter, withoutInvisibleCharacters } from '../../src/import/invisible-characters';
import { decodedChunks } from '../../src/import/performance/csv-records';
import { readRoster } from '../../src/import/read-roster';
import { invisibleCharactersNote } from '../../src/views/import-report-view';
import { GIAS_HEADERS, giasRow, windows1252 } from '../support/fixtures';

/** Invisible characters and what each becomes: the windows-1252 character a C1 control stood for, a space, or nothing. */
const BECOMES: Record<string, string> = {
  '\u0092': '’',
  '\u0085': '…',
  '\u00A0': ' ',
  '\u200B': '',
  '\u0000': '',
  '\u00AD': '',
  '\u2060': '',
  '\u007F': '',
  '\u0081': '',
};

describe('invisible characters in a downloaded file', () => {
  it('are taken out and reported by line, a misread apostrophe becoming the apostrophe it was', () => {
    const { text, found } = withoutInvisibleCharacters(
      'school,urn\nSt Teresa\u0092s,103711\nBroad\u200BHeath,103692\n',
    );
    expect(text).toBe('school,urn\nSt Teresa’s,103711\nBroadHeath,103692\n');
    expect(found).toEqual([
      { line: 2, what: 'U+0092, read as ’' },
      { line: 3, what: 'a zero-width space' },
    ]);
    expect(invisibleCharactersNote(found)).toBe(
      '2 invisible characters were taken out: line 2 (U+0092, read as ’); line 3 (a zero-width space).',
    );
  });

  it('leave a leading byte-order mark unreported (it marks the encoding), and count lines across pieces', () => {
    const filter = new InvisibleCharacterFilter();
    const pieces = ['\uFEFFschool\nEarl', 'sdon\u0000\n', '\nAlles\u00A0ley\n'].map((p) => filter.clean(p));
    expect(pieces.join('')).toBe('school\nEarlsdon\n\nAlles ley\n');
    expect(filter.found).toEqual([
      { line: 2, what: 'the control character U+0000' },
      { line: 4, what: 'a non-breaking space, read as a space' },
    ]);
  });

  it('whatever the text and however it is split, each one is replaced or dropped, reported once, on its line', () => {
    const visible = fc.constantFrom(...'abcXYZ019 ,’\n'.split(''));
    const text = fc.array(fc.oneof(visible, fc.constantFrom(...Object.keys(BECOMES))), { maxLength: 60 });
    fc.assert(
      fc.property(text, fc.array(fc.nat(60), { maxLength: 4 }), (characters, cuts) => {
        const whole = characters.join('');
        const at = [...new Set(cuts.map((c) => Math.min(c, whole.length)))].sort((x, y) => x - y);
        const pieces = [0, ...at].map((start, i) => whole.slice(start, at[i] ?? whole.length));
        const filter = new InvisibleCharacterFilter();
        const cleaned = pieces.map((p) => filter.clean(p)).join('');
        expect(cleaned).toBe(characters.map((c) => BECOMES[c] ?? c).join(''));
        const expectedLines = characters.flatMap((c, i) =>
          c in BECOMES ? [characters.slice(0, i).filter((x) => x === '\n').length + 1] : [],
        );
        expect(filter.found.map((f) => f.line)).toEqual(expectedLines);
      }),
    );
  });

  it('are gone from a GIAS file decoded the wrong way before it reached us, and the import says where they were', () => {
    const onceMisread = [
      GIAS_HEADERS.join(','),
      giasRow({
        URN: '103711',
        EstablishmentName: 'St Teresa\u0092s Catholic Primary School',
        'EstablishmentStatus (name)': 'Open',
      }),
    ].join('\r\n');
    const roster = readRoster(decodeTextFile(Buffer.from(onceMisread, 'utf8')));
    if ('problem' in roster) throw new Error(roster.problem);
    expect(roster.rows.map((r) => r.name)).toEqual(['St Teresa’s Catholic Primary School']);
    expect(roster.invisible).toEqual([{ line: 2, what: 'U+0092, read as ’' }]);
  });
});

describe('reading the bytes of a file as downloaded', () => {
  const chunksOf = (bytes: Buffer, size: number) =>
    (async function* () {
      for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
    })();
  const read = async (chunks: AsyncIterable<Uint8Array>) => {
    let text = '';
    for await (const piece of decodedChunks(chunks)) text += piece;
    return text;
  };

  it('reads a windows-1252 file as such even when its first accented name is far into the file', async () => {
    const file = windows1252(
      `school,urn\n${'Broad Heath Primary School,103692\n'.repeat(3000)}St Teresa’s,103711\n`,
    );
    expect(await read(chunksOf(file, 65_536))).toContain('St Teresa’s,103711');
  });

  it('reads UTF-8, with or without its mark, and UTF-16 by its mark, however the chunks fall', async () => {
    const text = 'school,urn\nSt Mary’s,103700\nYsgol Gymraeg Bro Taf,103701\n';
    for (const size of [1, 2, 3, 7, 1024]) {
      expect(await read(chunksOf(Buffer.from(text, 'utf8'), size))).toBe(text);
      expect(await read(chunksOf(Buffer.from(`\uFEFF${text}`, 'utf8'), size))).toBe(text);
    }
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(await read(chunksOf(utf16, 5))).toBe(text);
    expect(decodeTextFile(utf16)).toBe(text);
  });

  it('knows a file that is not text from its first bytes', () => {
    expect(notATextFile(Buffer.from('PK\u0003\u0004[Content_Types].xml', 'latin1'))).toBe('office');
    expect(notATextFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toBe('office');
    expect(notATextFile(Buffer.from('%PDF-1.7'))).toBe('pdf');
    expect(notATextFile(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe(
      'binary',
    );
    expect(notATextFile(Buffer.from([0xff, 0xfe, 0x73, 0x00]))).toBeUndefined();
    expect(notATextFile(windows1252('school,urn\nSt Teresa’s,103711'))).toBeUndefined();
  });
});

describe('telling what a file is from its first lines', () => {
  it('knows rosters, term dates and performance files, and says nothing of anything else', () => {
    expect(guessFileKind(decodeTextFile(windows1252(`${GIAS_HEADERS.join(',')}\r\n`)))).toBe('roster');
    expect(guessFileKind('network,school\nRoots,Broad Heath')).toBe('roster');
    expect(guessFileKind('school,urn,head\n')).toBe('roster');
    expect(guessFileKind('BEGIN:VCALENDAR\nVERSION:2.0')).toBe('terms');
    expect(guessFileKind('half term,start,end\nAutumn 1,03/09/2026,23/10/2026')).toBe('terms');
    expect(guessFileKind('Autumn 1,03/09/2026,23/10/2026')).toBe('terms');
    expect(guessFileKind('time_period,school_urn,subject,expected_standard_pupil_percent\n')).toBe(
      'performance',
    );
    expect(guessFileKind('UPN,Forename,Surname\n')).toBe('performance');
    expect(guessFileKind('Dear colleagues,\nPlease find attached')).toBeUndefined();
  });

  it("reads the school year of term dates from their first date, as a calendar's or a table's", () => {
    expect(schoolYearOfFirstDate('BEGIN:VCALENDAR\nDTSTART;VALUE=DATE:20260903\n')).toBe('2026-27');
    expect(schoolYearOfFirstDate('Spring 1,05/01/2027,12/02/2027')).toBe('2026-27');
    expect(schoolYearOfFirstDate('Autumn 1,2027-09-02,2027-10-22')).toBe('2027-28');
    expect(schoolYearOfFirstDate('no dates here')).toBeUndefined();
  });

  it('reads what the message sent with a file says it is', () => {
    expect(fileCommandOf('')).toBeUndefined();
    expect(fileCommandOf('/school import Roots')).toEqual({ kind: 'roster', option: 'Roots' });
    expect(fileCommandOf('/terms 2026-27')).toEqual({ kind: 'terms', option: '2026-27' });
    expect(fileCommandOf('performance import 2023-24')).toEqual({ kind: 'performance', option: '2023-24' });
    expect(fileCommandOf('/upload roster')).toEqual({ kind: 'roster', option: '' });
    expect(fileCommandOf('/upload results 2023-24')).toEqual({ kind: 'performance', option: '2023-24' });
    expect(fileCommandOf('/upload constructor')).toBe('not-an-import');
    expect(fileCommandOf('here are our schools')).toBe('not-an-import');
  });
});
