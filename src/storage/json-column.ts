/**
 * Rows keep their record as JSON in a `json` property; dates go in as ISO strings and come back
 * as Dates for the fields each table names.
 */
export function parseJson<T>(json: string, dateFields: ReadonlySet<string>): T {
  return JSON.parse(json, (key, value) =>
    dateFields.has(key) && typeof value === 'string' ? new Date(value) : value,
  ) as T;
}
