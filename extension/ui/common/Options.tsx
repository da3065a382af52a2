export interface Choice<V extends string> {
  value: V;
  label: string;
}

/** Each value of a list with its label, as a select's choices. */
export function choicesOf<V extends string>(values: readonly V[], labels: Readonly<Record<V, string>>): Array<Choice<V>> {
  return values.map((value) => ({ value, label: labels[value] }));
}

/** A select's options, one per choice, in order. */
export function Options<V extends string>(props: { choices: ReadonlyArray<Choice<V>> }) {
  return (
    <>
      {props.choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </>
  );
}
