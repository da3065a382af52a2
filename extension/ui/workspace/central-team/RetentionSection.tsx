import { useMemo } from 'preact/hooks';
import { NATIONAL_REFERENCE, type RetentionReport } from '#shared/measures/index';
import { LEAVER_DESTINATION_LABELS, LEAVER_REASON_LABELS, type LeaverDestination, type LeaverReason } from '#shared/schema/index';
import { BarLineChart, type Series } from '@/ui/charts/BarLineChart';
import { DataTable, type TableColumn } from '@/ui/common/DataTable';
import { DownloadCsvButton } from '@/ui/csv';
import { useRetentionData } from '../retention/useRetentionData';
import { days, percent, type ReportChoices } from './reportModel';
import { buildRetentionReport, retentionFigures } from './retentionReportModel';

const pctValue = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);
const tallyRows = <K extends string>(tallies: Record<string, { count: number; fte: number }>, labels: Record<K, string>) =>
  Object.entries(tallies)
    .sort((a, b) => b[1].count - a[1].count)
    .map(([key, t]) => ({ key, label: labels[key as K] ?? key, ...t }));

/** Counts as one cell's text, "pay 3, travel 1" (most first when asked). */
const countsText = (counts: Record<string, number>, order: { mostFirst?: boolean } = {}) =>
  (order.mostFirst ? Object.entries(counts).sort((a, b) => b[1] - a[1]) : Object.entries(counts)).map(([what, n]) => `${what} ${n}`).join(', ');

/** The tables' columns, header and cell. */
const turnoverColumns = (targetPercent: number): ReadonlyArray<TableColumn<RetentionReport['turnoverByQuarter'][number]>> => [
  { header: 'Twelve months to', cell: (q) => q.quarterEnd },
  { header: 'Leavers (FTE)', cell: (q) => q.turnover.leaversFte },
  { header: 'FTE in post', cell: (q) => q.turnover.fteInPost },
  { header: 'Turnover', cell: (q) => (q.turnover.rate === null ? '—' : `${pctValue(q.turnover.rate)}%`) },
  { header: 'Target', cell: () => `${targetPercent}%` },
  { header: 'England 2023', cell: () => `${NATIONAL_REFERENCE.turnover * 100}%` },
];
const EXIT_THEME_COLUMNS: ReadonlyArray<TableColumn<RetentionReport['exitThemes'][number]>> = [
  { header: 'Quarter', cell: (q) => q.quarter },
  { header: 'Held', cell: (q) => q.held },
  { header: 'Declined', cell: (q) => q.declined },
  { header: 'Offered, not held yet', cell: (q) => q.offered },
  { header: 'Themes', cell: (q) => countsText(q.themes, { mostFirst: true }) },
];
const CASELOAD_COLUMNS: ReadonlyArray<TableColumn<RetentionReport['caseload']['byWeek'][number]>> = [
  { header: 'Week of', cell: (w) => w.week },
  { header: 'Cases held', cell: (w) => w.casesHeld },
  { header: 'FTE holding cases', cell: (w) => w.fteHoldingCases },
  { header: 'Caseload', cell: (w) => days(w.caseload) },
  { header: 'Teams over the limit', cell: (w) => w.teamsOverLimit },
];
const FIGURE_COLUMNS: ReadonlyArray<TableColumn<ReturnType<typeof retentionFigures>[number]>> = [
  { header: 'Measure', cell: (f) => f.label },
  { header: 'Value', cell: (f) => <span data-testid={`retention-${f.id}`}>{f.value}</span> },
  { header: 'Council target', cell: (f) => f.target },
  { header: 'England, 30 Sept 2023', cell: (f) => f.national },
];
const STAY_COLUMNS: ReadonlyArray<TableColumn<RetentionReport['stayConversations'][number]>> = [
  { header: 'Quarter', cell: (q) => q.quarter },
  { header: 'Held', cell: (q) => q.held },
  { header: 'Outcomes', cell: (q) => countsText(q.outcomes) },
  { header: 'Themes', cell: (q) => countsText(q.themes) },
];
const COHORT_COLUMNS: ReadonlyArray<TableColumn<RetentionReport['cohorts'][number]>> = [
  { header: 'Cohort', cell: (c) => `${c.name}${c.control ? ' (control)' : ''}` },
  { header: 'Members', cell: (c) => c.members },
  { header: 'Completed in 12 months', cell: (c) => percent(c.completedIn12) },
  { header: '12 months', cell: (c) => percent(c.retention[12]) },
  { header: '24 months', cell: (c) => percent(c.retention[24]) },
  { header: '36 months', cell: (c) => percent(c.retention[36]) },
];

function TurnoverChart(props: { report: RetentionReport; targetPercent: number }) {
  const rows = props.report.turnoverByQuarter;
  const labels = useMemo(() => rows.map((q) => q.quarterEnd), [rows]);
  const series: Series[] = useMemo(
    () => [
      { label: 'Turnover, 12 months to the quarter end (%)', values: rows.map((q) => pctValue(q.turnover.rate)), kind: 'bar', axis: 'percent', color: '#1d70b8' },
      { label: `Council target (${props.targetPercent}%)`, values: rows.map(() => props.targetPercent), kind: 'line', axis: 'percent', color: '#00703c', reference: true },
      { label: `England, 30 Sept 2023 (${NATIONAL_REFERENCE.turnover * 100}%)`, values: rows.map(() => NATIONAL_REFERENCE.turnover * 100), kind: 'line', axis: 'percent', color: '#d4351c', reference: true },
    ],
    [rows, props.targetPercent],
  );
  return (
    <>
      <BarLineChart labels={labels} series={series} title="Turnover by quarter against the council's target and England's figure" />
      <DataTable label="Turnover by quarter" testId="turnover-by-quarter" rows={rows} rowKey={(q) => q.quarterEnd} columns={turnoverColumns(props.targetPercent)} />
    </>
  );
}

