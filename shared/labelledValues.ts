/**
 * A closed list of values with a label each, written once as one table (value: label) instead of
 * a list and a label record that must be kept in step. The list keeps the table's order.
 * Not for lists the service worker validates with (shared/labels.ts, shared/schema/): there the
 * list and a `Record<Value, string>` of labels stay apart, so the background bundles the values
 * without the labels it never shows (issue 15); the record's type keeps the two in step.
 */
export function labelledValues<const Labels extends Record<string, string>>(labels: Labels) {
  type Value = keyof Labels & string;
  return {
    values: Object.keys(labels) as unknown as readonly [Value, ...Value[]],
    labels: labels as Readonly<Record<Value, string>>,
  };
}
