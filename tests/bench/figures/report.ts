/**
 * report.*: the central team's report over 10,000 applications and 100,000 stage events
 * (tests/bench/generate.ts), as the workspace computes it in the page.
 * - report.10k_ms: one report over data already prepared (what a change of filters costs);
 * - report.10k_filtered_ms: the same with period, team and source filters, by quarter;
 * - report.prepare_10k_ms: preparing that data from freshly read records (what a change of data costs);
 * - report.plain_10k_ms: computeReport from scratch (prepare + report), the only path before.
 * Each is the CPU time of the run (tests/bench/lib/sample.ts: what it costs on an idle machine;
 * this machine is shared), and `<name>_wall` the wall-clock time of the same runs.
 */
import { computeReport, prepareReport, reportFromPrepared, type ReportFilters } from '#shared/measures/index';
import { generate } from '../generate';
import { timeSync } from '../lib/sample';
import type { Figure } from './figure';

const RUNS = 40;

export async function measure(): Promise<Record<string, Figure>> {
  const input = generate();
  if (input.events.length !== 100_000) throw new Error(`expected 100,000 events, generated ${input.events.length}`);
  const { asOf, ...data } = input;
  const noFilters: ReportFilters = {};
  const filtered: ReportFilters = { from: '2025-06-01', to: '2026-05-31', teamIds: input.vacancies.slice(0, 20).flatMap((v) => v.teamIds), sources: ['community_care', 'referral'], groupBy: 'quarter' };
  const prepared = prepareReport(data);

  // Each prepare sees records it has not seen before, as after a read from IndexedDB.
  const copies = () => ({ ...data, applications: data.applications.map((a) => ({ ...a })), events: data.events.map((e) => ({ ...e })) });
  const fresh = Array.from({ length: 6 }, copies);
  let next = 0;
  const figures: Record<string, Figure> = {};
  const record = (name: string, t: ReturnType<typeof timeSync>) => {
    figures[name] = t.cpu;
    figures[`${name}_wall`] = t.wall;
  };
  record('report.10k_ms', timeSync(() => reportFromPrepared(prepared, noFilters, asOf), RUNS));
  record('report.10k_filtered_ms', timeSync(() => reportFromPrepared(prepared, filtered, asOf), RUNS));
  record('report.prepare_10k_ms', timeSync(() => prepareReport(fresh[next++ % fresh.length]!), 15, 3));
  record('report.plain_10k_ms', timeSync(() => computeReport(input), 15, 3));
  return figures;
}
