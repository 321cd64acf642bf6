import { z } from 'zod';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { CARD_BUDGET_BYTES, cardBytes } from '../cards/card-budget';
import { renderMinutesEditorCard } from '../cards/minutes-card';
import { halfTermName } from '../domain/calendar/academic-year';
import { schoolNamer } from '../domain/clusters/cluster';
import {
  ATTENDANCE_WORDS,
  type AttendanceMark,
  type MeetingMinutes,
  MINUTES_LIMITS,
} from '../domain/minutes/meeting-minutes';
import type { MinutesInput } from '../domain/minutes/minutes-rules';
import { formatLocalDate, formatLondon } from '../domain/time/london-time';
import type { MinutesView } from '../services/minutes-service';
import { cardLines, cardText, readActionRows } from './card-input';

/** The minutes card's buttons (Action.Execute verbs). */
export const MINUTES_VERBS = { save: 'minutesSave', publish: 'minutesPublish' } as const;

/** Input ids on the editor card: written by the renderer, read back by `readMinutesCard`. */
const ids = {
  mark: (schoolId: string) => `mark-${schoolId}`,
  deputy: (schoolId: string) => `deputy-${schoolId}`,
  note: (index: number) => `note-${index}`,
  action: (row: number, part: 'title' | 'school' | 'owner' | 'due') => `action-${row}-${part}`,
};

const BLANK_ACTION_ROWS = 2;

export function inputOf(minutes: MeetingMinutes): MinutesInput {
  return {
    attendance: minutes.attendance,
    guests: minutes.guests,
    notes: minutes.notes.map((n) => n.notes),
    decisions: minutes.decisions,
    actions: minutes.pendingActions.map((a) => ({
      title: a.title,
      schoolId: a.schoolId,
      due: a.due,
      ...(a.ownerPerson ? { ownerUserId: a.ownerPerson.userId } : {}),
    })),
  };
}

/**
 * The minute-taker's card. `input` is what they typed when it differs from what is stored (a
 * refused save): it is shown again so nothing they wrote is lost.
 */
