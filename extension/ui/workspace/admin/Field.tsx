import type { ComponentChildren } from 'preact';
import { Options, type Choice } from '@/ui/common/Options';

/**
 * A labelled control with its error in words right under it, tied to it by aria-describedby
 * (the child control must carry `id` and `describedBy(id)`).
 */
export function Field(props: { id: string; label: string; error?: string; hint?: string; class?: string; children: ComponentChildren }) {
  return (
    <span class={`field ${props.class ?? ''}`}>
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.hint && (
        <span class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      )}
      {props.error && (
        <span class="field-error" id={`${props.id}-error`} role="alert">
          {props.error}
        </span>
      )}
    </span>
  );
}

/** aria attributes of a control whose Field may show an error or a hint. */
export const describedBy = (id: string, error?: string, hint?: boolean) => ({
  'aria-invalid': error ? (true as const) : undefined,
  'aria-describedby': [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined,
});

/** A form-wide error (one no single field owns), read out at once. */
export function FormError(props: { error?: string }) {
  return props.error ? (
    <span class="field-error" role="alert">
      {props.error}
    </span>
  ) : null;
}

/** An admin form's actions: its submit button, a Cancel button when `onCancel` is given, and the form-wide error. */
export function FormActions(props: { submit: string; busy?: boolean; onCancel?: () => void; error?: string }) {
  return (
    <span class="actions">
      <button type="submit" class="primary" disabled={props.busy}>
        {props.submit}
      </button>
      {props.onCancel && (
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      )}
      <FormError error={props.error} />
    </span>
  );
}

/** A text (or date) input in its Field, with its error tied to it. */
export function TextField(props: { id: string; label: string; value: string; error?: string; type?: 'text' | 'date'; onInput: (e: { currentTarget: { value: string } }) => void }) {
  return (
    <Field id={props.id} label={props.label} error={props.error}>
      {props.type === 'date' ? (
        <input id={props.id} type="date" value={props.value} onInput={props.onInput} {...describedBy(props.id, props.error)} />
      ) : (
        <input id={props.id} value={props.value} onInput={props.onInput} {...describedBy(props.id, props.error)} />
      )}
    </Field>
  );
}

/** A select of fixed choices in its Field, with its error tied to it. */
export function SelectField<V extends string>(props: { id: string; label: string; value: string; choices: ReadonlyArray<Choice<V>>; error?: string; onChange: (e: { currentTarget: { value: string } }) => void }) {
  return (
    <Field id={props.id} label={props.label} error={props.error}>
      <select id={props.id} value={props.value} onChange={props.onChange} {...describedBy(props.id, props.error)}>
        <Options choices={props.choices} />
      </select>
    </Field>
  );
}

/** An admin table's head: the column names, then a last column for the row's actions, named for screen readers only. */
export function TableHead(props: { columns: string[] }) {
  return (
    <thead>
      <tr>
        {props.columns.map((c) => (
          <th key={c} scope="col">
            {c}
          </th>
        ))}
        <th scope="col">
          <span class="visually-hidden">Actions</span>
        </th>
      </tr>
    </thead>
  );
}

/** A row's Edit button, naming the record for screen readers. */
export function EditButton(props: { name: string; onClick: () => void }) {
  return (
    <button type="button" onClick={props.onClick}>
      Edit<span class="visually-hidden"> {props.name}</span>
    </button>
  );
}
