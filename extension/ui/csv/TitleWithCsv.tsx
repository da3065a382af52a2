import { DownloadCsvButton, type DownloadCsvButtonProps } from './DownloadCsvButton';

/** A page's (or section's) title with the CSV download of what it lists, side by side. */
export function TitleWithCsv<Row>({ title, titleId, level = 1, ...csv }: DownloadCsvButtonProps<Row> & { title: string; titleId?: string; level?: 1 | 2 }) {
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <div class="page-head">
      <Heading id={titleId}>{title}</Heading>
      <DownloadCsvButton {...csv} />
    </div>
  );
}
