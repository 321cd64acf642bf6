import { z } from 'zod';
import { isLocalDate, type LocalDate } from '../domain/time/local-date';

/**
 * Reading values back from card inputs. They are untrusted text from the client: anything that
 * is not a string counts as empty, and everything is trimmed.
 */
export const cardText = z
  .preprocess((v) => (typeof v === 'string' ? v : ''), z.string())
  .transform((s) => s.trim());

/** A box with one entry per line (decisions, guests), blank lines dropped. */
export const cardLines = (value: unknown) =>
  cardText
    .parse(value)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

export interface ActionRow {
  title: string;
  schoolId: string;
  ownerUserId?: string;
  due?: LocalDate;
}

/**
 * The rows of new actions on a card (minutes, a peer review's outcome): empty rows are skipped;
 * a row with anything in it needs a description and an owner school, and a date if given must be
 * one. `label` names the row the way the card does ("new action 2").
 */
export function readActionRows(
  data: Record<string, unknown>,
  rows: number,
  idOf: (row: number, part: 'title' | 'school' | 'owner' | 'due') => string,
  label: (row: number) => string,
): ActionRow[] | string {
  const actions: ActionRow[] = [];
  for (let row = 0; row < rows; row++) {
    const title = cardText.parse(data[idOf(row, 'title')]);
    const schoolId = cardText.parse(data[idOf(row, 'school')]);
    const ownerUserId = cardText.parse(data[idOf(row, 'owner')]);
    const due = cardText.parse(data[idOf(row, 'due')]);
    if (!title && !schoolId && !ownerUserId && !due) continue;
    if (!title) return `${label(row)} has an owner or date but no description: say what will be done`;
    if (!schoolId) return `${label(row)} ("${title}") needs an owner school`;
    if (due && !isLocalDate(due)) return `the due date of ${label(row)} is not a date`;
    actions.push({
      title,
      schoolId,
      ...(ownerUserId ? { ownerUserId } : {}),
      ...(due ? { due: due as LocalDate } : {}),
    });
  }
  return actions;
}
