import type { ComponentChildren } from 'preact';

/** A table's header row: one column header per label, in order (labels may repeat, as CSV headers can). */
export function TableHead({ columns }: { columns: readonly ComponentChildren[] }) {
  return (
    <thead>
      <tr>
        {columns.map((label, i) => (
          <th scope="col" key={i}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
