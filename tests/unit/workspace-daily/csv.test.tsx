// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/preact';
import { csvCell, toCsv } from '@/ui/csv/toCsv';
import { DownloadCsvButton } from '@/ui/csv/DownloadCsvButton';

describe('csvCell', () => {
  it.each(['=1+1', '+44 7700', '-cmd', '@SUM(A1)', '\t=x', '\r=x'])('prefixes formula-like text %j', (text) => {
    expect(csvCell(text).replace(/^"/, '')).toMatch(/^'/);
  });
  it('keeps negative numbers as numbers', () => {
    expect(csvCell(-3)).toBe('-3');
  });
  it('quotes commas, quotes and newlines', () => {
    expect(csvCell('Smith, Jo')).toBe('"Smith, Jo"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });
  it('writes empty cells for null and undefined', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('toCsv', () => {
  it('writes a header and one line per row with CRLF', () => {
    const csv = toCsv([{ n: 'Ann', d: 2 }, { n: '=evil()', d: -1 }], [
      { header: 'Name', value: (r) => r.n },
      { header: 'Days', value: (r) => r.d },
    ]);
    expect(csv).toBe("Name,Days\r\nAnn,2\r\n'=evil(),-1\r\n");
  });
});

describe('DownloadCsvButton', () => {
  it('is disabled with no rows and downloads a blob otherwise', () => {
    const created = vi.fn(() => 'blob:x');
    URL.createObjectURL = created;
    URL.revokeObjectURL = vi.fn();
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { rerender } = render(<DownloadCsvButton rows={[]} columns={[{ header: 'A', value: () => 1 }]} filename="queue" />);
    expect((screen.getByRole('button', { name: 'Export CSV' }) as HTMLButtonElement).disabled).toBe(true);
    rerender(<DownloadCsvButton rows={[1]} columns={[{ header: 'A', value: (r: number) => r }]} filename="queue" />);
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(created).toHaveBeenCalledTimes(1);
    expect(clicked).toHaveBeenCalledTimes(1);
    clicked.mockRestore();
  });
});
