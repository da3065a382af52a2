// @vitest-environment happy-dom
import { asOf, demo, demoDb } from '../workspace-daily/helpers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { SOURCES } from '#shared/schema/index';
import { toCsv } from '@/ui/csv';
import { buildReport, FUNNEL_COLUMNS, funnelExitRows, funnelRows } from '@/ui/workspace/central-team/reportModel';
import { demoCentralData } from './demo-data';

const files = vi.hoisted(() => ({ saveFile: vi.fn(), saveCsv: vi.fn(), datedName: (name: string, ext: string) => `${name}.${ext}` }));
vi.mock('@/ui/csv/saveFile', () => files);
const { ReportsPage } = await import('@/ui/workspace/central-team/ReportsPage');

afterEach(cleanup);

const { data } = demoCentralData(asOf);
const year = { period: 'last-12-months' as const };

describe('funnel rows: internal applications counted apart', () => {
  const report = buildReport(data, year);
  const rows = funnelRows(report.funnel);

  it('has internal applications in the demo year to count', () => {
    expect(rows[0]!.internal).toBeGreaterThan(0);
    expect(rows[0]!.external).toBeGreaterThan(rows[0]!.internal);
  });

  it("counts as internal exactly the report's funnel of source Internal transfer, and as external that of every other source", () => {
    const internalOnly = buildReport(data, { ...year, source: 'internal' }).funnel;
    expect(rows.map((r) => r.internal)).toEqual(internalOnly.steps.map((s) => s.count));
    expect(rows.map((r) => r.internalFromPrevious)).toEqual(internalOnly.steps.map((s) => s.fromPrevious));
    const others = SOURCES.filter((s) => s !== 'internal').map((source) => buildReport(data, { ...year, source }).funnel);
    expect(rows.map((r) => r.external)).toEqual(rows.map((_, i) => others.reduce((n, f) => n + f.steps[i]!.count, 0)));
    const exits = funnelExitRows(report.funnel);
    expect(exits.map((r) => r.internal)).toEqual([internalOnly.exits.rejected, internalOnly.exits.withdrawn]);
    expect(exits.map((r) => r.all)).toEqual(exits.map((r) => r.external + r.internal));
  });
});

describe('reports page funnel', () => {
  it('shows external and internal counts beside all applications, in the print view too, and exports them as CSV', async () => {
    await demoDb();
    render(<ReportsPage route={{ path: '/reports', params: new URLSearchParams({ period: 'last-12-months', print: '1' }) }} />);
    const table = await screen.findByTestId('funnel');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('recruitment report');
    expect(table.closest('.no-print')).toBeNull();
    const report = buildReport({ ...data, asOf }, year);
    const rows = funnelRows(report.funnel);
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(FUNNEL_COLUMNS.map((c) => c.header));
    const cells = within(table).getAllByRole('row').slice(1).map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    const col = (header: string) => headers.indexOf(header);
    expect(cells.map((c) => Number(c[col('All applications')]))).toEqual(rows.map((r) => r.all));
    expect(cells.map((c) => Number(c[col('External')]))).toEqual(rows.map((r) => r.external));
    expect(cells.map((c) => Number(c[col('Internal')]))).toEqual(rows.map((r) => r.internal));
    expect(screen.getByTestId('funnel-scope').textContent).toContain('counts all applications');
    const { external, internal } = report.funnel.byGroup;
    expect(screen.getByTestId('exits-by-group').textContent).toBe(
      `External: ${external.exits.rejected} rejected, ${external.exits.withdrawn} withdrew. Internal: ${internal.exits.rejected} rejected, ${internal.exits.withdrawn} withdrew.`,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Export funnel as CSV' }));
    expect(files.saveCsv).toHaveBeenCalledWith('shortlist-funnel.csv', toCsv([...rows, ...funnelExitRows(report.funnel)], FUNNEL_COLUMNS));
    const csv = files.saveCsv.mock.calls[0]![1] as string;
    expect(csv.split('\r\n')[0]).toBe('Stage reached,All applications,From the step before,From applied,External,"External, from the step before",Internal,"Internal, from the step before"');
    expect(csv).toContain(`Withdrew,${report.funnel.exits.withdrawn},—,—,${external.exits.withdrawn},—,${internal.exits.withdrawn},—`);
  });
});
