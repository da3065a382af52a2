/** Saves text as a download named `filename` (the browser's own download, no permission needed). */
export function saveFile(filename: string, parts: BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start the download asynchronously after click().
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A CSV download, with a BOM so Excel reads UTF-8 names correctly. */
export const saveCsv = (filename: string, csv: string) => saveFile(filename, ['\uFEFF', csv], 'text/csv;charset=utf-8');

/** `<name>-<yyyy-mm-dd>.<ext>`: exports are named by the day they were made. */
export const datedName = (name: string, ext: string) => `${name}-${new Date().toISOString().slice(0, 10)}.${ext}`;
