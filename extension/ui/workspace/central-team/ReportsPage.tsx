import { useMemo, useState } from 'preact/hooks';
import { computedHolidaysNotice } from '#shared/bank-holidays/index';
import { formatDay } from '#shared/calendar';
import { FUNNEL_STAGES, type Report } from '#shared/measures/index';
import { REASON_LABELS, ROLE_LABELS, ROLE_LADDER, SOURCE_LABELS, SOURCES, STAGE_LABELS, type ExitReason } from '#shared/schema/index';
import { BarLineChart, type Series } from '@/ui/charts/BarLineChart';
import { ChoiceSelect } from '@/ui/common/ChoiceSelect';
import { DataTable, type TableColumn } from '@/ui/common/DataTable';
import { choicesOf } from '@/ui/common/Options';
import { DownloadCsvButton } from '@/ui/csv';
import { TitleWithCsv } from '@/ui/csv/TitleWithCsv';
import type { Route } from '@/ui/hooks/useHashRoute';
import {
  buildReport,
  choiceFromParams,
  days,
  FUNNEL_COLUMNS,
  funnelExitRows,
  funnelRows,
  headlineFigures,
  percent,
  periodRange,
  quarterLabel,
  type FunnelRow,
  type PeriodChoice,
  type ReportChoices,
} from './reportModel';
import { RetentionSection } from './RetentionSection';
import { useCentralData } from './useCentralData';

function Filters(props: { choice: ReportChoices; onChange: (c: ReportChoices) => void; teams: Array<{ id: string; name: string }> }) {
  const { choice, onChange } = props;
  return (
    <form class="filters no-print" aria-label="Report filters" onSubmit={(e) => e.preventDefault()}>
      <span class="field">
        <label for="rf-period">Period</label>
        <select id="rf-period" value={choice.period} onChange={(e) => onChange({ ...choice, period: e.currentTarget.value as PeriodChoice })}>
          <option value="this-quarter">This quarter</option>
          <option value="last-quarter">Last quarter</option>
          <option value="last-12-months">Last 12 months</option>
          <option value="custom">From–to</option>
        </select>
      </span>
      {choice.period === 'custom' && (
        <>
          <span class="field">
            <label for="rf-from">From</label>
            <input id="rf-from" type="date" value={choice.from ?? ''} onInput={(e) => onChange({ ...choice, from: e.currentTarget.value || undefined })} />
          </span>
          <span class="field">
            <label for="rf-to">To</label>
            <input id="rf-to" type="date" value={choice.to ?? ''} onInput={(e) => onChange({ ...choice, to: e.currentTarget.value || undefined })} />
          </span>
        </>
      )}
      <ChoiceSelect id="rf-team" label="Team" allLabel="All teams" value={choice.teamId} choices={props.teams.map((t) => ({ value: t.id, label: t.name }))} onChange={(teamId) => onChange({ ...choice, teamId })} />
      <ChoiceSelect id="rf-role" label="Role" allLabel="All roles" value={choice.role} choices={choicesOf(ROLE_LADDER, ROLE_LABELS)} onChange={(role) => onChange({ ...choice, role })} />
      <ChoiceSelect id="rf-source" label="Source" allLabel="All sources" value={choice.source} choices={choicesOf(SOURCES, SOURCE_LABELS)} onChange={(source) => onChange({ ...choice, source })} />
    </form>
  );
}

const OVER_TIME_COLUMNS: ReadonlyArray<TableColumn<Report['overTime'][number]>> = [
  { header: 'Month', cell: (r) => r.period },
  { header: 'Applications', cell: (r) => r.applications },
  { header: 'Shortlisted', cell: (r) => r.shortlisted },
  { header: 'Offered', cell: (r) => r.offered },
  { header: 'Hires', cell: (r) => r.hires },
  { header: 'Median days to hire', cell: (r) => days(r.medianDaysToHire) },
  { header: 'Shortlisted within target', cell: (r) => percent(r.shortlistingSla) },
];

