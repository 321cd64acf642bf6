import type { InvisibleCharacter } from '../domain/imports/file-upload';
import type { ImportReport as PerformanceImportReport } from '../services/performance-import-service';
import type { ImportReport as RosterImportReport } from '../services/roster-import-service';

/**
 * What an import did, in words: the same whether the file was pasted into a message, sent in a
 * personal chat or uploaded through the import card's page.
 */
const withNote = (lines: string[], invisible: readonly InvisibleCharacter[]) =>
  [...lines, invisibleCharactersNote(invisible)].filter(Boolean).join('\n');

export function rosterImportText(report: RosterImportReport): string {
  const skipped = report.skipped.map((s) => `line ${s.line}: ${s.reason}`).join('; ');
  const heading =
    `Imported ${report.added.length} school(s)${report.network ? ` of ${report.network}` : ''}` +
    `${report.unchanged ? `; ${report.unchanged} already in the cluster, left as they were` : ''}.` +
    `${skipped ? ` Skipped ${skipped}.` : ''}` +
    report.toldApart
      .map(
        (t) => ` ${t.as.length} schools are called ${t.name}: they are told apart as ${t.as.join(' and ')}.`,
      )
      .join('');
  return withNote(
    [heading, ...(report.added.length ? [`\n${report.added.map((s) => s.name).join(', ')}`] : [])],
    report.invisible,
  );
}

export function performanceImportText(report: PerformanceImportReport): string {
  return withNote(
    [
      `Read **${report.format}**.`,
      report.matched.length > 0
        ? `Kept ${report.matched.map((m) => `${m.school} (${m.rows} rows)`).join(', ')}.`
        : 'None of the rows was for a school of this cluster, so nothing was kept.',
      ...(report.unmatched.length > 0 ? [`No rows for ${report.unmatched.join(', ')}.`] : []),
      ...(report.skipped.length > 0
        ? [`Left out: ${report.skipped.map((s) => `${s.rows} rows of ${s.why}`).join('; ')}.`]
        : []),
    ],
    report.invisible,
  );
}

export function termDatesSetText(
  set: { year: string; meetings: number },
  invisible: readonly InvisibleCharacter[],
): string {
  return withNote(
    [
      `Term dates for **${set.year}** are set: ${set.meetings} meetings are on the rota. Type **/rota ${set.year}** to see them.`,
    ],
    invisible,
  );
}

/** "2 invisible characters were taken out: line 4 (U+0092, read as ’); line 9 (a zero-width space)." */
export function invisibleCharactersNote(found: readonly InvisibleCharacter[], listed = 5): string {
  if (found.length === 0) return '';
  const shown = found
    .slice(0, listed)
    .map((f) => `line ${f.line} (${f.what})`)
    .join('; ');
  const more = found.length > listed ? `; and ${found.length - listed} more` : '';
  const count =
    found.length === 1 ? 'An invisible character was' : `${found.length} invisible characters were`;
  return `${count} taken out: ${shown}${more}.`;
}
