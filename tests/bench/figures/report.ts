/**
 * report.*: the central team's report over 10,000 applications and 100,000 stage events
 * (tests/bench/generate.ts), as the workspace computes it in the page.
 * - report.10k_ms: one report over data already prepared (what a change of filters costs);
 * - report.prepare_10k_ms: preparing that data from freshly read records (what a change of data costs);
 * - report.reprepare_10k_ms: preparing it again after 100 events changed, every record a new
 *   object (the workspace re-reads the database on each change; unchanged events are not re-parsed);
 * - report.plain_10k_ms: computeReport from scratch (prepare + report), the path before the cache.
 */
import { computeReport, prepareReport, reportFromPrepared, ReportPreparer, type ReportFilters } from '#shared/measures/index';
import { generate } from '../generate';
import { timeSync } from '../lib/sample';
import type { Figure } from './figure';

const RUNS = 30;

export async function measure(): Promise<Record<string, Figure>> {
  const input = generate();
  if (input.events.length !== 100_000) throw new Error(`expected 100,000 events, generated ${input.events.length}`);
  const { asOf, ...data } = input;
  const noFilters: ReportFilters = {};
  const prepared = prepareReport(data);

  // Each prepare sees records it has not seen before, as after a read from IndexedDB.
  const copies = () => ({ ...data, applications: data.applications.map((a) => ({ ...a })), events: data.events.map((e) => ({ ...e })) });
  const fresh = Array.from({ length: 8 }, copies);
  let next = 0;
  const preparer = new ReportPreparer();
  preparer.prepare(copies());
  let round = 0;
  const changed = () => {
    const snapshot = fresh[next++ % fresh.length]!;
    round++;
    for (let i = 0; i < 100; i++) {
      const e = snapshot.events[(round * 997 + i * 613) % snapshot.events.length]!;
      e.at = new Date(Date.parse(e.at) + 60_000).toISOString();
    }
    return { ...snapshot, applications: [...snapshot.applications], events: [...snapshot.events] };
  };

  return {
    'report.10k_ms': timeSync(() => reportFromPrepared(prepared, noFilters, asOf), RUNS),
    'report.10k_filtered_ms': timeSync(
      () => reportFromPrepared(prepared, { from: '2025-06-01', to: '2026-05-31', teamIds: input.vacancies.slice(0, 20).flatMap((v) => v.teamIds), sources: ['community_care', 'referral'], groupBy: 'quarter' }, asOf),
      RUNS,
    ),
    'report.prepare_10k_ms': timeSync(() => prepareReport(fresh[next++ % fresh.length]!), 15, 3),
    'report.reprepare_10k_ms': timeSync(() => preparer.prepare(changed()), 15, 3),
    'report.plain_10k_ms': timeSync(() => computeReport(input), 15, 3),
  };
}
