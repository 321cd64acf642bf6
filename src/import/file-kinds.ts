import { parse } from 'csv-parse/sync';
import { type AcademicYear, academicYearOf } from '../domain/calendar/academic-year';
import type { FileKind } from '../domain/imports/file-upload';
import { type LocalDate, parseUkDate } from '../domain/time/local-date';
import { pupilColumnsIn, recogniseFormat } from './performance/performance-formats';
import { halfTermNumberFrom } from './read-term-dates';

const firstRows = (start: string): string[][] => {
  try {
    const lines = start.split(/\r?\n/).slice(0, 3).join('\n');
    return parse(lines, {
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch {
    return [];
  }
};

/**
 * What a file sent without a command is, from its first lines: a calendar or term-dates table,
 * one of the performance files, or a roster (simple, network or GIAS). Undefined: ask.
 */
export function guessFileKind(start: string): FileKind | undefined {
  if (/^\s*BEGIN:VCALENDAR/i.test(start.replace(/^\uFEFF/, ''))) return 'terms';
  const rows = firstRows(start.replace(/^\uFEFF/, ''));
  if (rows.some((row) => recogniseFormat(row) || pupilColumnsIn(row).length > 0)) return 'performance';
  const header = (rows[0] ?? []).map((cell) => cell.trim().toLowerCase());
  if (header.includes('urn') || header.includes('school') || header.includes('name')) return 'roster';
  const firstCell = header[0] ?? '';
  if (/^(half ?term|term|inset|closures?)\b/.test(firstCell) || halfTermNumberFrom(firstCell) !== undefined)
    return 'terms';
  return undefined;
}

/** The school year a term-dates file is for, from its first date (a file sent without "/terms <year>"). */
export function schoolYearOfFirstDate(text: string): AcademicYear | undefined {
  const ics = /DTSTART[^:\n]*:(\d{4})(\d{2})(\d{2})/.exec(text);
  if (ics) return academicYearOf(`${ics[1]}-${ics[2]}-${ics[3]}` as LocalDate);
  for (const match of text.matchAll(/\b(\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4})\b/g)) {
    const date = parseUkDate(match[1] ?? '');
    if (date) return academicYearOf(date);
  }
  return undefined;
}

const startsWith = (bytes: Uint8Array, ...signature: number[]) => signature.every((b, i) => bytes[i] === b);

/**
 * A file that is not text, from its first bytes: an Office file (.xlsx and .docx are zip files,
 * .xls the older compound format), a PDF, or anything else with NUL bytes in it.
 */
export function notATextFile(head: Uint8Array): 'office' | 'pdf' | 'binary' | undefined {
  if (startsWith(head, 0x50, 0x4b, 0x03, 0x04) || startsWith(head, 0xd0, 0xcf, 0x11, 0xe0)) return 'office';
  if (startsWith(head, 0x25, 0x50, 0x44, 0x46)) return 'pdf';
  // UTF-16 text starts with its byte-order mark; otherwise a NUL byte means a binary file.
  if (startsWith(head, 0xff, 0xfe) || startsWith(head, 0xfe, 0xff)) return undefined;
  return head.subarray(0, 4096).includes(0) ? 'binary' : undefined;
}