function ExitThemes(props: { report: RetentionReport }) {
  const quarters = props.report.exitThemes;
  const themes = [...new Set(quarters.flatMap((q) => Object.keys(q.themes)))].sort();
  const series: Series[] = useMemo(() => [{ label: 'Held exit interviews raising it', values: themes.map((t) => quarters.reduce((n, q) => n + (q.themes[t] ?? 0), 0)), kind: 'bar', axis: 'count', color: '#4c2c92' }], [quarters]);
  return (
    <>
      <h3>Exit interviews and their themes, per quarter</h3>
      {themes.length > 0 && <BarLineChart labels={themes} series={series} title="Exit interview themes in the period" />}
      <DataTable label="Exit interviews per quarter" testId="exit-themes" rows={quarters} rowKey={(q) => q.quarter} columns={EXIT_THEME_COLUMNS} />
    </>
  );
}

function Caseload(props: { report: RetentionReport }) {
  const weeks = props.report.caseload.byWeek;
  const limit = props.report.caseload.limit;
  const series: Series[] = useMemo(
    () => [
      { label: 'Caseload, all teams', values: weeks.map((w) => w.caseload), kind: 'line', axis: 'count', color: '#1d70b8' },
      { label: `Council limit (${limit})`, values: weeks.map(() => limit), kind: 'line', axis: 'count', color: '#00703c', reference: true },
      { label: `England, 2023 (${NATIONAL_REFERENCE.caseload})`, values: weeks.map(() => NATIONAL_REFERENCE.caseload), kind: 'line', axis: 'count', color: '#d4351c', reference: true },
    ],
    [weeks, limit],
  );
  if (!weeks.length) return <p class="muted">No caseload figures in the period.</p>;
  return (
    <>
      <h3>Caseload by week</h3>
      <BarLineChart labels={weeks.map((w) => w.week)} series={series} title="Caseload by week against the council's limit and England's average" />
      <DataTable label="Caseload by week" testId="caseload-by-week" rows={weeks} rowKey={(w) => w.week} columns={CASELOAD_COLUMNS} />
    </>
  );
}

/** The retention part of the reports page (issue 16): the same filters, charts and tables, in the print view too, with its own CSV. */
export function RetentionSection(props: { choice: ReportChoices }) {
  const data = useRetentionData();
  const report = useMemo(() => (data ? buildRetentionReport(data, props.choice) : null), [data, props.choice]);
  if (!data || !report) return <p>Loading the retention figures…</p>;
  const figures = retentionFigures(report, data.settings);
  const reasons = tallyRows(report.leavers.byReason, LEAVER_REASON_LABELS as Record<LeaverReason, string>);
  const destinations = tallyRows(report.leavers.byDestination, LEAVER_DESTINATION_LABELS as Record<LeaverDestination, string>);
  return (
    <section aria-labelledby="retention-heading" data-testid="retention">
      <h2 id="retention-heading">Retention</h2>
      <div class="actions no-print" style={{ margin: '0 0 12px' }}>
        <DownloadCsvButton
          rows={figures}
          filename="shortlist-retention"
          label="Export retention figures as CSV"
          columns={[
            { header: 'Measure', value: (f) => f.label },
            { header: 'Value', value: (f) => f.value },
            { header: 'Council target', value: (f) => f.target },
            { header: 'England, 30 Sept 2023', value: (f) => f.national },
          ]}
        />
      </div>
      <DataTable label="Retention figures against target and England" testId="retention-figures" rows={figures} rowKey={(f) => f.id} columns={FIGURE_COLUMNS} />
      <h3>Turnover (DfE census: leavers' FTE in the year ÷ FTE in post at its end)</h3>
      <TurnoverChart report={report} targetPercent={data.settings.turnoverTargetPercent} />
      <h3>Leavers in the period</h3>
      <DataTable label="Leavers by reason" testId="leavers-by-reason" rows={reasons} rowKey={(r) => r.key} columns={[{ header: 'Reason', cell: (r) => r.label }, { header: 'Leavers', cell: (r) => r.count }, { header: 'FTE', cell: (r) => r.fte }]} />
      <DataTable label="Leavers by destination" testId="leavers-by-destination" rows={destinations} rowKey={(r) => r.key} columns={[{ header: 'Destination', cell: (r) => r.label }, { header: 'Leavers', cell: (r) => r.count }, { header: 'FTE', cell: (r) => r.fte }]} />
      <ExitThemes report={report} />
      <h3>Stay conversations (counts only, never by team)</h3>
      <DataTable label="Stay conversations per quarter" testId="stay-quarters" rows={report.stayConversations} rowKey={(q) => q.quarter} columns={STAY_COLUMNS} />
      <h3>ASYE / Early Career cohorts</h3>
      <DataTable label="Cohort retention" testId="report-cohorts" rows={report.cohorts} rowKey={(c) => c.cohortId} columns={COHORT_COLUMNS} />
      <Caseload report={report} />
    </section>
  );
}
