import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface Series {
  label: string;
  values: Array<number | null>;
  kind: 'bar' | 'line';
  /** Which y axis: counts on the left, days on the right, percentages (values 0–100) on the left. */
  axis: 'count' | 'days' | 'percent';
  color: string;
  /** A reference line (a target, the national figure): dashed, without points. */
  reference?: boolean;
}

/** The chart.js configuration for labelled series: kept apart so tests can check what is drawn. */
export function chartConfig(labels: string[], series: Series[]): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels,
      datasets: series.map((s) => ({
        type: s.kind,
        label: s.label,
        data: s.values,
        yAxisID: s.axis,
        backgroundColor: s.color,
        borderColor: s.color,
        spanGaps: true,
        ...(s.reference ? { borderDash: [6, 4], pointRadius: 0, borderWidth: 2 } : {}),
      })) as ChartConfiguration['data']['datasets'],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      // Only the axes some series uses: a chart of counts alone has no empty days axis.
      scales: {
        ...(series.some((s) => s.axis === 'count') ? { count: { type: 'linear', position: 'left', beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'count' } } } : {}),
        ...(series.some((s) => s.axis === 'percent') ? { percent: { type: 'linear', position: 'left', beginAtZero: true, title: { display: true, text: '%' } } } : {}),
        ...(series.some((s) => s.axis === 'days')
          ? { days: { type: 'linear', position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: 'days' } } }
          : {}),
      },
    },
  };
}

/** A bar and line chart (chart.js); the caller shows the same figures in a table beside it. */
export function BarLineChart(props: { labels: string[]; series: Series[]; title: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, chartConfig(props.labels, props.series));
    return () => chart.destroy();
  }, [props.labels, props.series]);
  return (
    <figure style={{ margin: 0, height: '260px' }}>
      <canvas ref={canvas} role="img" aria-label={`${props.title}: chart; the table below has the same figures`} />
    </figure>
  );
}
