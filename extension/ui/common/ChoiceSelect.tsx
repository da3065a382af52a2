import { Options, type Choice } from './Options';

/** One labelled filter select: "All …" (no filter) and the choices, each with its label. */
export function ChoiceSelect<V extends string>(props: {
  id: string;
  label: string;
  allLabel: string;
  value: V | null | undefined;
  choices: ReadonlyArray<Choice<V>>;
  onChange: (value: V | undefined) => void;
}) {
  return (
    <span class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value ?? ''} onChange={(e) => props.onChange((e.currentTarget.value || undefined) as V | undefined)}>
        <option value="">{props.allLabel}</option>
        <Options choices={props.choices} />
      </select>
    </span>
  );
}
