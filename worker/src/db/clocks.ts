/**
 * How a record's clocks are kept in D1. A record written whole by one mutation (every creation,
 * the bulk of what a push writes) has the same clock on every field: its clocks are stored as
 * that one HLC, a JSON string, instead of an object repeating it for every field (about half of
 * a stage event's row, and of the bytes a push sends D1 for it). Any other clocks are stored as
 * the object. Decoding gives back the same object, keys in the same order: the fields of the
 * data, without `id`. SQL that reads a field's clock must expect both forms.
 */
export type StoredClocks = Record<string, string> | string;

const fieldsOf = (data: Record<string, unknown>) => Object.keys(data).filter((k) => k !== 'id');

/** The form to store: the one clock when it is every field's and only theirs, else the object as it is. */
export function encodeClocks(clocks: Record<string, string>, data: Record<string, unknown>): StoredClocks {
  const keys = Object.keys(clocks);
  const one = clocks[keys[0]!];
  if (one === undefined) return clocks;
  const fields = fieldsOf(data);
  if (fields.length !== keys.length || keys.some((k, i) => k !== fields[i] || clocks[k] !== one)) return clocks;
  return one;
}

/** The clocks of a row as read (parsed JSON of the column). */
export function decodeClocks(stored: StoredClocks, data: Record<string, unknown>): Record<string, string> {
  if (typeof stored !== 'string') return stored;
  return Object.fromEntries(fieldsOf(data).map((k) => [k, stored]));
}