function OverTime(props: { report: Report }) {
  const rows = props.report.overTime;
  const labels = rows.map((r) => r.period);
  const series: Series[] = useMemo(
    () => [
      { label: 'Applications', values: rows.map((r) => r.applications), kind: 'bar', axis: 'count', color: '#b1b4b6' },
      { label: 'Hires', values: rows.map((r) => r.hires), kind: 'bar', axis: 'count', color: '#00703c' },
      { label: 'Median days to hire', values: rows.map((r) => r.medianDaysToHire), kind: 'line', axis: 'days', color: '#1d70b8' },
    ],
    [rows],
  );
  return (
    <section>
      <h2>Over time, by month received</h2>
      <BarLineChart labels={labels} series={series} title="Applications, hires and median days to hire by month" />
      <DataTable label="Applications, hires and time to hire by month" testId="over-time" rows={rows} rowKey={(r) => r.period} columns={OVER_TIME_COLUMNS} />
    </section>
  );
}

const FUNNEL_TABLE_COLUMNS: ReadonlyArray<TableColumn<FunnelRow>> = FUNNEL_COLUMNS.map((c) => ({ header: c.header, cell: c.value }));

/** The funnel over all applications, with external and internal ones (transfers) counted apart in the chart, table and CSV. */
function Funnel(props: { report: Report }) {
  const f = props.report.funnel;
  const { external, internal } = f.byGroup;
  const reasons = (kind: 'rejected' | 'withdrawn') =>
    Object.entries(f.byReason[kind])
      .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
      .map(([reason, n]) => `${reason === 'unknown' ? 'No reason recorded' : REASON_LABELS[reason as ExitReason]} ${n}`)
      .join(', ');
  const rows = useMemo(() => funnelRows(f), [f]);
  const csvRows = useMemo(() => [...rows, ...funnelExitRows(f)], [rows, f]);
  const funnelLabels = useMemo(() => rows.map((r) => r.label), [rows]);
  const funnelSeries: Series[] = useMemo(
    () => [
      { label: 'External applications', values: rows.map((r) => r.external), kind: 'bar', axis: 'count', color: '#1d70b8' },
      { label: 'Internal applications (transfers)', values: rows.map((r) => r.internal), kind: 'bar', axis: 'count', color: '#4c2c92' },
    ],
    [rows],
  );
  return (
    <section aria-labelledby="funnel-heading">
      <TitleWithCsv title="Funnel" titleId="funnel-heading" level={2} rows={csvRows} columns={FUNNEL_COLUMNS} filename="shortlist-funnel" label="Export funnel as CSV" />
      <p data-testid="funnel-scope">
        The funnel counts all applications, as the figures above do. Internal applications (staff moving teams under the transfer protocol) are also counted apart from
        external ones, so that moves within the council do not blur the external funnel's conversions.
      </p>
      <BarLineChart labels={funnelLabels} series={funnelSeries} title="Funnel: external and internal applications reaching each stage" />
      <DataTable label="Funnel" testId="funnel" rows={rows} rowKey={(r) => r.id} columns={FUNNEL_TABLE_COLUMNS} />
      <p data-testid="exits">
        Rejected by us: <strong>{f.exits.rejected}</strong> ({reasons('rejected') || 'none'}). Withdrew: <strong>{f.exits.withdrawn}</strong> ({reasons('withdrawn') || 'none'}).
      </p>
      <p data-testid="exits-by-group">
        External: {external.exits.rejected} rejected, {external.exits.withdrawn} withdrew. Internal: {internal.exits.rejected} rejected, {internal.exits.withdrawn} withdrew.
      </p>
    </section>
  );
}

type StageStay = [keyof Report['timeInStage'], { count: number; median: number | null; p90: number | null }];
const TIME_IN_STAGE_COLUMNS: ReadonlyArray<TableColumn<StageStay>> = [
  { header: 'Stage', cell: ([stage]) => STAGE_LABELS[stage as keyof typeof STAGE_LABELS] ?? stage },
  { header: 'Stays', cell: ([, s]) => s.count },
  { header: 'Median', cell: ([, s]) => days(s.median) },
  { header: '90th percentile', cell: ([, s]) => days(s.p90) },
];

