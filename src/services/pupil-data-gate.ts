import type { Clock } from '../domain/clock';
import { findPupilData, pupilDataRefusal } from '../domain/privacy/pupil-data-guard';

/**
 * The last check before storage: every string in everything written to a store passes the
 * pupil-data guard, whatever field it is in, so a field added later cannot forget it. The use
 * cases check their fields first (their refusal names the field as the card does and gives the
 * typed text back); this gate is what makes "never stored" hold when one of them does not.
 */
export class PupilDataRefusedError extends Error {
  override readonly name = 'PupilDataRefusedError';
  /** `refusal` may quote pupil data: show it to the person who typed it, never log it. */
  constructor(
    readonly refusal: string,
    readonly field: string,
  ) {
    super(`pupil data refused in ${field}`);
  }
}

/** Keys whose values are identifiers, URLs or references the bot made, never typed text. */
const NOT_TYPED = new Set([
  'id',
  'clusterId',
  'userId',
  'aadObjectId',
  'tenantId',
  'conversationId',
  'serviceUrl',
  'placeKey',
  'meetingId',
  'schoolId',
  'version',
  'etag',
]);

/** The first string anywhere in `value` holding pupil data, with where it was. */
export function pupilDataIn(value: unknown, today: Date, path = ''): PupilDataRefusedError | undefined {
  if (typeof value === 'string') {
    const finding = findPupilData(value, today);
    return finding ? new PupilDataRefusedError(pupilDataRefusal(fieldName(path), finding), path) : undefined;
  }
  if (!value || typeof value !== 'object' || value instanceof Date) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (NOT_TYPED.has(key)) continue;
    const found = pupilDataIn(inner, today, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return undefined;
}

/** "minutes.0.decisions.1" → "decisions", "actions.3.title" → "title", "deputyName" → "deputy name". */
function fieldName(path: string): string {
  const key =
    path
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .pop() ?? 'text';
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * The store, with `writes` checked first: a write holding pupil data throws
 * PupilDataRefusedError and nothing of it reaches storage.
 */
export function guardWrites<T extends object>(store: T, writes: ReadonlyArray<keyof T>, clock: Clock): T {
  return new Proxy(store, {
    get(target, property, receiver) {
      const member = Reflect.get(target, property, receiver);
      if (typeof member !== 'function' || !writes.includes(property as keyof T)) return member;
      return (...args: unknown[]) => {
        const found = pupilDataIn(args, clock());
        if (found) return Promise.reject(found);
        return member.apply(target, args);
      };
    },
  });
}
