import { useMemo, useState } from 'preact/hooks';
import { computedHolidaysNotice } from '#shared/bank-holidays/index';
import { formatDay } from '#shared/calendar';
import { FUNNEL_STAGES, type Report } from '#shared/measures/index';
import { REASON_LABELS, ROLE_LABELS, ROLE_LADDER, SOURCE_LABELS, SOURCES, STAGE_LABELS, type ExitReason } from '#shared/schema/index';
import { BarLineChart, type Series } from '@/ui/charts/BarLineChart';
import { ChoiceSelect } from '@/ui/common/ChoiceSelect';
import { DownloadCsvButton } from '@/ui/csv';
import type { Route } from '@/ui/hooks/useHashRoute';
import { choiceFromParams, days, headlineFigures, percent, periodRange, quarterLabel, buildReport, type PeriodChoice, type ReportChoices } from './reportModel';
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
      <ChoiceSelect id="rf-role" label="Role" allLabel="All roles" value={choice.role} choices={ROLE_LADDER.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} onChange={(role) => onChange({ ...choice, role })} />
      <ChoiceSelect id="rf-source" label="Source" allLabel="All sources" value={choice.source} choices={SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))} onChange={(source) => onChange({ ...choice, source })} />
    </form>
  );
}

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
      <table aria-label="Applications, hires and time to hire by month" data-testid="over-time">
        <thead>
          <tr>
            <th>Month</th>
            <th>Applications</th>
            <th>Shortlisted</th>
            <th>Offered</th>
            <th>Hires</th>
            <th>Median days to hire</th>
            <th>Shortlisted within target</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.period}>
              <td>{r.period}</td>
              <td>{r.applications}</td>
              <td>{r.shortlisted}</td>
              <td>{r.offered}</td>
              <td>{r.hires}</td>
              <td>{days(r.medianDaysToHire)}</td>
              <td>{percent(r.shortlistingSla)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Funnel(props: { report: Report }) {
  const f = props.report.funnel;
  const reasons = (kind: 'rejected' | 'withdrawn') =>
    Object.entries(f.byReason[kind])
      .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
      .map(([reason, n]) => `${reason === 'unknown' ? 'No reason recorded' : REASON_LABELS[reason as ExitReason]} ${n}`)
      .join(', ');
  const funnelLabels = useMemo(() => f.steps.map((s) => STAGE_LABELS[s.stage]), [f]);
  const funnelSeries: Series[] = useMemo(() => [{ label: 'Applications', values: f.steps.map((s) => s.count), kind: 'bar', axis: 'count', color: '#1d70b8' }], [f]);
  return (
    <section>
      <h2>Funnel</h2>
      <BarLineChart labels={funnelLabels} series={funnelSeries} title="Funnel: applications reaching each stage" />
      <table aria-label="Funnel" data-testid="funnel">
        <thead>
          <tr>
            <th>Stage reached</th>
            <th>Applications</th>
            <th>From the step before</th>
            <th>From applied</th>
          </tr>
        </thead>
        <tbody>
          {f.steps.map((s) => (
            <tr key={s.stage}>
              <td>{STAGE_LABELS[s.stage]}</td>
              <td>{s.count}</td>
              <td>{percent(s.fromPrevious)}</td>
              <td>{percent(s.fromApplied)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="exits">
        Rejected by us: <strong>{f.exits.rejected}</strong> ({reasons('rejected') || 'none'}). Withdrew: <strong>{f.exits.withdrawn}</strong> ({reasons('withdrawn') || 'none'}).
      </p>
    </section>
  );
}

function TimeInStage(props: { report: Report }) {
  const entries = Object.entries(props.report.timeInStage) as Array<[keyof Report['timeInStage'], { count: number; median: number | null; p90: number | null }]>;
  return (
    <section>
      <h2>Time in stage (working days)</h2>
      <table aria-label="Time in stage" data-testid="time-in-stage">
        <thead>
          <tr>
            <th>Stage</th>
            <th>Stays</th>
            <th>Median</th>
            <th>90th percentile</th>
          </tr>
        </thead>
        <tbody>
          {entries.map(([stage, s]) => (
            <tr key={stage}>
              <td>{STAGE_LABELS[stage as keyof typeof STAGE_LABELS] ?? stage}</td>
              <td>{s.count}</td>
              <td>{days(s.median)}</td>
              <td>{days(s.p90)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Sources(props: { report: Report }) {
  return (
    <section>
      <h2>Sources</h2>
      <table aria-label="Source effectiveness" data-testid="sources">
        <thead>
          <tr>
            <th>Source</th>
            <th>Applications</th>
            <th>Hires</th>
            <th>Conversion</th>
            <th>Median days to hire</th>
          </tr>
        </thead>
        <tbody>
          {props.report.sources.map((s) => (
            <tr key={s.source}>
              <td>{SOURCE_LABELS[s.source]}</td>
              <td>{s.applications}</td>
              <td>{s.hires}</td>
              <td>{percent(s.conversion)}</td>
              <td>{days(s.medianDaysToHire)}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
      <p class="muted">
        Figures computed by the same code as the server's reports (shared/measures); funnel stages: {FUNNEL_STAGES.map((s) => STAGE_LABELS[s]).join(' → ')}.
      </p>
    </div>
  );
}