function TimeInStage(props: { report: Report }) {
  const entries = Object.entries(props.report.timeInStage) as StageStay[];
  return (
    <section>
      <h2>Time in stage (working days)</h2>
      <DataTable label="Time in stage" testId="time-in-stage" rows={entries} rowKey={([stage]) => stage} columns={TIME_IN_STAGE_COLUMNS} />
    </section>
  );
}

const SOURCE_COLUMNS: ReadonlyArray<TableColumn<Report['sources'][number]>> = [
  { header: 'Source', cell: (s) => SOURCE_LABELS[s.source] },
  { header: 'Applications', cell: (s) => s.applications },
  { header: 'Hires', cell: (s) => s.hires },
  { header: 'Conversion', cell: (s) => percent(s.conversion) },
  { header: 'Median days to hire', cell: (s) => days(s.medianDaysToHire) },
];

function Sources(props: { report: Report }) {
  return (
    <section>
      <h2>Sources</h2>
      <DataTable label="Source effectiveness" testId="sources" rows={props.report.sources} rowKey={(s) => s.source} columns={SOURCE_COLUMNS} />
    </section>
  );
}

/** Reports for the central team, from shared/measures over the local copy of the council's data. */
export function ReportsPage(props: { route: Route }) {
  const data = useCentralData();
  const printView = props.route.params.get('print') === '1';
  const [choice, setChoice] = useState<ReportChoices>(() => choiceFromParams(props.route.params));
  const report = useMemo(() => (data ? buildReport(data, choice) : null), [data, choice]);
  if (!data || !report) return <p>Loading the reports…</p>;
  const range = periodRange(choice, data.asOf);
  const figures = headlineFigures(report);
  const notice = computedHolidaysNotice(range.from, range.to, data.settings.division);
  const team = data.teams.find((t) => t.id === choice.teamId);
  return (
    <div class={printView ? 'print-view' : ''}>
      <h1>
        {printView ? `${data.organisation}: recruitment report, ${quarterLabel(range.from)}` : 'Reports'}
      </h1>
      <p data-testid="report-scope">
        Applications received {range.from} to {range.to}
        {team ? `, ${team.name}` : ', all teams'}
        {choice.role ? `, ${ROLE_LABELS[choice.role]}` : ''}
        {choice.source ? `, ${SOURCE_LABELS[choice.source]}` : ''}. Workforce rates are for the establishment as it stands today ({data.asOf}).
      </p>
      {printView && (
        <p data-testid="printed-on">
          Printed {formatDay(data.asOf)} for {data.organisation}.
        </p>
      )}
      {notice && <p class="status-amber">{notice}</p>}
      <Filters choice={choice} onChange={setChoice} teams={data.teams} />
      <div class="actions no-print" style={{ display: 'flex', gap: '8px', margin: '0 0 12px' }}>
        <DownloadCsvButton rows={figures} columns={[{ header: 'Measure', value: (r) => r.label }, { header: 'Value', value: (r) => r.value }]} filename="shortlist-report" label="Export figures as CSV" />
        <button type="button" onClick={() => print()}>
          Print
        </button>
      </div>
      <section aria-label="Headline figures">
        <dl class="figures" data-testid="headline">
          {figures.map((f) => (
            <div key={f.id} class="figure">
              <dt>{f.label}</dt>
              <dd data-testid={`figure-${f.id}`}>{f.value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <OverTime report={report} />
      <Funnel report={report} />
      <TimeInStage report={report} />
      <Sources report={report} />
      <RetentionSection choice={choice} />
      <p class="muted">
        Figures computed by the same code as the server's reports (shared/measures); funnel stages: {FUNNEL_STAGES.map((s) => STAGE_LABELS[s]).join(' → ')}, over all applications, with internal ones (source
        “{SOURCE_LABELS.internal}”) counted apart.
      </p>
    </div>
  );
}
