/**
 * A school's answer to a meeting invitation. Answers count per school, not per person: whoever is
 * linked to the school answers for it, the latest answer wins, and every answer stays in history.
 */
export type RsvpAnswer =
  | { kind: 'attending' }
  | { kind: 'apologies'; reason?: string }
  | { kind: 'deputy'; name: string; role: string };

export interface RsvpEntry {
  answer: RsvpAnswer;
  by: string;
  byName: string;
  at: Date;
  /** The delivery this answer came in (Teams retries an invoke up to twice with the same id). */
  key: string;
}

export interface SchoolRsvp {
  meetingId: string;
  schoolId: string;
  current: RsvpEntry;
  history: RsvpEntry[];
}

const HISTORY_KEPT = 20;

/** The same delivery seen again changes nothing; a new answer replaces the current one. */
export function recordAnswer(
  existing: SchoolRsvp | undefined,
  meetingId: string,
  schoolId: string,
  entry: RsvpEntry,
): SchoolRsvp {
  if (existing?.history.some((h) => h.key === entry.key)) return existing;
  return {
    meetingId,
    schoolId,
    current: entry,
    history: [...(existing?.history ?? []), entry].slice(-HISTORY_KEPT),
  };
}

export interface Tally {
  attending: string[];
  apologies: Array<{ school: string; reason?: string }>;
  deputies: Array<{ school: string; name: string; role: string }>;
  noAnswer: string[];
  guests: Array<{ school: string; name: string; role: string; status: 'pending' | 'approved' }>;
}

type GuestAsked = { schoolId: string; status: string };

/**
 * What a school has said, counting a guest request: asking to bring a guest means the school is
 * coming, unless it answers otherwise.
 */
export function effectiveAnswer(
  schoolId: string,
  answers: readonly SchoolRsvp[],
  guests: readonly GuestAsked[] = [],
): RsvpAnswer | undefined {
  const answered = answers.find((a) => a.schoolId === schoolId)?.current.answer;
  if (answered) return answered;
  const asked = guests.some(
    (g) => g.schoolId === schoolId && (g.status === 'pending' || g.status === 'approved'),
  );
  return asked ? { kind: 'attending' } : undefined;
}

/** The chair's view: every member school in exactly one place. */
export function tallyAnswers(
  schools: ReadonlyArray<{ id: string; name: string }>,
  answers: readonly SchoolRsvp[],
  guests: ReadonlyArray<{ schoolId: string; name: string; role: string; status: string }> = [],
): Tally {
  const tally: Tally = { attending: [], apologies: [], deputies: [], noAnswer: [], guests: [] };
  for (const guest of guests) {
    const school = schools.find((s) => s.id === guest.schoolId);
    if (school && (guest.status === 'pending' || guest.status === 'approved')) {
      tally.guests.push({ school: school.name, name: guest.name, role: guest.role, status: guest.status });
    }
  }
  for (const school of schools) {
    const answer = effectiveAnswer(school.id, answers, guests);
    if (!answer) tally.noAnswer.push(school.name);
    else if (answer.kind === 'attending') tally.attending.push(school.name);
    else if (answer.kind === 'apologies') {
      tally.apologies.push({ school: school.name, ...(answer.reason ? { reason: answer.reason } : {}) });
    } else tally.deputies.push({ school: school.name, name: answer.name, role: answer.role });
  }
  return tally;
}
