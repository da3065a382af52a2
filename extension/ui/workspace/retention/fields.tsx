import { useEffect, useRef, useState } from 'preact/hooks';
import type { Choice } from '@/ui/common/Options';
import { Options } from '@/ui/common/Options';
import { describedBy, Field } from '../admin/Field';

/** A form's draft and its errors, with a setter per field that takes an input event's value. */
export function useDraft<D extends object>(initial: D | (() => D)) {
  const [d, setD] = useState<D>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set =
    <K extends keyof D>(k: K) =>
    (e: { currentTarget: { value: string } }) =>
      setD((prev) => ({ ...prev, [k]: e.currentTarget.value }));
  return { d, setD, errors, setErrors, set };
}

/** A labelled select with its error under it; `prompt` adds an empty first choice; `autoFocus` for a form that opens in place. */
export function SelectField<V extends string>(props: {
  id: string;
  autoFocus?: boolean;
  label: string;
  value: string;
  choices: ReadonlyArray<Choice<V>>;
  error?: string;
  prompt?: string;
  onChange: (e: { currentTarget: { value: string } }) => void;
}) {
  // Focus moved by hand: the autofocus attribute is honoured only once per document.
  const select = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (props.autoFocus) select.current?.focus();
  }, []);
  return (
    <Field id={props.id} label={props.label} error={props.error}>
      <select ref={select} id={props.id} value={props.value} onChange={props.onChange} {...describedBy(props.id, props.error)}>
        {props.prompt !== undefined && <option value="">{props.prompt}</option>}
        <Options choices={props.choices} />
      </select>
    </Field>
  );
}

/** A labelled number input with its error under it. */
export function NumberField(props: { id: string; label: string; value: string; error?: string; step?: string; onInput: (e: { currentTarget: { value: string } }) => void }) {
  return (
    <Field id={props.id} label={props.label} error={props.error}>
      <input id={props.id} type="number" inputMode="decimal" step={props.step ?? 'any'} min="0" value={props.value} onInput={props.onInput} {...describedBy(props.id, props.error)} />
    </Field>
  );
}

/** The council's themes as checkboxes in one labelled group. */
export function ThemeChecks(props: { id: string; legend: string; themes: readonly string[]; value: readonly string[]; error?: string; onChange: (themes: string[]) => void }) {
  const toggle = (theme: string, on: boolean) => props.onChange(on ? [...props.value, theme] : props.value.filter((t) => t !== theme));
  return (
    <fieldset class="wide" id={props.id} aria-describedby={props.error ? `${props.id}-error` : undefined}>
      <legend>{props.legend}</legend>
      {props.themes.map((t) => (
        <label key={t} style={{ marginRight: '16px', whiteSpace: 'nowrap' }}>
          <input type="checkbox" checked={props.value.includes(t)} onChange={(e) => toggle(t, e.currentTarget.checked)} /> {t}
        </label>
      ))}
      {props.error && (
        <span class="field-error" id={`${props.id}-error`} role="alert">
          {props.error}
        </span>
      )}
    </fieldset>
  );
}