export function minutesEditorCard(
  view: MinutesView,
  options: { input?: MinutesInput; note?: string; noteStyle?: 'good' | 'attention' } = {},
): AdaptiveCard {
  const { cluster, meeting, minutes, defaultDue } = view;
  const input = options.input ?? inputOf(minutes);
  const schoolName = schoolNamer(cluster);
  const rows = Math.min(MINUTES_LIMITS.actions, input.actions.length + BLANK_ACTION_ROWS);
  const existing = minutes.actionIds
    .map((id) => cluster.actions.find((a) => a.id === id))
    .flatMap((a) =>
      a
        ? [{ text: `${a.id}: ${a.title} (${schoolName(a.ownerSchoolId)}; due ${formatLocalDate(a.due)})` }]
        : [],
    );
  const published = minutes.published;
  // Owners to choose from, for every action row: a large cluster's people would take the card past
  // Teams' limit, so then one head a school, then only owners already chosen (the school is enough).
  const chosen = new Set(input.actions.flatMap((a) => (a.ownerUserId ? [a.ownerUserId] : [])));
  const linked = cluster.people.filter((p) => p.schoolId !== undefined);
  const firstOfSchool = new Set([
    ...new Map(
      linked
        .filter((p) => p.role === 'head')
        .reverse()
        .map((p) => [p.schoolId, p.userId]),
    ).values(),
  ]);
  const owners = (who: OwnerChoice) =>
    linked
      .filter(
        (p) => who === 'everyone' || chosen.has(p.userId) || (who === 'heads' && firstOfSchool.has(p.userId)),
      )
      .sort((a, b) => a.name.localeCompare(b.name))
      // One head a school: the school picked beside it says which, so the name alone is enough.
      .map((p) => ({
        title: who === 'heads' ? p.name : `${p.name} (${schoolName(p.schoolId ?? '')})`,
        value: p.userId,
      }));
  const render = (who: OwnerChoice) =>
    renderMinutesEditorCard({
      clusterId: cluster.profile.id,
      meetingId: meeting.id,
      title: `Minutes: ${cluster.profile.name}, ${halfTermName(meeting.halfTerm)} ${meeting.year} meeting`,
      subtitle: `${formatLondon(meeting.startsAt)}${meeting.host ? `, chaired by ${meeting.host.name}` : ''}${meeting.minuteTaker ? `; minutes by ${meeting.minuteTaker.name}` : ''}.`,
      note: options.note ?? '',
      noteStyle: options.noteStyle ?? 'default',
      markChoices: Object.entries(ATTENDANCE_WORDS).map(([value, title]) => ({ title, value })),
      schools: input.attendance.map((a) => ({
        name: schoolName(a.schoolId),
        markId: ids.mark(a.schoolId),
        mark: a.mark,
        deputyId: ids.deputy(a.schoolId),
        deputy: a.deputy ?? '',
      })),
      guests: input.guests.join('\n'),
      items: minutes.notes.map((n, i) => ({
        heading: `${i + 1}. ${n.item}`,
        inputId: ids.note(i),
        notes: input.notes[i] ?? '',
      })),
      decisions: input.decisions.join('\n'),
      existingActions: existing,
      actionsHint: `Each action needs what, and an owner school; without a date it is due by the next meeting (${formatLocalDate(defaultDue)}). Actions join the cluster's actions when the minutes are published.`,
      actionRows: Array.from({ length: rows }, (_, row) => {
        const action = input.actions[row];
        return {
          label: `New action ${row + 1}`,
          titleId: ids.action(row, 'title'),
          title: action?.title ?? '',
          schoolId: ids.action(row, 'school'),
          school: action?.schoolId ?? '',
          ownerId: ids.action(row, 'owner'),
          owner: action?.ownerUserId ?? '',
          dueId: ids.action(row, 'due'),
          due: action?.due ?? '',
        };
      }),
      schoolChoices: cluster.schools
        .filter((s) => !s.leftOn)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((s) => ({ title: s.name, value: s.id })),
      peopleChoices: owners(who),
      footer: published
        ? `Published by ${published.byName}, ${formatLondon(published.at)}. Publishing again updates the minutes in the channel.`
        : view.stored
          ? `Draft saved by ${minutes.savedByName}, ${formatLondon(minutes.savedAt)}. Only the minute-taker, the chair and cluster leads see drafts.`
          : 'Not saved yet. Save a draft to come back to it with /minutes; publish when it is ready.',
      saveVerb: MINUTES_VERBS.save,
      publishVerb: MINUTES_VERBS.publish,
      publishTitle: published ? 'Publish corrections' : 'Publish',
      canSave: !published,
    });
  for (const who of ['everyone', 'heads'] as const) {
    const card = render(who);
    if (cardBytes(card) <= CARD_BUDGET_BYTES) return card;
  }
  return render('chosen');
}

type OwnerChoice = 'everyone' | 'heads' | 'chosen';

const MARKS = Object.keys(ATTENDANCE_WORDS) as [AttendanceMark, ...AttendanceMark[]];

/**
 * What the minute-taker typed, read back from the card's inputs. Values are untrusted text from
 * the client; anything malformed is named so it can be put right.
 */
export function readMinutesCard(data: Record<string, unknown>): MinutesInput | string {
  const attendance: MinutesInput['attendance'] = [];
  const notes: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    const mark = /^mark-(.+)$/.exec(key);
    if (mark?.[1]) {
      const parsed = z.enum(MARKS).safeParse(value);
      if (!parsed.success) return `choose how ${mark[1]} attended`;
      const deputy = cardText.parse(data[ids.deputy(mark[1])]);
      attendance.push({
        schoolId: mark[1],
        mark: parsed.data,
        ...(parsed.data === 'deputy' && deputy ? { deputy } : {}),
      });
    }
    const note = /^note-(\d{1,2})$/.exec(key);
    if (note?.[1]) notes[Number(note[1])] = cardText.parse(value);
  }
  const actions = readActionRows(data, MINUTES_LIMITS.actions, ids.action, (row) => `new action ${row + 1}`);
  if (typeof actions === 'string') return actions;
  return {
    attendance,
    guests: cardLines(data.guests),
    notes: Array.from(notes, (n) => n ?? ''),
    decisions: cardLines(data.decisions),
    actions,
  };
}
