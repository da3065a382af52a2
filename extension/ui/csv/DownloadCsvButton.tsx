import { toCsv, type CsvColumn } from './toCsv';

export interface DownloadCsvButtonProps<Row> {
  rows: readonly Row[];
  columns: readonly CsvColumn<Row>[];
  /** File name without the date; the download is named `<filename>-<yyyy-mm-dd>.csv`. */
  filename: string;
  label?: string;
}

/** Saves the rows as a CSV file (with a BOM so Excel reads UTF-8 names correctly). */
export function DownloadCsvButton<Row>({ rows, columns, filename, label = 'Export CSV' }: DownloadCsvButtonProps<Row>) {
  const download = () => {
    const blob = new Blob(['\uFEFF', toCsv(rows, columns)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `${filename}-${new Date().toISOString().slice(0, 10)}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    // Revoke later: some browsers start the download asynchronously after click().
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <button type="button" onClick={download} disabled={rows.length === 0}>
      {label}
    </button>
  );
}
