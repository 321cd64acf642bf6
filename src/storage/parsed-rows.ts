import { parseRow, type RowKind } from './row-schemas';

/**
 * Rows already parsed, by where they are and the ETag they were read at: a row that has not
 * changed is not parsed again (most of a cluster is the same from one turn to the next, and
 * parsing is most of a turn's work in this process). Values are frozen, so nothing can change a
 * shared one; every change makes new objects and a new ETag.
 */
const parsed = new Map<string, unknown>();
const MAX_PARSED = 20_000;

/** `parseRow` for a row read with its ETag, parsed once per version of the row. */
export function parseRowVersion<T>(
  kind: RowKind,
  json: string,
  where: string,
  version: unknown,
  etag: string | undefined,
): T {
  if (!etag) return parseRow<T>(kind, json, where, version);
  const key = `${where}|${etag}`;
  const known = parsed.get(key);
  if (known !== undefined) {
    // Refreshed as the most recently used, so the bound drops what is no longer read.
    parsed.delete(key);
    parsed.set(key, known);
    return known as T;
  }
  const value = deepFreeze(parseRow<T>(kind, json, where, version));
  if (parsed.size >= MAX_PARSED) parsed.delete(parsed.keys().next().value as string);
  parsed.set(key, value);
  return value;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
