import { useState } from 'preact/hooks';
import { formatDay } from '#shared/calendar';
import type { ChecklistLine, CheckDateField } from './checksModel';
import { TableHead } from '@/ui/common/TableHead';
import { saveCheck } from './checksModel';

const FIELDS: { field: CheckDateField; label: string }[] = [
  { field: 'requested', label: 'Requested' },
  { field: 'received', label: 'Received' },
  { field: 'cleared', label: 'Cleared' },
];

/** The checklist of one candidate, with a date input per step; each change is saved at once. */
export function ChecklistTable({ applicationId, candidateName, lines }: { applicationId: string; candidateName: string; lines: ChecklistLine[] }) {
  const [error, setError] = useState<string | null>(null);
  const save = async (line: ChecklistLine, fields: Parameters<typeof saveCheck>[2]) => {
    try {
      await saveCheck(applicationId, line, fields);
      setError(null);
    } catch (err) {
      setError(`${line.label}: ${(err as { issues?: string[] }).issues?.join('; ') ?? String(err)}`);
    }
  };
  return (
    <>
      <table class="checklist">
        <TableHead columns={['Check', ...FIELDS.map((f) => f.label), 'Not applicable']} />
        <tbody>
          {lines.map((line) => (
            <tr key={line.kind}>
              <th scope="row" class={line.done ? 'status-green' : undefined}>
                {line.label}
                {line.done ? ' ✓' : ''}
              </th>
              {FIELDS.map(({ field, label }) => (
                <td key={field}>
                  <input
                    type="date"
                    aria-label={`${label}: ${line.label} for ${candidateName}`}
                    value={line.check?.[field] ?? ''}
                    disabled={!!line.check?.notApplicable}
                    onChange={(e) => void save(line, { [field]: (e.currentTarget as HTMLInputElement).value || null })}
                  />
                </td>
              ))}
              <td>
                <input
                  type="checkbox"
                  aria-label={`${line.label} not applicable for ${candidateName}`}
                  checked={!!line.check?.notApplicable}
                  onChange={(e) => void save(line, { notApplicable: (e.currentTarget as HTMLInputElement).checked })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error ? (
        <p role="alert" class="move-message">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** "References requested Mon 2 Mar 2026", or "not requested yet". */
export function holdingText(line: ChecklistLine): string {
  const c = line.check;
  if (c?.received) return `${line.label}: received ${formatDay(c.received)}, not cleared`;
  if (c?.requested) return `${line.label}: requested ${formatDay(c.requested)}`;
  return `${line.label}: not requested yet`;
}
