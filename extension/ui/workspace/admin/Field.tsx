import type { ComponentChildren } from 'preact';

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
