import type { ComponentChildren } from 'preact';

/**
 * A table row and, while its form is open, a second row under it that holds the form across all
 * the table's columns: the retention tables edit their records in place.
 */
export function RowWithForm(props: { children: ComponentChildren; form: ComponentChildren; columns: number }) {
  return (
    <>
      {props.children}
      {props.form && (
        <tr>
          <td colSpan={props.columns}>{props.form}</td>
        </tr>
      )}
    </>
  );
}

/** A row's button that opens its form; `hidden` names the row's record for a screen reader. */
export function RowButton(props: { label: string; hidden: ComponentChildren; onClick: () => void }) {
  return (
    <button type="button" onClick={props.onClick}>
      {props.label}
      <span class="visually-hidden">{props.hidden}</span>
    </button>
  );
}
