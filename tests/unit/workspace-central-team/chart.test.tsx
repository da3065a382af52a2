// @vitest-environment happy-dom
import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { BarLineChart, chartConfig, type Series } from '../../../extension/ui/charts/BarLineChart';

const series: Series[] = [
  { label: 'Hires', values: [2, 0, 3], kind: 'bar', axis: 'count', color: '#1d70b8' },
  { label: 'Median time to hire (days)', values: [44, null, 38], kind: 'line', axis: 'days', color: '#d4351c' },
];

describe('bar and line chart', () => {
  it('hands chart.js each series on its own axis, gaps kept as null', () => {
    const config = chartConfig(['2026-01', '2026-02', '2026-03'], series);
    expect(config.data.labels).toEqual(['2026-01', '2026-02', '2026-03']);
    const sets = config.data.datasets as Array<{ type: string; label: string; data: unknown[]; yAxisID: string }>;
    expect(sets.map((d) => [d.type, d.label, d.yAxisID])).toEqual([
      ['bar', 'Hires', 'count'],
      ['line', 'Median time to hire (days)', 'days'],
    ]);
    expect(sets[1]?.data).toEqual([44, null, 38]);
    expect(Object.keys(config.options?.scales ?? {})).toEqual(['count', 'days']);
  });

  it('labels the canvas as an image pointing to the table alternative', () => {
    const view = render(<BarLineChart title="Time to hire by month" labels={['2026-01']} series={series} />);
    const img = view.getByRole('img');
    expect(img.tagName).toBe('CANVAS');
    expect(img.getAttribute('aria-label')).toBe('Time to hire by month: chart; the table below has the same figures');
  });
});

describe('chart axes', () => {
  it('draws only the axes its series use', () => {
    const counts = chartConfig(['Applied'], [{ label: 'Applications', values: [10], kind: 'bar', axis: 'count', color: '#000' }]);
    expect(Object.keys(counts.options?.scales ?? {})).toEqual(['count']);
  });
});
