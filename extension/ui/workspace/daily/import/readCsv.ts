import Papa from 'papaparse';
import type { SourceRow } from './plan';

export interface CsvFile {
  headers: string[];
  rows: SourceRow[];
}

/**
 * Parses an ATS export. Line numbers count the file's lines (header = line 1), so a quoted
 * cell with a line break moves the following rows down, as a spreadsheet shows them.
 */
export function readCsv(text: string): CsvFile {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const data = result.data;
  const headers = (data[0] ?? []).map((h) => h.trim());
  const rows: SourceRow[] = [];
  let line = 1 + lineBreaks(data[0]);
  for (let i = 1; i < data.length; i++) {
    const cells = data[i] ?? [];
    line += 1;
    const startLine = line;
    line += lineBreaks(cells);
    if (cells.length === 1 && cells[0]!.trim() === '') continue;
    rows.push({ line: startLine, cells });
  }
  return { headers, rows };
}

const lineBreaks = (cells: readonly string[] | undefined) =>
  (cells ?? []).reduce((n, c) => n + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
