import { datedName, saveCsv } from './saveFile';
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
  const download = () => saveCsv(datedName(filename, 'csv'), toCsv(rows, columns));
  return (
    <button type="button" onClick={download} disabled={rows.length === 0}>
      {label}
    </button>
  );
}
