import {
  FORMER_HEAD,
  FORMER_MEMBER,
  FORMER_MEMBER_ID,
  mapStrings,
  mentionsPerson,
  type PersonIdentity,
  type RecordChange,
  type StoredRecord,
} from './stored-records';

/**
 * Erasure as pure rules over stored records. A person is forgotten: their link rows, personal
 * chat and delivery receipts go; everywhere else their Teams ids become FORMER_MEMBER_ID and
 * their name "Former head" / "Former member", so counts and the partnership's record still add
 * up. A school that has left is erased: its people are forgotten, and its answers lose their
 * reasons and deputies, its guest requests their guests; its name stays in the minutes.
 */
const GONE_WITH_THE_PERSON = new Set(['person', 'conversation', 'delivery']);

type Value = Record<string, unknown>;
const isObject = (v: unknown): v is Value => !!v && typeof v === 'object' && !Array.isArray(v);

function withoutPerson(value: unknown, person: PersonIdentity): unknown {
  const label = person.role === 'head' ? FORMER_HEAD : FORMER_MEMBER;
  const ids = [person.userId, person.aadObjectId].filter((id): id is string => !!id);
  return mapStrings(value, (text) => {
    if (ids.includes(text)) return FORMER_MEMBER_ID;
    if (text === person.name) return label;
    let changed = text;
    for (const id of ids) if (id.length >= 8) changed = changed.split(id).join(FORMER_MEMBER_ID);
    return person.name.length >= 3 ? changed.split(person.name).join(label.toLowerCase()) : changed;
  });
}

/** What forgetting the person changes in this record, if anything. */
export function forgetPersonIn(record: StoredRecord, person: PersonIdentity): RecordChange | undefined {
  if (!mentionsPerson(record.value, person)) return undefined;
  if (GONE_WITH_THE_PERSON.has(record.kind)) return { record, remove: true };
  return { record, to: withoutPerson(record.value, person) };
}

function eraseAnswer(entry: unknown): unknown {
  if (!isObject(entry) || !isObject(entry.answer)) return entry;
  const { reason: _reason, ...answer } = entry.answer;
  const kept = answer.kind === 'deputy' ? { ...answer, name: 'Former deputy', role: 'erased' } : answer;
  // Whoever answered for the school is erased too, linked now or not.
  if (entry.by === FORMER_MEMBER_ID) return { ...entry, answer: kept };
  return { ...entry, answer: kept, by: FORMER_MEMBER_ID, byName: FORMER_MEMBER };
}

/** The school's own details in a record: reasons, deputies, guests and its head's name. */
function withoutSchoolDetails(record: StoredRecord, schoolId: string): unknown {
  const value = record.value;
  if (!isObject(value)) return value;
  if (record.kind === 'school' && value.id === schoolId) {
    const { headName: _head, ...school } = value;
    return { ...school, personalDataErased: true };
  }
  if (record.kind === 'rsvp' && value.schoolId === schoolId)
    return {
      ...value,
      current: eraseAnswer(value.current),
      history: (value.history as unknown[]).map(eraseAnswer),
    };
  if (record.kind === 'guest' && value.schoolId === schoolId)
    return {
      ...value,
      name: 'Former guest',
      role: 'erased',
      ...(value.requestedBy === FORMER_MEMBER_ID
        ? {}
        : { requestedBy: FORMER_MEMBER_ID, requestedByName: FORMER_MEMBER }),
    };
  if (record.kind === 'minutes' && Array.isArray(value.attendance))
    return {
      ...value,
      attendance: value.attendance.map((a: Value) => {
        if (a.schoolId !== schoolId) return a;
        const { deputy: _deputy, ...kept } = a;
        return kept;
      }),
    };
  return value;
}

/** What erasing a school that has left changes in this record, with its people forgotten. */
export function eraseSchoolIn(
  record: StoredRecord,
  schoolId: string,
  people: readonly PersonIdentity[],
): RecordChange | undefined {
  // Its people first ("Former head" where a head was named), then what is left of its details.
  const forgotten = forgetPeopleIn(record, people);
  if (forgotten && 'remove' in forgotten) return { record, remove: true };
  const to = withoutSchoolDetails({ ...record, value: forgotten ? forgotten.to : record.value }, schoolId);
  return JSON.stringify(to) === JSON.stringify(record.value) ? undefined : { record, to };
}

/** Forgetting each of `people` (one person under each name they were known by) in turn. */
export function forgetPeopleIn(
  record: StoredRecord,
  people: readonly PersonIdentity[],
): RecordChange | undefined {
  let value = record.value;
  for (const person of people) {
    const change = forgetPersonIn({ ...record, value }, person);
    if (change && 'remove' in change) return { record, remove: true };
    if (change) value = change.to;
  }
  return value === record.value ? undefined : { record, to: value };
}

/** Every change an erasure makes, over every record read. */
export function changesOf(
  records: readonly StoredRecord[],
  change: (record: StoredRecord) => RecordChange | undefined,
): RecordChange[] {
  return records.map(change).filter((c): c is RecordChange => c !== undefined);
}
