import type { ComponentChildren } from 'preact';

/** A table's header row, one cell per column heading. */
export function TableHead(props: { headers: readonly string[] }) {
  return (
    <thead>
      <tr>
        {props.headers.map((h) => (
          <th key={h}>{h}</th>
        ))}
      </tr>
    </thead>
  );
}

export interface TableColumn<R> {
  header: string;
  cell: (row: R) => ComponentChildren;
}

/** A read-only table: a header row, then one row per item with a cell per column. */
export function DataTable<R>(props: { label: string; testId?: string; rows: readonly R[]; rowKey: (row: R) => string; columns: ReadonlyArray<TableColumn<R>> }) {
  return (
    <table aria-label={props.label} data-testid={props.testId}>
      <TableHead headers={props.columns.map((c) => c.header)} />
      <tbody>
        {props.rows.map((row) => (
          <tr key={props.rowKey(row)}>
            {props.columns.map((c) => (
              <td key={c.header}>{c.cell(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
