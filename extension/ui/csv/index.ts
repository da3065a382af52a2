export { toCsv, csvCell, type CsvColumn } from './toCsv';
export { DownloadCsvButton, type DownloadCsvButtonProps } from './DownloadCsvButton';
